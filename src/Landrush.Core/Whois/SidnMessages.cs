namespace Landrush.Core.Whois;

/// <summary>
/// The one-line limit and busy replies of SIDN's WHOIS server (<c>whois.domain-registry.nl</c>), exactly
/// as it sends them. The reader recognises them and the simulator sends them, so both take them from here.
/// </summary>
public static class SidnMessages
{
    /// <summary>The server name that prefixes every message.</summary>
    public const string DefaultServer = "whois.domain-registry.nl";

    /// <summary>Per-second rate limit: <c>whois.domain-registry.nl: only 1 request per second allowed, try again later</c>.</summary>
    public static string Throttled(string server = DefaultServer, int perSecond = 1) =>
        $"{server}: only {perSecond} request{(perSecond == 1 ? "" : "s")} per second allowed, try again later";

    /// <summary>Daily cap reached: <c>whois.domain-registry.nl: daily whois-limit exceeded for client 192.0.2.1</c>.</summary>
    public static string DailyLimit(string clientAddress, string server = DefaultServer) =>
        $"{server}: daily whois-limit exceeded for client {clientAddress}";

    /// <summary>Overload: <c>whois.domain-registry.nl: Server too busy, try again later</c>.</summary>
    public static string Busy(string server = DefaultServer) => $"{server}: Server too busy, try again later";

    /// <summary>A query that is not a domain name: <c>Error: invalid domain name</c>.</summary>
    public const string InvalidDomainName = "Error: invalid domain name";
}
