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
