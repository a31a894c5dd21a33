namespace Landrush.Analysis.Verdict;

/// <summary>
/// The verdict and implied multiples under one demand variant.
/// </summary>
/// <param name="Variant">The variant's short name.</param>
/// <param name="Description">It in words.</param>
/// <param name="ExcessCapacity">The verdict under it.</param>
/// <param name="PValue">Its combined (Fisher) p-value of "no party above k×".</param>
/// <param name="Multiples">Implied multiple of each tested party (an estimate, a one-sided bound, or neither), in the order of <see cref="VerdictResult.ImpliedCapacities"/>.</param>
/// <param name="ContestedNames">Span names of the tested parties that others are expected to want under it.</param>
/// <param name="ExpectedCr2">Equal-capacity mean CR2 under it.</param>
/// <param name="ExplainedByDemand">That over the observed CR2, capped at 1.</param>
/// <param name="Contradiction">The test by which the data contradict this reading (it then neither makes the verdict
/// inconclusive nor widens the intervals); null when they do not.</param>
public sealed record SensitivityRow(string Variant, string Description, bool ExcessCapacity, double PValue, IReadOnlyList<MultipleRange> Multiples,
    int ContestedNames, double ExpectedCr2, double ExplainedByDemand, PatternContradiction? Contradiction = null);
