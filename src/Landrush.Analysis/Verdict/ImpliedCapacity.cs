namespace Landrush.Analysis.Verdict;

/// <summary>
/// The capacity, relative to a typical participant (1), with which a range party's race through its blocks
/// (<see cref="RangeRace"/>) best explains which names it lost there: the maximum-likelihood multiple on a grid
/// from <see cref="CapacityFit.MinMultiple"/> to <see cref="CapacityFit.MaxMultiple"/>.
/// </summary>
/// <param name="Party">Index of the party in the observed allocation.</param>
/// <param name="Label">Its label.</param>
/// <param name="Holdings">Names it holds.</param>
/// <param name="BlockNames">Names of its inferred list (its blocks and its other names), 0 for a party with no block.</param>
/// <param name="BlockLosses">Of those, the ones others hold: the evidence the multiple is fitted to.</param>
/// <param name="ExpectedContested">How many of its list's names others are expected to have wanted (Σ 1 − e^(−λ)).</param>
/// <param name="Multiple">Point estimate (maximum likelihood); null when not identified (no block, or nothing others wanted).</param>
/// <param name="Low">Lower end of the 95% interval, widened over every demand variant of the sensitivity table that the data do not contradict (demand is
/// inferred, so its uncertainty belongs in the interval); the grid's minimum when the data do not bound it.</param>
/// <param name="High">Upper end of that interval; null when the data do not bound it from above.</param>
/// <param name="FitLow">Lower end of the 95% profile-likelihood interval under the base demand alone.</param>
/// <param name="FitHigh">Upper end of that interval; null when unbounded.</param>
/// <param name="IndexOrder">Whether the base reading used where the losses fell (the party's losses support sending its list in
/// index order, <see cref="SendOrderCheck"/>) or only how many there were (unknown order).</param>
/// <param name="SharedWith">Another party that holds a third or more of its blocks' names (see
/// <see cref="InferredDemand.SharedBlockOf"/>): the race is then not read. Null otherwise.</param>
/// <param name="SharedNames">How many names of its blocks <paramref name="SharedWith"/> holds.</param>
public sealed record ImpliedCapacity(int Party, string Label, int Holdings, int BlockNames, int BlockLosses, double ExpectedContested,
    double? Multiple, double Low, double? High, double FitLow, double? FitHigh, bool IndexOrder = true, string? SharedWith = null, int SharedNames = 0);
