namespace Landrush.Harvest.Store;

/// <summary>Where a name stands in the WHOIS (or RDAP) stage.</summary>
public enum WhoisState
{
    /// <summary>Not asked yet (or not to be asked).</summary>
    Pending = 0,

    /// <summary>A reply that is a fact about the name is stored: never asked again.</summary>
    Answered = 1,

    /// <summary>Asked, retried, no fact: the next run asks again. <see cref="NameState.Reason"/> says why.</summary>
    Failed = 2,
}

/// <summary>The one rule both stores apply when a reply is saved for a name not yet answered.</summary>
internal static class WhoisStates
{
    /// <summary>
    /// The name's state after a reply: answered when a record was stored; otherwise what the caller said, except that
    /// "answered" without a record cannot stand (no fact was kept) and is stored as failed, to be asked again.
    /// </summary>
    public static WhoisState After(WhoisState said, bool recorded) =>
        recorded ? WhoisState.Answered : said == WhoisState.Answered ? WhoisState.Failed : said;
}
