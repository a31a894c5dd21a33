namespace Landrush.Analysis.Verdict;

/// <summary>
/// The verdict on capacity and what demand alone explains, as numbers and reason codes; Reports puts it in words.
/// </summary>
/// <param name="Status">The answer, with inconclusive when demand variants disagree.</param>
/// <param name="Reason">Why the status is what it is.</param>
/// <param name="ExcessCapacity">True or false when conclusive; null when inconclusive or undefined.</param>
/// <param name="PValue">The combined test of "no party above <see cref="Threshold"/>× capacity" over the tested parties
/// (<see cref="ClosedTesting.Local"/>); null when undefined.</param>
/// <param name="Parties">Labels of the parties flagged under the base demand (closed testing, familywise α).</param>
/// <param name="Misfit">Labels of the tested parties whose race model failed its check (their p-value is not believed).</param>
/// <param name="Borderline">Labels of the tested parties whose test rejects k× while their 95% interval still holds k×.</param>
/// <param name="ExplainedByDemand">Equal-capacity expectation of CR2 under the inferred demand over the observed CR2
/// (capped at 1): how much of the concentration demand alone explains. Null when undefined.</param>
/// <param name="NearlyAllByDemand">Whether <paramref name="ExplainedByDemand"/> reaches <see cref="VerdictAnalysis.NearlyAll"/>.</param>
/// <param name="ExpectedCr2">That expectation.</param>
/// <param name="ObservedCr2">The observed CR2 over the participants.</param>
/// <param name="Threshold">k, the excess threshold used.</param>
/// <param name="Alpha">The one-sided level used.</param>
/// <param name="Power">With "no excess": the chance that this landrush's data would have flagged a party at 3×, 5× and 10×
/// (the best of the tested parties; 0 when no party could be tested). Empty otherwise.</param>
public sealed record CapacityVerdict(VerdictStatus Status, VerdictReason Reason, bool? ExcessCapacity, double? PValue, IReadOnlyList<string> Parties,
    IReadOnlyList<string> Misfit, IReadOnlyList<string> Borderline, double? ExplainedByDemand, bool NearlyAllByDemand, double? ExpectedCr2,
    double? ObservedCr2, double Threshold, double Alpha, IReadOnlyList<PowerAt>? Power = null);
