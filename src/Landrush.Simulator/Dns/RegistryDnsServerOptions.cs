using Landrush.Simulator.Faults;

namespace Landrush.Simulator.Dns;

/// <summary>Settings of a <see cref="RegistryDnsServer"/>.</summary>
public sealed record RegistryDnsServerOptions
{
    /// <summary>Injected faults (drop, SERVFAIL, latency). Default is none.</summary>
    public DnsFaults Faults { get; init; } = DnsFaults.None;

    /// <summary>Longest a TCP client may stay silent, and longest a send may take. Default is 5 seconds.</summary>
    public TimeSpan Timeout
    {
        get;
        init => field = value > TimeSpan.Zero && value < TimeSpan.FromHours(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "positive, under an hour");
    } = TimeSpan.FromSeconds(5);
}
