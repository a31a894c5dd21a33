namespace Landrush.Core.Whois;

/// <summary>
/// What a registry reply says, decided before anything is read from it. Only <see cref="Registered"/>,
/// <see cref="Free"/>, <see cref="Quarantine"/> and <see cref="Inactive"/> are facts about a domain; every
/// other class says something about the server or the conversation and must never be recorded as one.
/// </summary>
public enum ReplyClass
{
    /// <summary>Nothing recognisable: keep the raw reply, never guess.</summary>
    Unparseable = 0,

    /// <summary>A record with status <c>active</c>.</summary>
    Registered,

    /// <summary>The server says the name is free (<c>x.nl is free</c>, RDAP 404).</summary>
    Free,

    /// <summary>A record with status <c>in quarantine</c>: cancelled, held before it becomes free.</summary>
    Quarantine,

    /// <summary>A record with status <c>inactive</c>: registered but not delegated.</summary>
    Inactive,

    /// <summary>Rate limit (<c>only 1 request per second allowed</c>, RDAP 429): wait and retry.</summary>
    Throttled,

    /// <summary>The client's daily quota is used up (<c>daily whois-limit exceeded</c>): stop until the next day.</summary>
    DailyLimit,

    /// <summary>The server says it is busy, down or refuses the query.</summary>
    Unavailable,

    /// <summary>The reply exceeded the client's size cap and was cut; it is not read.</summary>
    Oversize,
}
