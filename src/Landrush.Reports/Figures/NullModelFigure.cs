using System.Globalization;
using Landrush.Analysis;
using Landrush.Analysis.NullModels;
using Landrush.Reports.Model;
using ScottPlot;

namespace Landrush.Reports.Figures;

/// <summary>A null model's distribution of CR2 (histogram of its Monte Carlo runs) with the observed CR2 marked.</summary>
public static class NullModelFigure
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The figure's id: <c>null-cr2-</c> and the model's name in lower case, non-alphanumerics as hyphens.</summary>
    public static string IdOf(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var slug = new string([.. model.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return "null-cr2-" + slug.Trim('-');
    }

    /// <summary>
    /// Draws the runs (<see cref="NullModelDistribution.Cr2"/>, else the analysis's <see cref="NullModelDistribution.Histogram"/>)
    /// as a histogram, with the observed CR2 as a labelled line, or as an arrow at the edge when it lies far from every run.
    /// </summary>
    public static ReportFigure Render(NullModelDistribution distribution, FigureSource source)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(source);
        var id = IdOf(distribution.Model);
        var title = $"CR2 under the {distribution.Model} model";
        var what = $"Distribution of CR2 (share of the two largest parties) over the Monte Carlo runs of the {distribution.Model} model, against the observed CR2 (red).";
        var bins = Bins(distribution);
        if (bins is null)
        {
            return ReportFigure.Absent(id, title, source.Caption(what), distribution.Cr2.Count == 0 && distribution.SummaryRuns > 0
                ? "only a summary of the runs was given, neither the runs nor their histogram (the table gives the summary)"
                : "the model produced no run with a defined CR2 (no names allocated)");
        }

        if (!double.IsFinite(distribution.Observed))
        {
            return ReportFigure.Absent(id, title, source.Caption(what), "the observed CR2 is undefined (no name with a known holder)");
        }

        var layout = NullModelPlot.Of(bins, distribution.Observed);
        var caption = source.Caption($"{what} {Summary(distribution, layout)}{(layout.ObservedOnScale ? "" : " The observed value lies far from every run: the arrow points to it.")}");
        var plot = FigureCanvas.Create(title, "CR2: share of names held by the two largest parties (%)", "Runs (count)", caption);
        var barPlot = plot.Add.Bars(layout.Bins.Counts.Select((n, i) => new Bar
        {
            Position = layout.Centre(i),
            Value = n,
            Size = layout.BarWidth,
            FillColor = Colors.SteelBlue,
            LineWidth = 0,
        }).ToArray());
        barPlot.LegendText = string.Create(Inv, $"{distribution.Model}: {bins.Runs:N0} runs");
        var top = layout.Bins.Counts.Max() * 1.2;
        var observedText = string.Create(Inv, $"observed {layout.Observed:0.0}%");
        var legendAt = layout.Observed > layout.XMax ? Alignment.UpperLeft : Alignment.UpperRight;
        if (layout.ObservedOnScale)
        {
            var line = plot.Add.VerticalLine(layout.Observed, 2.5f, Colors.Red);
            line.LegendText = observedText;
            // Labelled at its top, on the side with more room; the legend takes the other corner.
            var leftHalf = layout.Observed < (layout.XMin + layout.XMax) / 2;
            var text = plot.Add.Text(observedText, layout.Observed, top * 0.985);
            text.LabelFontSize = 13;
            text.LabelBold = true;
            text.LabelFontColor = Colors.Red;
            text.OffsetX = leftHalf ? 6 : -6;
            text.LabelAlignment = leftHalf ? Alignment.UpperLeft : Alignment.UpperRight;
            legendAt = leftHalf ? Alignment.UpperRight : Alignment.UpperLeft;
        }
        else
        {
            MarkOffScale(plot, layout, top, observedText);
        }

        plot.Axes.SetLimits(layout.XMin, layout.XMax, 0, top);
        plot.ShowLegend(legendAt);
        return FigureCanvas.Render(plot, id, title, caption, source);
    }

    /// <summary>The plan of the figure of <paramref name="distribution"/>: its bins in percent and where the observed value is marked; null when there is nothing to draw.</summary>
    internal static NullModelPlot? Plan(NullModelDistribution distribution) =>
        Bins(distribution) is { } bins && double.IsFinite(distribution.Observed) ? NullModelPlot.Of(bins, distribution.Observed) : null;

    // The runs when given (binned here by the analysis's rule), else the analysis's own bins.
    private static RunHistogram? Bins(NullModelDistribution d) => d.Cr2.Count > 0 ? RunHistogram.Of(d.Cr2) : d.Histogram;

    // An arrow along the top of the plot towards the observed value, off the scale on its side, labelled with it.
    private static void MarkOffScale(Plot plot, NullModelPlot layout, double top, string observedText)
    {
        var right = layout.Observed > layout.XMax;
        var width = layout.XMax - layout.XMin;
        var tip = right ? layout.XMax - (0.01 * width) : layout.XMin + (0.01 * width);
        var from = right ? tip - (0.15 * width) : tip + (0.15 * width);
        var y = top * 0.6;
        FigureCanvas.Arrow(plot, new Coordinates(from, y), new Coordinates(tip, y), Colors.Red, 3, 16);
        var text = plot.Add.Text($"{observedText}\n(off the scale)", tip, y + (top * 0.04));
        text.LabelFontSize = 13;
        text.LabelBold = true;
        text.LabelFontColor = Colors.Red;
        text.LabelAlignment = right ? Alignment.LowerRight : Alignment.LowerLeft;
    }

    // Runs, their centre and 95% range (R-7 over the runs when given, else the analysis's summary), the observed value and p.
    private static string Summary(NullModelDistribution d, NullModelPlot layout)
    {
        var p = d.PValue is { } pv ? string.Create(Inv, $"; p = {pv:0.####}") : string.Empty;
        var runs = d.Cr2.Where(double.IsFinite).Select(v => 100 * v).Order().ToArray();
        var centre = runs.Length > 0
            ? string.Create(Inv, $"median {Quantiles.OfSorted(runs, 0.5):0.0}%, 95% of runs {Quantiles.OfSorted(runs, 0.025):0.0}–{Quantiles.OfSorted(runs, 0.975):0.0}%")
            : string.Create(Inv, $"mean {100 * d.Mean:0.0}%, 95% of runs {100 * d.Low:0.0}–{100 * d.High:0.0}%");
        return string.Create(Inv, $"{layout.Bins.Runs:N0} runs in {layout.Bins.Counts.Count} bins, {centre}; observed {100 * d.Observed:0.0}%{p}.");
    }
}
