using Landrush.Reports.Model;
using ScottPlot;

namespace Landrush.Reports.Figures;

/// <summary>Premium capture: per class of attractive names, the observed share held against a fair model's.</summary>
public static class PremiumCaptureFigure
{
    public const string Id = "premium-capture";

    /// <param name="rows">One row per name class.</param>
    /// <param name="holders">Who the shares are of, e.g. <c>the two largest parties</c>.</param>
    /// <param name="fairModel">The fair model the references come from, e.g. <c>equal-capacity FCFS</c>.</param>
    /// <param name="source">Source and seed for the caption.</param>
    public static ReportFigure Render(IReadOnlyList<PremiumCapture> rows, string holders, string fairModel, FigureSource source)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(source);
        const string title = "Premium capture";
        var what = $"Share of each class of names held by {holders} (bars) against the {fairModel} model's expectation and interval (black).";
        var usable = rows.Where(r => double.IsFinite(r.Observed)).ToList();
        if (usable.Count == 0)
        {
            return ReportFigure.Absent(Id, title, source.Caption(what), rows.Count == 0
                ? "no name class was measured"
                : "no class has a registered name, so no share is defined");
        }

        var fairKnown = usable.Any(r => double.IsFinite(r.Fair));
        var caption = source.Caption(fairKnown ? what : $"Share of each class of names held by {holders}; no {fairModel} reference was computed for these classes.");
        var plot = FigureCanvas.Create(title, "Class of names", $"Share held by {holders} (%)", caption);
        var bars = plot.Add.Bars((Bar[])[.. usable.Select((r, i) => new Bar { Position = i, Value = 100 * r.Observed, FillColor = Colors.SteelBlue, Size = 0.6 })]);
        bars.LegendText = "observed";
        var fair = usable.Select((r, i) => (r, i)).Where(t => double.IsFinite(t.r.Fair)).ToList();
        if (fair.Count > 0)
        {
            double[] xs = [.. fair.Select(t => (double)t.i)];
            double[] ys = [.. fair.Select(t => 100 * t.r.Fair)];
            double[] down = [.. fair.Select(t => double.IsFinite(t.r.FairLow) ? 100 * (t.r.Fair - t.r.FairLow) : 0)];
            double[] up = [.. fair.Select(t => double.IsFinite(t.r.FairHigh) ? 100 * (t.r.FairHigh - t.r.Fair) : 0)];
            var errors = new ScottPlot.Plottables.ErrorBar(xs, ys, xErrorsPositive: null, xErrorsNegative: null, yErrorsPositive: up, yErrorsNegative: down) { Color = Colors.Black, LineWidth = 1.5f };
            plot.Add.Plottable(errors);
            var points = plot.Add.ScatterPoints(xs, ys, Colors.Black);
            points.MarkerSize = 9;
            points.LegendText = $"{fairModel} (fair)";
        }

        FigureCanvas.CategoryTicks(plot.Axes.Bottom, [.. usable.Select(r => r.NameClass)]);
        plot.Axes.SetLimits(-0.6, usable.Count - 0.4, 0, 105);
        plot.ShowLegend(Alignment.UpperRight);
        return FigureCanvas.Render(plot, Id, title, caption, source);
    }
}
