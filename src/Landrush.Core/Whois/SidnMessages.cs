namespace Landrush.Core.Whois;

/// <summary>
/// The one-line limit and busy replies of SIDN's WHOIS server (<c>whois.domain-registry.nl</c>), exactly
/// as it sends them. The reader recognises them and the simulator sends them, so both take them from here.
/// </summary>
public static class SidnMessages
{
    /// <summary>The server name that prefixes every message.</summary>
    public const string DefaultServer = "whois.domain-registry.nl";

    /// <summary>The fixed tail of <see cref="Throttled"/> and <see cref="Busy"/>.</summary>
    public const string TryAgainLater = "try again later";

    /// <summary>The fixed part of <see cref="Throttled"/> after the number: <c>per second allowed</c>.</summary>
    public const string PerSecondAllowed = "per second allowed";

    /// <summary>The fixed part of <see cref="DailyLimit"/>: <c>daily whois-limit exceeded for client</c>.</summary>
    public const string DailyLimitExceeded = "daily whois-limit exceeded for client";

    /// <summary>The fixed part of <see cref="Busy"/>: <c>Server too busy</c>.</summary>
    public const string ServerTooBusy = "Server too busy";

    /// <summary>Per-second rate limit: <c>whois.domain-registry.nl: only 1 request per second allowed, try again later</c>.</summary>
    public static string Throttled(string server = DefaultServer, int perSecond = 1) =>
        $"{server}: only {perSecond} request{(perSecond == 1 ? "" : "s")} {PerSecondAllowed}, {TryAgainLater}";

    /// <summary>Daily cap reached: <c>whois.domain-registry.nl: daily whois-limit exceeded for client 192.0.2.1</c>.</summary>
    public static string DailyLimit(string clientAddress, string server = DefaultServer) =>
        $"{server}: {DailyLimitExceeded} {clientAddress}";

    /// <summary>Overload: <c>whois.domain-registry.nl: Server too busy, try again later</c>.</summary>
    public static string Busy(string server = DefaultServer) => $"{server}: {ServerTooBusy}, {TryAgainLater}";

    /// <summary>A query that is not a domain name: <c>Error: invalid domain name</c>.</summary>
    public const string InvalidDomainName = "Error: invalid domain name";

    /// <summary>How every error line of the server begins (<see cref="InvalidDomainName"/>).</summary>
    public const string ErrorPrefix = "Error:";
}
