namespace Landrush.Reports.Figures;

/// <summary>One row of a sensitivity table: an assumption changed, and what the headline quantity becomes.</summary>
/// <param name="Scenario">What was changed, e.g. <c>wish lists ×2</c>.</param>
/// <param name="Value">The quantity under that scenario.</param>
/// <param name="Low">Lower end of its interval, or NaN.</param>
/// <param name="High">Upper end of its interval, or NaN.</param>
public sealed record SensitivityRow(string Scenario, double Value, double Low = double.NaN, double High = double.NaN);
