using System.Globalization;
using Landrush.Core.Whois;

namespace Landrush.Reports.Json;

/// <summary>The record a WHOIS or RDAP reply carries, as <c>whois --json</c> and <c>whois-parse --json</c> show it.</summary>
/// <remarks>An unknown fact is null, never left out; dates are <c>yyyy-MM-dd</c>.</remarks>
public sealed record WhoisRecordJson(
    string Domain, string Status, string? StatusText, WhoisPartyJson? Registrar, WhoisPartyJson? LastRegistrar, WhoisPartyJson? Reseller,
    WhoisContactJson? Registrant, WhoisContactJson? Admin, IReadOnlyList<WhoisContactJson> Tech, IReadOnlyList<WhoisNameServerJson> NameServers,
    bool? Dnssec, string? Created, string? Updated, string? OutOfQuarantine, WhoisAbuseJson? Abuse, string? MaintainedBy,
    IReadOnlyList<WhoisFieldJson> OtherFields)
{
    public static WhoisRecordJson? From(WhoisRecord? r) => r is null ? null : new(
        r.Domain, Words.DomainState(r.Status), r.StatusText, WhoisPartyJson.From(r.Registrar), WhoisPartyJson.From(r.LastRegistrar),
        WhoisPartyJson.From(r.Reseller), WhoisContactJson.From(r.Registrant), WhoisContactJson.From(r.Admin),
        [.. r.Tech.Select(WhoisContactJson.From).OfType<WhoisContactJson>()], [.. r.NameServers.Select(WhoisNameServerJson.From)], r.Dnssec,
        Date(r.Created), Date(r.Updated), Date(r.OutOfQuarantine), WhoisAbuseJson.From(r.Abuse), r.MaintainedBy,
        [.. r.OtherFields.Select(WhoisFieldJson.From)]);

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
