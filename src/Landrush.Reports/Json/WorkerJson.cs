namespace Landrush.Reports.Json;

/// <summary>A worker in <c>harvest status --json</c>.</summary>
/// <param name="Name">The worker's name.</param>
/// <param name="SourceAddress">The address it sends from; null for the system's choice.</param>
/// <param name="Host">The machine it runs on.</param>
/// <param name="Pid">Its process id.</param>
/// <param name="WhoisRateLimit">Its WHOIS rate limit, per second.</param>
/// <param name="Started">When it started (round-trip UTC text, <c>O</c>).</param>
/// <param name="LastSeen">When it was last seen (round-trip UTC text, <c>O</c>).</param>
/// <param name="DnsNames">Names it swept.</param>
/// <param name="WhoisExchanges">WHOIS exchanges it made.</param>
/// <param name="Throttles">Throttle replies it got.</param>
/// <param name="RateLastMinute">Its WHOIS rate over the last minute, rounded to 3 decimals.</param>
public sealed record WorkerJson(
    string Name, string? SourceAddress, string? Host, int? Pid, double? WhoisRateLimit, string? Started, string? LastSeen, long DnsNames,
    long WhoisExchanges, long Throttles, double RateLastMinute);
