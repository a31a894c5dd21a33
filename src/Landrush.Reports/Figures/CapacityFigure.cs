using Landrush.Reports.Model;
using ScottPlot;

namespace Landrush.Reports.Figures;

/// <summary>The implied capacity multiples with their intervals: how much faster than others each party must have been.</summary>
public static class CapacityFigure
{
    public const string Id = "capacity-multiples";

    /// <param name="multiples">One estimate per party.</param>
    /// <param name="reference">What 1× means, e.g. <c>the median participant</c>.</param>
    /// <param name="interval">What the interval is, e.g. <c>95% interval</c>.</param>
    /// <param name="source">Source and seed for the caption.</param>
    public static ReportFigure Render(IReadOnlyList<CapacityMultiple> multiples, string reference, string interval, FigureSource source)
    {
        ArgumentNullException.ThrowIfNull(multiples);
        ArgumentNullException.ThrowIfNull(source);
        const string title = "Implied capacity multiples";
        var what = $"The request capacity each party must have had to win what it holds, as a multiple of {reference}'s; bars are the {interval}; the dashed line is equal capacity (1×).";
        var usable = multiples.Where(m => double.IsFinite(m.Low)).ToList();
        if (usable.Count == 0)
        {
            return ReportFigure.Absent(Id, title, source.Caption(what), multiples.Count == 0
                ? "no capacity was estimated (no party holds names the fair models could compare, or the data bound no party's capacity)"
                : "no estimate is finite");
        }

        var unbounded = usable.Where(m => !double.IsFinite(m.High)).Select(m => m.Party).ToList();
        var noEstimate = usable.Where(m => !double.IsFinite(m.Multiple)).Select(m => m.Party).ToList();
        var top = Math.Max(usable.Select(m => double.IsFinite(m.High) ? m.High : double.IsFinite(m.Multiple) ? m.Multiple : 1.0).Max(), 1.0)
            * (unbounded.Count > 0 ? 1.5 : 1.1);
        var caption = source.Caption(what
            + (unbounded.Count == 0 ? "" : $" Not bounded from above by the data (bar runs to the top): {string.Join(", ", unbounded)}.")
            + (noEstimate.Count == 0 ? "" : $" No estimate, the data bound the capacity on neither side (bar only): {string.Join(", ", noEstimate)}."));
        var plot = FigureCanvas.Create(title, "Party", $"Capacity (× {reference})", caption);
        var xs = Enumerable.Range(0, usable.Count).Select(i => (double)i).ToArray();
        // The bar's anchor: the estimate, or its lower end when there is none.
        var ys = usable.Select(m => double.IsFinite(m.Multiple) ? m.Multiple : m.Low).ToArray();
        var errors = new ScottPlot.Plottables.ErrorBar(xs, ys, xErrorsPositive: null, xErrorsNegative: null,
            yErrorsPositive: [.. usable.Select((m, i) => (double.IsFinite(m.High) ? m.High : top) - ys[i])],
            yErrorsNegative: [.. usable.Select((m, i) => ys[i] - m.Low)]);
        errors.Color = Colors.Black;
        errors.LineWidth = 1.5f;
        plot.Add.Plottable(errors);
        var estimated = Enumerable.Range(0, usable.Count).Where(i => double.IsFinite(usable[i].Multiple)).ToArray();
        if (estimated.Length > 0)
        {
            var points = plot.Add.ScatterPoints(estimated.Select(i => xs[i]).ToArray(), estimated.Select(i => ys[i]).ToArray(), Colors.DarkOrange);
            points.MarkerSize = 10;
            points.LegendText = "estimate";
        }
        var one = plot.Add.HorizontalLine(1, 1, Colors.Gray, LinePattern.Dashed);
        one.LegendText = "equal capacity (1×)";
        FigureCanvas.CategoryTicks(plot.Axes.Bottom, [.. usable.Select(m => m.Party)]);
        plot.Axes.SetLimitsX(-0.6, usable.Count - 0.4);
        plot.Axes.SetLimitsY(0, top);
        plot.ShowLegend(Alignment.UpperRight);
        return FigureCanvas.Render(plot, Id, title, caption);
    }
}
