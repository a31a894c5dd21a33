using Landrush.Analysis.NullModels;
using Landrush.Analysis.Verdict.Race;

namespace Landrush.Analysis.Tests.NullModels;

public class QuantileTests
{
    [Fact]
    public void Quantiles_are_r7_as_numpy_gives_them()
    {
        // numpy.percentile([1, 2, 3, 4], [2.5, 50, 97.5]) = [1.075, 2.5, 3.925]
        double[] x = [1, 2, 3, 4];
        Assert.Equal(1.075, Quantiles.OfSorted(x, 0.025), 12);
        Assert.Equal(2.5, Quantiles.OfSorted(x, 0.5), 12);
        Assert.Equal(3.925, Quantiles.OfSorted(x, 0.975), 12);
        Assert.Equal(2.5, Quantiles.Of([4, double.NaN, 1, 3, 2], 0.5), 12);
        Assert.True(double.IsNaN(Quantiles.Of([double.NaN], 0.5)));
    }

    [Fact]
    public void A_summary_gives_the_same_range_as_the_one_definition()
    {
        var runs = Enumerable.Range(0, 1000).Select(i => Math.Sin(i * 0.7)).ToArray();
        var summary = StatisticSummary.Of(0.5, [.. runs]);
        Assert.Equal(Quantiles.Of(runs, 0.025), summary.Low);
        Assert.Equal(Quantiles.Of(runs, 0.975), summary.High);
    }

    [Fact]
    public void The_profile_interval_cut_is_half_the_chi_square_critical_value()
    {
        // χ²₁ at 0.95 is 3.841458820694124 (R: qchisq(0.95, 1)).
        Assert.Equal(3.841458820694124 / 2, RaceFit.HalfChiSquare95, 12);
    }
}
