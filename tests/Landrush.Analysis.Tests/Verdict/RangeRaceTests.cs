using Landrush.Analysis.Verdict;
using Landrush.Core.Model;
using MathNet.Numerics;

namespace Landrush.Analysis.Tests.Verdict;

public sealed class RangeRaceTests
{
    [Theory]
    [InlineData(1, 1, 1.0)]
    [InlineData(3, 10, 2.0)]
    [InlineData(20, 40, 0.5)]
    public void Race_probability_is_the_regularised_incomplete_beta(int a, int b, double c)
    {
        // P(Γ(a, 1) < Γ(b, c)) by simulation of the two streams against I_{1/(1+c)}(a, b).
        var rng = new SeededRandom(17);
        const int runs = 100_000;
        var first = 0;
        for (var r = 0; r < runs; r++)
        {
            double ta = 0, tb = 0;
            for (var i = 0; i < a; i++)
            {
                ta += rng.NextExponential(1);
            }

            for (var i = 0; i < b; i++)
            {
                tb += rng.NextExponential(c);
            }

            first += ta < tb ? 1 : 0;
        }

        var p = SpecialFunctions.BetaRegularized(a, b, 1 / (1 + c));
        var se = Math.Sqrt(p * (1 - p) / runs);
        Assert.InRange(first / (double)runs, p - (5 * se), p + (5 * se));
    }

    [Theory]
    [InlineData(1.0, 101, false)]
    [InlineData(16.0, 102, false)]
    [InlineData(1.0, 103, true)]
    [InlineData(8.0, 104, true)]
    public void The_fit_recovers_the_capacity_of_a_race_drawn_from_the_model(double truth, long seed, bool calibratedLevel)
    {
        // A block of 2,000 names, each wanted by a Poisson(0.35) number of others whose requests stood at a uniform
        // position of lists of 40 names: the race the model describes, drawn here step by step. With a free level
        // only where the losses fall speaks; with a calibrated level (σ = 0.05) their number speaks too. The fit
        // must cover the truth and the test must tell the fast parties from 2×.
        const int positions = 2_000;
        const double rate = 0.35;
        var rng = new SeededRandom(seed);
        var lost = new bool[positions];
        var t = 0.0;
        for (var k = 0; k < positions; k++)
        {
            t += rng.NextExponential(truth);
            var limit = Math.Exp(-rate);
            for (var product = rng.NextDouble(); product > limit && !lost[k]; product *= rng.NextDouble())
            {
                var j = rng.NextInt(40);
                var other = 0.0;
                for (var i = 0; i <= j; i++)
                {
                    other += rng.NextExponential(1);
                }

                lost[k] = other < t;
            }
        }

        var race = new RangeRace(Enumerable.Repeat(rate, positions).ToArray(), lost, Enumerable.Range(0, 40).Select(j => (double)j).ToArray(),
            levelSigma: [calibratedLevel ? 0.05 : double.PositiveInfinity]);
        var fit = CapacityFit.Fit(race);
        Assert.NotNull(fit);
        Assert.InRange(truth, fit.Value.Low, fit.Value.High ?? double.PositiveInfinity);
        var p = CapacityFit.PValue(race, 2, 400, 1, 0);
        if (truth > 2)
        {
            Assert.True(p <= 0.05, $"{truth}× not told from 2×: p = {p}, fit {fit}");
        }
        else
        {
            Assert.True(p > 0.05, $"1× flagged at 2×: p = {p}, fit {fit}");
        }
    }

    [Fact]
    public void The_level_only_reading_reads_only_the_number_of_losses()
    {
        // Unknown send order: per class ℓ(c) = n·ln M(c) + n·u − e^u·M(c) − u²/(2σ²), M(c) the expected losses at the
        // calibrated level and u the profiled log level; which names were lost does not matter, and with a free
        // level the profile is flat: no fit.
        var rng = new SeededRandom(5);
        var rates = Enumerable.Range(0, 800).Select(_ => 0.1 + (0.5 * rng.NextDouble())).ToArray();
        var lost = rates.Select(r => rng.NextDouble() < 0.05).ToArray();
        var moved = lost.Reverse().ToArray();
        var positions = Enumerable.Range(0, 30).Select(j => (double)j).ToArray();
        var race = new RangeRace(rates, lost, positions, levelSigma: [0.1], anyOrder: true);
        var n = lost.Count(x => x);
        var l = race.LogLikelihood();
        for (var g = 0; g < l.Length; g++)
        {
            var m = race.ExpectedLosses(g);
            var u = RangeRace.ProfileLogScale(n, m, 0.1);
            Assert.Equal((n * Math.Log(m)) + (n * u) - (Math.Exp(u) * m) - (u * u / (2 * 0.1 * 0.1)), l[g], 9);
        }

        // The same number of losses at other positions (and so of other rates) changes nothing but the constant n·ln
        // of the mean rate: the same fit.
        Assert.Equal(CapacityFit.Fit(race), CapacityFit.Fit(new RangeRace(rates, moved, positions, levelSigma: [0.1], anyOrder: true)));
        var free = new RangeRace(rates, lost, positions, anyOrder: true);
        Assert.Null(CapacityFit.Fit(free));
    }

