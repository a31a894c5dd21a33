namespace Landrush.Analysis.Verdict;

/// <summary>How hard the verdict looked: the chance that this landrush's data would have flagged a party at <paramref name="Multiple"/>×.</summary>
/// <param name="Multiple">The capacity multiple asked about.</param>
/// <param name="Probability">Share of races simulated under the fitted demand with the party at that multiple that the test flags.</param>
public sealed record PowerAt(double Multiple, double Probability);
