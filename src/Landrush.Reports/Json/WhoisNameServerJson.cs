using Landrush.Core.Whois;

namespace Landrush.Reports.Json;

/// <summary>A name server in a WHOIS line.</summary>
/// <param name="Host">Its host name, lower case.</param>
/// <param name="Addresses">Its IP addresses, where the reply gives them.</param>
public sealed record WhoisNameServerJson(string Host, IReadOnlyList<string> Addresses)
{
    public static WhoisNameServerJson From(NameServer ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return new(ns.Host, [.. ns.Addresses.Select(a => a.ToString())]);
    }
}
