using System.Globalization;
using Landrush.Analysis.Indicators;

namespace Landrush.Reports.Tables;

/// <summary>Indicators as a CSV table: <c>indicator,party,value,reference,reference_model,p_value,reading</c>. Given <c>syntheticBecause</c> (the provenance of synthetic data), each table opens with <see cref="CsvTable.SyntheticLine"/>.</summary>
public static class IndicatorCsv
{
    public static void Write(TextWriter writer, IReadOnlyList<Indicator> indicators, string? syntheticBecause = null)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        PartyAuditCsv.Write(writer, ["indicator", "party", "value", "reference", "reference_model", "p_value", "reading"],
            indicators.Select(i => new[]
            {
                i.Name, i.Party ?? string.Empty, D(i.Value), D(i.Reference), i.ReferenceModel, D(i.PValue), i.Reading,
            }), syntheticBecause);
    }

    private static string D(double? x) => x is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
}
