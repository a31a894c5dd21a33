namespace Landrush.Analysis.NullModels;

/// <summary>The fair-allocation models the observed concentration is set against.</summary>
public enum NullModelKind
{
    /// <summary>
    /// Each registered name to a uniformly chosen participant, whatever it asked for: the "neutral spread"
    /// a naive reading expects. The headline's reference, never the verdict.
    /// </summary>
    Uniform,

    /// <summary>Each registered name to a uniformly chosen participant among those who wanted it (inferred demand).</summary>
    Lottery,

    /// <summary>Blind first-come-first-served with every participant at the same capacity (inferred demand).</summary>
    EqualCapacity,
}
