namespace Landrush.Harvest.Store;

/// <summary>One worker as a store saw it, for <c>harvest status</c>.</summary>
/// <param name="Name">The worker's name.</param>
/// <param name="SourceAddress">Its source address, or null when it let the system choose.</param>
/// <param name="Host">Its machine.</param>
/// <param name="Pid">Its process id (of its latest start).</param>
/// <param name="WhoisRate">The WHOIS rate it was started with, per second.</param>
/// <param name="Started">Its latest start.</param>
/// <param name="LastSeen">Its latest write or lease renewal.</param>
/// <param name="DnsNames">DNS outcomes it stored.</param>
/// <param name="WhoisQueries">WHOIS/RDAP exchanges it stored.</param>
/// <param name="Throttles">Throttle replies it received.</param>
/// <param name="RecentRate">Its WHOIS exchanges per second over the last minute.</param>
public sealed record WorkerStatus(
    string Name, string? SourceAddress, string? Host, int? Pid, double? WhoisRate, DateTimeOffset? Started, DateTimeOffset? LastSeen,
    long DnsNames, long WhoisQueries, long Throttles, double RecentRate);
