namespace Landrush.Reports.Model;

/// <summary>A fraud indicator as the report states it: the observed value beside what a fair model gives, and its mark.</summary>
/// <param name="Name">What is measured, e.g. <c>CR2 (share of the two largest parties)</c>.</param>
/// <param name="Observed">The observed value, formatted with its unit.</param>
/// <param name="FairReference">What a fair-allocation model gives (value or interval, and which model), or "—".</param>
/// <param name="Reading">One short sentence: what the comparison says.</param>
/// <param name="Mark">Where it stands against a fair race (<see cref="Building.IndicatorMarks"/>).</param>
public sealed record ReportIndicator(string Name, string Observed, string FairReference, string Reading, IndicatorMark Mark = IndicatorMark.NotTested);
