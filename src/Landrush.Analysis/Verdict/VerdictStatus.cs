namespace Landrush.Analysis.Verdict;

/// <summary>What the verdict says about capacity.</summary>
public enum VerdictStatus
{
    /// <summary>No party's capacity is significantly above k times a typical participant's, under every demand variant.</summary>
    NoExcessCapacity,

    /// <summary>Some party's capacity is significantly above k×, under every demand variant.</summary>
    ExcessCapacity,

    /// <summary>The answer flips between reasonable readings of demand: neither answer is reported.</summary>
    Inconclusive,

    /// <summary>No verdict is defined (no registered names, or a single party): see <see cref="CapacityVerdict.Plain"/>.</summary>
    Undefined,
}
