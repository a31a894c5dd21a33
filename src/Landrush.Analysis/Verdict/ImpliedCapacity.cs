namespace Landrush.Analysis.Verdict;

/// <summary>
/// The capacity, relative to a typical participant (1), with which blind first-come-first-served under the
/// inferred demand reproduces a party's wins among contested names; fitted by simulation on a grid of
/// multiples from <see cref="CapacityFit.MinMultiple"/> to <see cref="CapacityFit.MaxMultiple"/>.
/// </summary>
/// <param name="Party">Index of the party in the observed allocation.</param>
/// <param name="Label">Its label.</param>
/// <param name="Holdings">Names it holds.</param>
/// <param name="ContestedWanted">Names on its inferred list that someone else wanted too.</param>
/// <param name="ContestedHoldings">Of those, the ones it holds: the evidence the multiple is fitted to.</param>
/// <param name="Multiple">Point estimate (where the simulated mean meets the observed count).</param>
/// <param name="Low">Lower end of the 95% interval (the grid's minimum when the data do not bound it).</param>
/// <param name="High">Upper end of the 95% interval; null when the data do not bound it from above.</param>
public sealed record ImpliedCapacity(int Party, string Label, int Holdings, int ContestedWanted, int ContestedHoldings,
    double Multiple, double Low, double? High);
