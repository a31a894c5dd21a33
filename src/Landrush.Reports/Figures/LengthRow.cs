namespace Landrush.Reports.Figures;

/// <summary>Names of one label length: how many the space has and how many each group holds.</summary>
/// <param name="Length">Label length (characters left of the TLD).</param>
/// <param name="NamesOfLength">Names of that length in the space.</param>
/// <param name="HeldByGroup">Names of that length each group holds, aligned with <see cref="LengthBreakdown.Groups"/>.</param>
/// <param name="HolderUnknown">Registered names of that length whose holder does not show (in no group).</param>
public sealed record LengthRow(int Length, long NamesOfLength, IReadOnlyList<int> HeldByGroup, int HolderUnknown = 0);
