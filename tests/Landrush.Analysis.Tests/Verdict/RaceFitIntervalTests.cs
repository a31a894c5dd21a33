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

    [Fact]
    public void A_peak_at_the_slowest_multiple_is_no_estimate_but_an_upper_bound()
    {
        // ℓ falls from the grid's floor (¼×) upwards: slower than ¼× may fit better still, so nothing is read there.
        var fit = TwoModes(-4, 0, -4, 0);
        var (multiple, low, high) = fit.Estimate();

        Assert.Null(multiple);
        Assert.Equal(0, low);
        Assert.NotNull(high);
        // The profile at log₂ m = −2 (the floor) is −4·2² = −16; the cut −17.92 is crossed at log₂ m = −4 + √(17.92/4). On this
        // steep flank the linear interpolation between grid points is within 0.05 doublings of the parabola's crossing.
        Assert.Equal(-4 + Math.Sqrt((16 + RaceFit.HalfChiSquare95) / 4), Math.Log2(high!.Value), 0.05);
    }

    [Fact]
    public void A_peak_at_the_fastest_multiple_is_no_estimate_but_a_lower_bound()
    {
        var fit = TwoModes(12, 0, 12, 0);
        var (multiple, low, high) = fit.Estimate();

        Assert.Null(multiple);
        Assert.Null(high);
        Assert.Equal(12 - Math.Sqrt((16 + RaceFit.HalfChiSquare95) / 4), Math.Log2(low), 0.05);
    }

    [Fact]
    public void An_interval_reaching_the_slowest_multiple_has_no_lower_bound()
    {
        // Peak at ½× (inside the grid), its 95% set reaches the floor: the floor is not the interval's lower end.
        var fit = new RaceFit([.. SpanRace.Multiples.Select(m => -0.25 * Math.Pow(Math.Log2(m) + 1, 2))], new RaceSetting[SpanRace.Multiples.Count], ["upwards"]);
        var (multiple, low, high) = fit.Estimate();

        Assert.Equal(0.5, multiple!.Value, 1e-6);
        Assert.Equal(0, low);
        Assert.NotNull(high);
    }

    [Fact]
    public void A_flat_profile_or_a_floor_peak_whose_set_reaches_the_ceiling_is_not_identified()
    {
        var flat = new RaceFit(new double[SpanRace.Multiples.Count], new RaceSetting[SpanRace.Multiples.Count], ["upwards"]).Estimate();
        Assert.False(flat.Identified);
        Assert.Null(flat.Multiple);
        Assert.Null(flat.High);

        // Falling by 1 over the whole grid: the floor is the peak and the ceiling is within the cut.
        var gentle = new RaceFit([.. SpanRace.Multiples.Select((_, g) => -g / 48.0)], new RaceSetting[SpanRace.Multiples.Count], ["upwards"]).Estimate();
        Assert.False(gentle.Identified);
    }

    [Fact]
    public void A_floor_peak_with_a_second_mode_within_the_cut_reads_below_the_far_crossing()
    {
        // One mode beyond the floor (ℓ −0.5 at the floor, the best grid point) and a second at 8×, ℓ −1: within the cut (−2.42).
        var fit = TwoModes(-3, 3.5, 3, -1);
        var range = fit.Estimate();

        Assert.Equal(0, fit.Best);
        Assert.True(range.Below);
        Assert.InRange(range.High!.Value, 8, 16);
    }
}
