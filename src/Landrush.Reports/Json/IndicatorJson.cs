using Landrush.Analysis.Indicators;

namespace Landrush.Reports.Json;

/// <summary>A fraud indicator in <c>analyze --json</c>'s <c>indicators</c>.</summary>
public sealed record IndicatorJson(string Name, string? Party, double? Value, double? Reference, string ReferenceModel, double? PValue, string Reading)
{
    public static IndicatorJson From(Indicator i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new(i.Name, i.Party, JsonOutput.Finite(i.Value), JsonOutput.Finite(i.Reference), i.ReferenceModel, JsonOutput.Finite(i.PValue), i.Reading);
    }
}
