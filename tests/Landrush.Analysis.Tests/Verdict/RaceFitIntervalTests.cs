using Landrush.Analysis.Verdict.Race;

namespace Landrush.Analysis.Tests.Verdict;

/// <summary>
/// A race's 95% interval is the hull of every multiple whose profile log-likelihood lies within χ²₁/2 of the maximum
/// (Wilks), also when the profile has two modes: a slow reading nearly as likely as a fast one keeps the interval down.
/// </summary>
public sealed class RaceFitIntervalTests
{
    // Two parabolas in log₂ multiple, peaked at 2^a and 2^b with the given heights; the profile is their maximum.
    private static RaceFit TwoModes(double a, double heightA, double b, double heightB)
    {
        var profile = SpanRace.Multiples
            .Select(m => Math.Max(heightA - (4 * Math.Pow(Math.Log2(m) - a, 2)), heightB - (4 * Math.Pow(Math.Log2(m) - b, 2))))
            .ToArray();
        return new RaceFit(profile, new RaceSetting[profile.Length], ["upwards"]);
    }

    [Fact]
    public void A_slow_mode_within_the_cut_brings_the_low_end_down_to_it()
    {
        // Fast mode at 128× (best), slow mode at 1× only 0.5 lower: both are inside the 95% set.
        var fit = TwoModes(7, 0, 0, -0.5);
        var (multiple, low, high) = fit.Estimate();

        Assert.InRange(multiple!.Value, 100, 160);
        Assert.InRange(low, 0.5, 1);
        Assert.NotNull(high);
        Assert.InRange(high!.Value, 128, 256);
    }

    [Fact]
    public void A_slow_mode_below_the_cut_leaves_the_interval_around_the_peak()
    {
        // The same shape with the slow mode 5 below the maximum (beyond χ²₁/2 ≈ 1.92): only the fast stretch counts.
        var fit = TwoModes(7, 0, 0, -5);
        var (_, low, _) = fit.Estimate();

        Assert.InRange(low, 64, 128);
    }

    [Fact]
    public void One_mode_gives_the_crossings_of_the_cut()
    {
        // ℓ = −4·(log₂ m − 3)²: the cut 1.92 is crossed at log₂ m = 3 ± √(1.92/4).
        var fit = TwoModes(3, 0, 3, 0);
        var (multiple, low, high) = fit.Estimate();
        var half = Math.Sqrt(RaceFit.HalfChiSquare95 / 4);

        Assert.Equal(8, multiple!.Value, 1e-6);
        // Linear interpolation between grid points (a quarter of a doubling apart) is within 0.02 doublings of a parabola's crossing.
        Assert.Equal(3 - half, Math.Log2(low), 0.02);
        Assert.Equal(3 + half, Math.Log2(high!.Value), 0.02);
    }
}
