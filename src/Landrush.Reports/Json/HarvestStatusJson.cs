namespace Landrush.Reports.Json;

/// <summary>
/// The one JSON object <c>landrush harvest status --json</c> prints: the harvest's plan, names done per stage, the workers
/// seen, and the time left (the command maps its store's status into this record; Reports knows no store).
/// </summary>
/// <param name="Store">Where the store is.</param>
/// <param name="Space">The name space harvested.</param>
/// <param name="Tld">Its TLD.</param>
/// <param name="Shard">This store's shard of the space.</param>
/// <param name="Source">Where the replies come from.</param>
/// <param name="Dns">The DNS sweep.</param>
/// <param name="Whois">The WHOIS stage.</param>
/// <param name="Workers">The workers seen.</param>
/// <param name="ActiveRate">WHOIS exchanges a second of the workers active lately, rounded to 3 decimals.</param>
/// <param name="EtaSeconds">Seconds left at that rate, rounded; null when unknown.</param>
public sealed record HarvestStatusJson(
    string Store, string Space, string Tld, string Shard, string Source, DnsStageJson Dns, WhoisStageJson Whois,
    IReadOnlyList<WorkerJson> Workers, double ActiveRate, double? EtaSeconds);
