namespace Landrush.Profiles.Nl2008;

/// <summary>How a reconstruction built a party's wish list. Written lower-case in the party truth file.</summary>
public enum PartyRole
{
    /// <summary>A range party: wants whole ranges of numbers in order (parties A and B of nl-2008).</summary>
    Range,

    /// <summary>Wants a whole class of names (all area codes).</summary>
    Class,

    /// <summary>Wants one run of consecutive numbers.</summary>
    Run,

    /// <summary>Collects names of the contested block, plus a few others.</summary>
    Block,

    /// <summary>A weighted random list of heavy-tailed size.</summary>
    Ordinary,
}
