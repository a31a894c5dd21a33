namespace Landrush.Analysis.Verdict;

/// <summary>
/// Whether a range party's losses support the assumption that it sent its list in index order: the best
/// log-likelihood of which positions it lost under index order against the same under an unknown (uniformly
/// random) order, on the same list, level classes and want rates. Index order is used only when it explains the
/// losses better by at least <see cref="DemandInference.OrderEvidence"/>; otherwise (the data contradict index order
/// or cannot tell) the race is read level-only: how many names others wanted it lost, not where.
/// </summary>
/// <param name="Party">Index of the party in the observed allocation.</param>
/// <param name="IndexLogLikelihood">Maximum over the multiples of the index-order reading's log-likelihood.</param>
/// <param name="AnyOrderLogLikelihood">Maximum over the multiples of the unknown-order reading's log-likelihood of the same positions.</param>
/// <param name="IndexOrder">Whether the race uses the index order (and so where the losses fall).</param>
public sealed record SendOrderCheck(int Party, double IndexLogLikelihood, double AnyOrderLogLikelihood, bool IndexOrder)
{
    /// <summary>Log-likelihood ratio of index order over an unknown order (positive: index order fits better).</summary>
    public double LogLikelihoodRatio => IndexLogLikelihood - AnyOrderLogLikelihood;

    /// <summary>The best log-likelihood of which positions were lost over both readings: comparable between demand variants.</summary>
    public double BestLogLikelihood => Math.Max(IndexLogLikelihood, AnyOrderLogLikelihood);
}