    [Fact]
    public void The_send_order_check_prefers_index_order_only_when_the_losses_fall_where_it_says()
    {
        // A fast party (8×) sends 2,000 names in index order: its losses fall deep in the list, and the index-order
        // reading explains which positions were lost far better than an unknown order. The same losses reversed
        // (the party sent its block from the top) do not support index order: the check falls back.
        const int positions = 2_000;
        var rng = new SeededRandom(11);
        var lost = new bool[positions];
        var t = 0.0;
        for (var k = 0; k < positions; k++)
        {
            t += rng.NextExponential(8);
            var j = rng.NextInt(40);
            var other = 0.0;
            for (var i = 0; i <= j; i++)
            {
                other += rng.NextExponential(1);
            }

            lost[k] = rng.NextDouble() < 0.3 && other < t;
        }

        var rates = Enumerable.Repeat(0.35, positions).ToArray();
        var competitors = Enumerable.Range(0, 40).Select(j => (double)j).ToArray();
        double Ratio(bool[] losses) => new RangeRace(rates, losses, competitors).LogLikelihood().Max()
            - new RangeRace(rates, losses, competitors, anyOrder: true).PositionLogLikelihood().Max();
        Assert.True(Ratio(lost) > DemandInference.OrderEvidence, $"index order: {Ratio(lost)}");
        Assert.True(Ratio([.. lost.Reverse()]) < DemandInference.OrderEvidence, $"reversed: {Ratio([.. lost.Reverse()])}");
    }

    [Fact]
    public void A_calibrated_level_narrows_the_interval()
    {
        // The same losses read with a free level and with a calibrated one: the level adds evidence, never removes it.
        var rng = new SeededRandom(9);
        var lost = Enumerable.Range(0, 1_000).Select(k => rng.NextDouble() < 0.2 * Math.Min(1, k / 200.0)).ToArray();
        var positions = Enumerable.Range(0, 30).Select(j => (double)j).ToArray();
        var free = CapacityFit.Fit(new RangeRace(Enumerable.Repeat(0.25, 1_000).ToArray(), lost, positions))!.Value;
        var calibrated = CapacityFit.Fit(new RangeRace(Enumerable.Repeat(0.25, 1_000).ToArray(), lost, positions, levelSigma: [0.05]))!.Value;
        Assert.True(Math.Log((calibrated.High ?? 256) / calibrated.Low) <= Math.Log((free.High ?? 256) / free.Low) + 1e-9,
            $"free {free}, calibrated {calibrated}");
    }

    [Theory]
    [InlineData(12, 40.0, 0.3)]
    [InlineData(0, 5.0, 0.1)]
    [InlineData(30, 10.0, 2.0)]
    public void Profile_level_maximises_the_penalised_likelihood(int n, double m, double sigma)
    {
        // Against a brute-force search over ln s: n·u − m·e^u − u²/(2σ²) has its maximum at the returned u.
        double Objective(double u) => (n * u) - (m * Math.Exp(u)) - (u * u / (2 * sigma * sigma));
        var u = RangeRace.ProfileLogScale(n, m, sigma);
        var best = Enumerable.Range(-40_000, 80_001).Select(i => i * 1e-4).MaxBy(Objective);
        Assert.InRange(u, best - 2e-4, best + 2e-4);
        // A free level is the closed form n/m.
        Assert.Equal(Math.Log(12 / 40.0), RangeRace.ProfileLogScale(12, 40, double.PositiveInfinity), 12);
    }

    [Fact]
    public void A_party_others_were_not_expected_to_want_has_no_fit_and_is_never_flagged()
    {
        var race = new RangeRace([0.0, 0.0, 0.0], [false, false, false], [3, 3]);
        Assert.Null(CapacityFit.Fit(race));
        Assert.Equal(1, CapacityFit.PValue(race, 2, 100, 1, 0));
    }

    [Fact]
    public void Grid_estimate_refines_a_parabola_and_bounds_the_interval()
    {
        // ℓ = −(log₂ m − 3)²: maximum at 8×; the χ² cut of 1.92 is at log₂ m = 3 ± 1.386.
        var l = CapacityFit.GridMultiples.Select(m => -Math.Pow(Math.Log2(m) - 3, 2)).ToArray();
        var (multiple, low, high) = CapacityFit.Estimate(l);
        Assert.Equal(8, multiple, 6);
        Assert.InRange(low, Math.Pow(2, 3 - 1.386) * 0.97, Math.Pow(2, 3 - 1.386) * 1.03);
        Assert.NotNull(high);
        Assert.InRange(high!.Value, Math.Pow(2, 3 + 1.386) * 0.97, Math.Pow(2, 3 + 1.386) * 1.03);
    }

    [Theory]
    [InlineData(0.1, 0.1)]
    [InlineData(0.04, 0.2)]
    [InlineData(0.5, 0.9)]
    public void Fisher_combination_of_two_is_the_closed_form_chi_square_4_tail(double p1, double p2)
    {
        // χ² with 4 degrees of freedom has the upper tail e^(−x/2)·(1 + x/2).
        var x = -2 * (Math.Log(p1) + Math.Log(p2));
        Assert.Equal(Math.Exp(-x / 2) * (1 + (x / 2)), CapacityFit.FisherCombined([p1, p2]), 12);
        // One p-value: χ²₂'s tail e^(−x/2) gives it back.
        Assert.Equal(p1, CapacityFit.FisherCombined([p1]), 12);
    }

    [Fact]
    public void Closed_testing_flags_a_party_only_when_every_combination_with_it_is_rejected()
    {
        // (0.04, 0.2): Fisher of both 0.047 and 0.04 alone are ≤ 0.05, 0.2 alone is not → only the first.
        var (flagged, combined) = CapacityFit.ClosedTest([0.04, 0.2], 0.05);
        Assert.Equal([true, false], flagged);
        Assert.True(combined <= 0.05);
        // (0.03, 0.03): both flagged, where Bonferroni (0.025 each) would flag neither.
        Assert.Equal([true, true], CapacityFit.ClosedTest([0.03, 0.03], 0.05).Flagged);
        // (0.1, 0.1): the combination 0.056 is not rejected, so nobody is.
        Assert.Equal([false, false], CapacityFit.ClosedTest([0.1, 0.1], 0.05).Flagged);
    }
}
