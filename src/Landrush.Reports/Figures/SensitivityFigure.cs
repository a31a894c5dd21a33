using Landrush.Reports.Model;
using ScottPlot;

namespace Landrush.Reports.Figures;

/// <summary>The sensitivity table as a chart: the headline quantity under each changed assumption, with intervals.</summary>
public static class SensitivityFigure
{
    public const string Id = "sensitivity";

    /// <param name="rows">One row per scenario; the first is taken as the baseline and marked.</param>
    /// <param name="quantity">The quantity with its unit, e.g. <c>capacity multiple of the largest party (×)</c>.</param>
    /// <param name="source">Source and seed for the caption.</param>
    public static ReportFigure Render(IReadOnlyList<SensitivityRow> rows, string quantity, FigureSource source)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(quantity);
        const string title = "Sensitivity to the assumptions";
        var what = $"{char.ToUpperInvariant(quantity[0])}{quantity[1..]} under each changed assumption (points, with intervals where computed); the dashed line is the baseline, the first row.";
        var usable = rows.Where(r => double.IsFinite(r.Value)).ToList();
        if (usable.Count == 0)
        {
            return ReportFigure.Absent(Id, title, source.Caption(what), rows.Count == 0 ? "no sensitivity run was made, or no scenario identified the quantity (see the sensitivity-variants table)" : "no scenario gave a finite value");
        }

        var caption = source.Caption(what);
        var plot = FigureCanvas.Create(title, quantity, "Scenario", caption);
        // Scenarios run down the left axis, first at the top, so that long names stay readable.
        double[] ys = [.. usable.Select((_, i) => (double)(usable.Count - 1 - i))];
        double[] xs = [.. usable.Select(r => r.Value)];
        double[] left = [.. usable.Select(r => double.IsFinite(r.Low) ? r.Value - r.Low : 0)];
        double[] right = [.. usable.Select(r => double.IsFinite(r.High) ? r.High - r.Value : 0)];
        var errors = new ScottPlot.Plottables.ErrorBar(xs, ys, xErrorsPositive: right, xErrorsNegative: left, yErrorsPositive: null, yErrorsNegative: null) { Color = Colors.Black, LineWidth = 1.5f };
        plot.Add.Plottable(errors);
        var points = plot.Add.ScatterPoints(xs, ys, Colors.DarkGreen);
        points.MarkerSize = 10;
        var baseline = plot.Add.VerticalLine(usable[0].Value, 1, Colors.Gray, LinePattern.Dashed);
        baseline.LegendText = "baseline";
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < usable.Count; i++)
        {
            ticks.AddMajor(ys[i], usable[i].Scenario);
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimitsY(-0.6, usable.Count - 0.4);
        var lo = usable.Min(r => double.IsFinite(r.Low) ? Math.Min(r.Low, r.Value) : r.Value);
        var hi = usable.Max(r => double.IsFinite(r.High) ? Math.Max(r.High, r.Value) : r.Value);
        var pad = Math.Max((hi - lo) * 0.1, Math.Abs(hi) * 0.05 + 1e-9);
        plot.Axes.SetLimitsX(lo - pad, hi + pad);
        return FigureCanvas.Render(plot, Id, title, caption, source);
    }
}
