namespace Landrush.Analysis.Verdict;

/// <summary>What the verdict says about capacity.</summary>
public enum VerdictStatus
{
    /// <summary>No party's capacity is significantly above k times a typical participant's; the verdict says how hard it looked (its power).</summary>
    NoExcessCapacity,

    /// <summary>Some party's capacity is significantly above k×, under every demand variant.</summary>
    ExcessCapacity,

    /// <summary>The data cannot tell: a reading of demand the data do not contradict moves the answer across α.</summary>
    Inconclusive,

    /// <summary>No verdict is defined (no registered names, or a single party): <see cref="CapacityVerdict.Reason"/> says which.</summary>
    Undefined,
}
