using Landrush.Core.Whois;

namespace Landrush.Reports.Json;

/// <summary>A registrar, last registrar or reseller in a WHOIS line.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Address">Its address lines.</param>
public sealed record WhoisPartyJson(string Name, IReadOnlyList<string> Address)
{
    public static WhoisPartyJson? From(WhoisParty? p) => p is null ? null : new(p.Name, p.AddressLines);
}
