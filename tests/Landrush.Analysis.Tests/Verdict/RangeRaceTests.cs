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
    [InlineData(1.0, 101)]
    [InlineData(16.0, 102)]
    public void The_fit_recovers_the_capacity_of_a_race_drawn_from_the_model(double truth, long seed)
    {
        // A block of 2,000 names, others wanting each with probability 0.3 from lists of 40 names: the race the
        // model describes, drawn here step by step; the fit must cover the truth and the test must tell 16× from 2×.
        const int positions = 2_000;
        var rng = new SeededRandom(seed);
        var lost = new bool[positions];
        var t = 0.0;
        for (var k = 0; k < positions; k++)
        {
            t += rng.NextExponential(truth);
            if (rng.NextDouble() < 0.3)
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

        var race = new RangeRace(Enumerable.Repeat(0.3, positions).ToArray(), lost, Enumerable.Repeat(40, 30).ToArray());
        var fit = CapacityFit.Fit(race);
        Assert.NotNull(fit);
        Assert.InRange(truth, fit.Value.Low, fit.Value.High ?? double.PositiveInfinity);
        var p = CapacityFit.PValue(race, 2, 400, 1, 0);
        if (truth > 2)
        {
            Assert.True(p <= 0.05, $"16× not told from 2×: p = {p}, fit {fit}");
        }
        else
        {
            Assert.True(p > 0.05, $"1× flagged at 2×: p = {p}, fit {fit}");
        }
    }

    [Fact]
    public void A_party_that_lost_nothing_has_no_fit_and_is_never_flagged()
    {
        var race = new RangeRace([0.5, 0.5, 0.5], [false, false, false], [3, 3]);
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
}
