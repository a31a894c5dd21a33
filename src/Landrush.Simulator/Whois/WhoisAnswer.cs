namespace Landrush.Simulator.Whois;

/// <summary>What the WHOIS server answered a query; the query log writes the lower-case word.</summary>
public enum WhoisAnswer
{
    /// <summary>A registered name's record (<c>record</c>).</summary>
    Record,

    /// <summary><c>x.nl is free</c> (<c>free</c>).</summary>
    Free,

    /// <summary>The per-second throttle line (<c>throttle</c>).</summary>
    Throttle,

    /// <summary>The daily-limit line (<c>limit</c>).</summary>
    Limit,

    /// <summary>The busy line: injected, or more connections than allowed (<c>busy</c>).</summary>
    Busy,

    /// <summary>The query was not a name, or longer than allowed: an error line (<c>invalid</c>).</summary>
    Invalid,

    /// <summary>No query line within the read timeout: dropped (<c>timeout</c>).</summary>
    Timeout,

    /// <summary>Injected: part of the reply, then a reset (<c>reset</c>).</summary>
    Reset,

    /// <summary>Injected: a reply that never ends (<c>trickle</c>).</summary>
    Trickle,

    /// <summary>Injected: closed without a byte (<c>empty</c>).</summary>
    Empty,

    /// <summary>Injected: scrambled bytes (<c>garbled</c>).</summary>
    Garbled,

    /// <summary>Injected: the reply cut short (<c>truncated</c>).</summary>
    Truncated,
}
