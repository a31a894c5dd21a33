namespace Landrush.Harvest.Pipeline;

/// <summary>What the harvester knows of a registry's WHOIS server: its default rate, daily cap and terms.</summary>
/// <param name="Tld">The TLD it serves.</param>
/// <param name="Host">Its host name.</param>
/// <param name="Rate">Queries per second it allows one client address.</param>
/// <param name="DailyCap">Queries a day it allows one client address; null when not published.</param>
/// <param name="Terms">Where its terms of use are.</param>
public sealed record KnownWhoisServer(string Tld, string Host, double Rate, int? DailyCap, string Terms)
{
    /// <summary>The built-in table. SIDN's limit line says one request a second; its daily cap is not published.</summary>
    public static IReadOnlyList<KnownWhoisServer> All { get; } =
    [
        new("nl", "whois.domain-registry.nl", 1, null, "https://www.sidn.nl/en/whois (WHOIS conditions: no automated look-ups, no storing results without written permission)"),
    ];

    /// <summary>The server of <paramref name="tld"/>, or null.</summary>
    public static KnownWhoisServer? ForTld(string tld) => All.FirstOrDefault(s => s.Tld == tld);

    /// <summary>The entry for <paramref name="host"/>, or null.</summary>
    public static KnownWhoisServer? ForHost(string host) => All.FirstOrDefault(s => string.Equals(s.Host, host, StringComparison.OrdinalIgnoreCase));
}
