using System.Globalization;
using Landrush.Reports.Model;
using ScottPlot;

namespace Landrush.Reports.Figures;

/// <summary>Holdings by name length: the share of each length's names each group holds, stacked.</summary>
public static class LengthFigure
{
    public const string Id = "holdings-by-length";

    public static ReportFigure Render(LengthBreakdown breakdown, FigureSource source)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        ArgumentNullException.ThrowIfNull(source);
        const string title = "Holdings by name length";
        const string what = "Share of the names of each length held by each group, stacked; the rest of each bar's height to 100% is free";
        var held = breakdown.Rows.Sum(r => r.HeldByGroup.Sum(h => (long)h));
        if (breakdown.Rows.Count == 0 || held == 0)
        {
            return ReportFigure.Absent(Id, title, source.Caption(what + "."), "no name with a known holder: no length has any");
        }

        var unknown = breakdown.Rows.Sum(r => (long)r.HolderUnknown);
        var caption = source.Caption(unknown == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{what}. {held:N0} registered names over {breakdown.Rows.Count} lengths.")
            : string.Create(CultureInfo.InvariantCulture, $"{what} or registered with a holder that does not show ({unknown:N0} names, not drawn). {held:N0} registered names whose holder shows over {breakdown.Rows.Count} lengths."));
        var plot = FigureCanvas.Create(title, "Label length (characters)", "Names of that length held (%)", caption);
        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<Bar>();
        for (var i = 0; i < breakdown.Rows.Count; i++)
        {
            var row = breakdown.Rows[i];
            double bottom = 0;
            for (var g = 0; g < breakdown.Groups.Count; g++)
            {
                var share = row.NamesOfLength == 0 ? 0 : 100.0 * row.HeldByGroup[g] / row.NamesOfLength;
                bars.Add(new Bar { Position = i, ValueBase = bottom, Value = bottom + share, FillColor = GroupColor(palette, g, breakdown.Groups.Count), Size = 0.7 });
                bottom += share;
            }
        }

        plot.Add.Bars(bars);
        FigureCanvas.CategoryTicks(plot.Axes.Bottom, [.. breakdown.Rows.Select(r => r.Length.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsY(0, 105);
        plot.ShowLegend(
            [.. breakdown.Groups.Select((g, i) => new LegendItem { LabelText = g, FillColor = GroupColor(palette, i, breakdown.Groups.Count) })],
            Alignment.UpperRight);
        return FigureCanvas.Render(plot, Id, title, caption, source);
    }

    // The last group is "everyone else": grey, so the named parties stand out.
    internal static Color GroupColor(IPalette palette, int group, int groups) =>
        group == groups - 1 ? Colors.Gray : palette.GetColor(group);
}
