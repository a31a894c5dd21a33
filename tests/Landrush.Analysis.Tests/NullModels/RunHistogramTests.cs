using Landrush.Analysis.NullModels;

namespace Landrush.Analysis.Tests.NullModels;

public class RunHistogramTests
{
    [Fact]
    public void Bins_span_the_runs_and_hold_each_run_once()
    {
        // 0, 0.1, …, 1.0 in 5 bins of 0.2: [0, .2) [.2, .4) [.4, .6) [.6, .8) [.8, 1.0] — the largest run in the last bin.
        var runs = Enumerable.Range(0, 11).Select(i => i / 10.0).ToArray();
        var h = RunHistogram.Of(runs, 5)!;
        Assert.Equal(0, h.Low);
        Assert.Equal(0.2, h.Width, 12);
        Assert.Equal(1.0, h.High, 12);
        Assert.Equal(11, h.Runs);
        Assert.Equal(2, h.Counts[0]);
        Assert.Equal(3, h.Counts[4]);
    }

    [Fact]
    public void Equal_runs_are_one_bin_of_no_width_and_undefined_runs_are_left_out()
    {
        var h = RunHistogram.Of([0.5, 0.5, double.NaN, 0.5])!;
        Assert.Equal(new[] { 3 }, h.Counts);
        Assert.Equal(0, h.Width);
        Assert.Equal(0.5, h.Low);
        Assert.Null(RunHistogram.Of([double.NaN]));
    }

    [Fact]
    public void A_null_model_keeps_the_histogram_of_its_runs()
    {
        var summary = NullModelSimulation.Uniform(registered: 200, participants: 20, [150, 30, 20], runs: 500, seed: 3);
        var bins = summary.Cr2.Histogram!;
        Assert.Equal(500, bins.Runs);
        Assert.Equal(RunHistogram.DefaultBins, bins.Counts.Count);
        // Its edges are the smallest and largest run, around the 95% range of the same runs.
        Assert.InRange(summary.Cr2.Low, bins.Low, bins.High);
        Assert.InRange(summary.Cr2.High, bins.Low, bins.High);
        Assert.Equal(500, summary.Hhi.Histogram!.Runs);
    }
}
