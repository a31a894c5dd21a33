using Landrush.Analysis.NullModels;
using Landrush.Reports.Figures;

namespace Landrush.Reports.Tests.Figures;

/// <summary>The null models' histograms and the capacity figure where the data give no estimate.</summary>
public class DistributionFigureTests
{
    private static readonly FigureSource Source = new("test data", 2008);

    // 1,000 runs of CR2 between 20% and 30%.
    private static readonly double[] Runs = [.. Enumerable.Range(0, 1000).Select(i => 0.25 + (0.05 * Math.Sin(i * 0.37)))];

    [Fact]
    public void Histogram_of_the_runs_holds_every_run_with_the_observed_value_marked_where_it_is()
    {
        var d = new NullModelDistribution("uniform lottery", Runs, 0.31, 0.02);
        var plan = NullModelFigure.Plan(d)!;
        Assert.Equal(1000, plan.Bins.Counts.Sum());
        Assert.Equal(100 * Runs.Min(), plan.Bins.Low, 9);
        Assert.Equal(100 * Runs.Max(), plan.Bins.High, 9);
        Assert.Equal(31, plan.Observed, 9);
        Assert.True(plan.ObservedOnScale);
        Assert.InRange(plan.Observed, plan.XMin, plan.XMax);
        var figure = NullModelFigure.Render(d, Source);
        Assert.True(figure.IsRendered, figure.AbsentReason);
        Assert.Contains("observed 31.0%", figure.Svg, StringComparison.Ordinal);
        Assert.DoesNotContain("no vertical scale", figure.Svg, StringComparison.Ordinal);
        Assert.Contains("1,000 runs", figure.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void The_analysis_histogram_is_drawn_when_only_the_summary_and_its_bins_reached_the_report()
    {
        var s = StatisticSummary.Of(0.31, [.. Runs]);
        var d = NullModelDistribution.FromSummary("uniform lottery", 1000, s.Observed, s.Mean, s.Low, s.High, s.PValue) with { Histogram = s.Histogram };
        var plan = NullModelFigure.Plan(d)!;
        Assert.Equal(1000, plan.Bins.Counts.Sum());
        Assert.Equal(31, plan.Observed, 9);
        Assert.True(NullModelFigure.Render(d, Source).IsRendered);
    }

    [Fact]
    public void An_observed_value_far_from_every_run_is_an_arrow_at_the_edge_and_the_runs_keep_the_scale()
    {
        // 89.8% against runs of 20–30%: on one scale the histogram would be a sliver.
        var plan = NullModelFigure.Plan(new NullModelDistribution("uniform lottery", Runs, 0.898))!;
        Assert.False(plan.ObservedOnScale);
        Assert.True(plan.XMax < 89.8);
        Assert.InRange(100 * Runs.Max(), plan.XMin, plan.XMax);
        var figure = NullModelFigure.Render(new NullModelDistribution("uniform lottery", Runs, 0.898), Source);
        Assert.Contains("the arrow points to it", figure.Caption, StringComparison.Ordinal);
        Assert.Contains("off the scale", figure.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Runs_of_few_values_are_binned_wide_enough_to_see()
    {
        // Every run 0.3 or 0.3001: the analysis's 40 bins are 0.00025 points wide on an axis of more than a point; the plot merges them.
        var runs = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? 0.3 : 0.3001).ToArray();
        var plan = NullModelFigure.Plan(new NullModelDistribution("equal capacity", runs, 0.3))!;
        Assert.Equal(100, plan.Bins.Counts.Sum());
        Assert.True(plan.Bins.Width >= (plan.XMax - plan.XMin) / NullModelPlot.MostBarsAcross, $"bin width {plan.Bins.Width}");
        Assert.True(plan.Bins.Counts.Count < RunHistogram.DefaultBins);
    }

    [Fact]
    public void Capacity_figure_with_no_party_bounded_is_a_note_naming_them_not_bars()
    {
        // What the old figure drew as bars from the search's floor to the top.
        var figure = CapacityFigure.Render(
            [new("A", double.NaN, 0.25, double.NaN) { Identified = false }, new("B", double.NaN, 0.25, double.NaN) { Identified = false }],
            "a typical participant", "95% interval", Source);
        Assert.False(figure.IsRendered);
        Assert.Contains("the data bound no party's capacity on either side", figure.AbsentReason, StringComparison.Ordinal);
        Assert.Contains("A, B", figure.AbsentReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Capacity_figure_says_which_party_has_no_bound_and_draws_a_one_sided_bound_with_an_arrow()
    {
        var figure = CapacityFigure.Render(
            [new("A", 58, 31, 328), new("B", double.NaN, 12, double.NaN), new("C", double.NaN, 0, double.NaN) { Identified = false },
                new("D", double.NaN, 0, 1.4), new("E", 1.45, 0, 104)],
            "a typical participant", "95% interval", Source);
        Assert.True(figure.IsRendered, figure.AbsentReason);
        ImageChecks.AssertDrawnPng(figure.Png!);
        Assert.Contains("Not bounded from above by the data (arrow): B.", figure.Caption, StringComparison.Ordinal);
        Assert.Contains("Not bounded from below by the data (downward arrow): D, E.", figure.Caption, StringComparison.Ordinal);
        Assert.Contains("Bounded on one side only, no estimate (no dot): B, D.", figure.Caption, StringComparison.Ordinal);
        Assert.Contains("Not bounded by the data on either side (no line): C.", figure.Caption, StringComparison.Ordinal);
        Assert.Contains("not bounded", figure.Svg, StringComparison.Ordinal);
        Assert.Contains("above 12×", figure.Svg, StringComparison.Ordinal);
        Assert.Contains("below 1.4×", figure.Svg, StringComparison.Ordinal);
        Assert.Contains("1.45×", figure.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_provenance_label_is_wrapped_after_its_colons()
    {
        var label = "SYNTHETIC — synthetic-harvest:source=whois:server=127.0.0.1:45707:dns=127.0.0.1:34078:shard=1/1:from=2026-12-06T04:00Z:simulator=small.csv (not registry data)";
        var lines = FigureCanvas.WrapAnywhere(label, 60).Split('\n');
        Assert.All(lines, l => Assert.InRange(l.Length, 1, 60));
        Assert.Equal(label.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
        Assert.EndsWith(":", lines[0], StringComparison.Ordinal);
    }
}
