using System.Globalization;
using Landrush.Analysis;
using Landrush.Reports.Model;
using ScottPlot;

namespace Landrush.Reports.Figures;

/// <summary>A null model's distribution of CR2 (histogram of its Monte Carlo runs) with the observed CR2 marked.</summary>
public static class NullModelFigure
{
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

    public static ReportFigure Render(NullModelDistribution distribution, FigureSource source)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(source);
        var id = IdOf(distribution.Model);
        var title = $"CR2 under the {distribution.Model} model";
        var what = $"Distribution of CR2 (share of the two largest parties) over the Monte Carlo runs of the {distribution.Model} model; the red line is the observed CR2.";
        var samples = distribution.Cr2.Where(double.IsFinite).Select(v => 100 * v).ToArray();
        if (samples.Length == 0 && double.IsFinite(distribution.Low) && double.IsFinite(distribution.High) && double.IsFinite(distribution.Observed))
        {
            return RenderSummary(distribution, id, title, source);
        }

        if (samples.Length == 0)
        {
            return ReportFigure.Absent(id, title, source.Caption(what), "the model produced no run with a defined CR2 (no names allocated)");
        }

        if (!double.IsFinite(distribution.Observed))
        {
            return ReportFigure.Absent(id, title, source.Caption(what), "the observed CR2 is undefined (no name with a known holder)");
        }

        var observed = 100 * distribution.Observed;
        var inv = CultureInfo.InvariantCulture;
        var p = distribution.PValue is { } pv ? string.Create(inv, $"; p = {pv:0.####}") : string.Empty;
        var caption = source.Caption(string.Create(inv,
            $"{what} {samples.Length:N0} runs, median {Quantiles.Of(samples, 0.5):0.0}%; observed {observed:0.0}%{p}."));
        var plot = FigureCanvas.Create(title, "CR2: share of names held by the two largest parties (%)", "Runs (count)", caption);
        var min = Math.Min(samples.Min(), observed);
        var max = Math.Max(samples.Max(), observed);
        var pad = Math.Max((max - min) * 0.05, 0.5);
        // Bins over the simulated values only, so that a far-away observed value does not squash them.
        var lo = samples.Min();
        var hi = samples.Max();
        var histogram = ScottPlot.Statistics.Histogram.WithBinCount(40, lo, hi > lo ? hi : lo + 1);
        histogram.AddRange(samples);
        plot.Add.Histogram(histogram, Colors.SteelBlue);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{distribution.Model} (simulated)", FillColor = Colors.SteelBlue });
        var line = plot.Add.VerticalLine(observed, 2, Colors.Red);
        line.LegendText = string.Create(inv, $"observed {observed:0.0}%");
        plot.Axes.SetLimitsX(min - pad, max + pad);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperCenter);
        return FigureCanvas.Render(plot, id, title, caption);
    }

    // Only the summary was kept: the 95% range of the runs as a band, their mean as a line.
    private static ReportFigure RenderSummary(NullModelDistribution d, string id, string title, FigureSource source)
    {
        var inv = CultureInfo.InvariantCulture;
        var observed = 100 * d.Observed;
        var (lo, hi, mean) = (100 * d.Low, 100 * d.High, 100 * d.Mean);
        var p = d.PValue is { } pv ? string.Create(inv, $"; p = {pv:0.####}") : string.Empty;
        var what = $"Range of CR2 (share of the two largest parties) over the Monte Carlo runs of the {d.Model} model: the band holds 95% of the runs, the blue line is their mean; the red line is the observed CR2.";
        var caption = source.Caption(string.Create(inv, $"{what} {d.SummaryRuns:N0} runs, mean {mean:0.0}%, 95% of runs {lo:0.0}–{hi:0.0}%; observed {observed:0.0}%{p}."));
        var plot = FigureCanvas.Create(title, "CR2: share of names held by the two largest parties (%)", "(no vertical scale)", caption);
        // ScottPlot 5: a HorizontalSpan covers a range of x.
        var band = plot.Add.HorizontalSpan(lo, Math.Max(hi, lo + 0.05), Colors.SteelBlue.WithAlpha(0.35));
        band.LegendText = string.Create(inv, $"{d.Model}: 95% of runs");
        if (double.IsFinite(mean))
        {
            var m = plot.Add.VerticalLine(mean, 2, Colors.SteelBlue);
            m.LegendText = string.Create(inv, $"{d.Model}: mean {mean:0.0}%");
        }

        var line = plot.Add.VerticalLine(observed, 2, Colors.Red);
        line.LegendText = string.Create(inv, $"observed {observed:0.0}%");
        var min = Math.Min(lo, observed);
        var max = Math.Max(hi, observed);
        var pad = Math.Max((max - min) * 0.05, 0.5);
        plot.Axes.SetLimits(min - pad, max + pad, 0, 1);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.ShowLegend(Alignment.UpperCenter);
        return FigureCanvas.Render(plot, id, title, caption);
    }
}
