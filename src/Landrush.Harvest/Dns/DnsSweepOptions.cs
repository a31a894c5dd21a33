using System.Net;

namespace Landrush.Harvest.Dns;

/// <summary>Settings of a <see cref="DnsSweeper"/>. Every value is checked when set.</summary>
public sealed record DnsSweepOptions
{
    /// <summary>The TLD's authoritative servers to ask (at least one). Sockets are spread over them in turn.</summary>
    public required IReadOnlyList<IPEndPoint> Servers
    {
        get;
        init => field = value is { Count: > 0 } ? value : throw new ArgumentException("at least one DNS server", nameof(value));
    }

    /// <summary>
    /// Long-lived UDP sockets, one dedicated thread each. Default is 2: on loopback one socket already
    /// reaches NSD's rate; a second keeps the server busy while the first thread works.
    /// </summary>
    public int Sockets
    {
        get;
        init => field = value is >= 1 and <= 64 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "1 to 64 sockets");
    } = 2;

    /// <summary>
    /// Queries in flight per socket. Default is 250. Windows above about 2,000 overflow NSD's 2 MB receive
    /// buffer (replies dropped, recovered by retries). At most 4,096 (the id carries the slot).
    /// </summary>
    public int Window
    {
        get;
        init => field = value is >= 1 and <= 4096 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "1 to 4096 in flight");
    } = 250;

    /// <summary>
    /// Most queries per second over all sockets, retries included; 0 is no cap. Default is 100, modest
    /// toward real authoritative servers (which rate-limit responses anyway); raise it only for servers you run.
    /// </summary>
    public double QueriesPerSecond
    {
        get;
        init => field = (value == 0 || value >= MinQueriesPerSecond) && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "0 (no cap) or one query a day or more");
    } = DefaultQueriesPerSecond;

    /// <summary>The slowest capped <see cref="QueriesPerSecond"/>: one query a day (slower paces overflow the waits between queries).</summary>
    public const double MinQueriesPerSecond = 1.0 / 86_400;

    /// <summary>The default of <see cref="QueriesPerSecond"/>: 100.</summary>
    public const double DefaultQueriesPerSecond = 100;

    /// <summary>Wait for the first reply before asking again. Default is 1 second; each retry doubles it (backoff).</summary>
    public TimeSpan Timeout
    {
        get;
        init => field = value > TimeSpan.Zero && value <= TimeSpan.FromMinutes(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "above zero, at most a minute");
    } = TimeSpan.FromSeconds(1);

    /// <summary>Times a name is asked again after a timeout or SERVFAIL before it is <see cref="DnsOutcome.Unknown"/>. Default is 3.</summary>
    public int Retries
    {
        get;
        init => field = value is >= 0 and <= 20 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "0 to 20 retries");
    } = 3;

    /// <summary>
    /// Draw query ids at random (the bits the slot does not use) rather than counting. Default is true:
    /// toward real servers ids and (per socket, by the OS) source ports are unpredictable; a benchmark on
    /// loopback may turn it off.
    /// </summary>
    public bool RandomIds { get; init; } = true;

    /// <summary>
    /// The local address the queries leave from (each socket is bound to it), so that one machine with several addresses
    /// can run a harvester per address. Default is null: the system's choice.
    /// </summary>
    public IPAddress? LocalAddress { get; init; }

    /// <summary>Seed of the id draws when <see cref="RandomIds"/> is on; null draws from the system's generator.</summary>
    public int? Seed { get; init; }
}
