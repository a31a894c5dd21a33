namespace Landrush.Harvest.Store;

/// <summary>
/// One harvester process working on a store, as the store records it: every reply it stores carries its name and
/// source address (the politeness log a registry may ask to see), and <c>harvest status</c> lists it.
/// </summary>
/// <param name="Name">The worker's name (<c>--worker</c>); unique among the store's workers. Default is HOST:PID.</param>
/// <param name="SourceAddress">The address its queries leave from (<c>--source-address</c>), or null for the system's choice.</param>
/// <param name="Host">The machine it runs on.</param>
/// <param name="Pid">Its process id.</param>
/// <param name="WhoisRate">Its own WHOIS rate, queries per second.</param>
public sealed record HarvestWorker(string Name, string? SourceAddress, string Host, int Pid, double WhoisRate)
{
    /// <summary>This process, named <paramref name="name"/> or HOST:PID.</summary>
    public static HarvestWorker ThisProcess(string? name, string? sourceAddress, double whoisRate) => new(
        string.IsNullOrWhiteSpace(name) ? $"{Environment.MachineName}:{Environment.ProcessId}" : name.Trim(),
        sourceAddress, Environment.MachineName, Environment.ProcessId, whoisRate);
}
