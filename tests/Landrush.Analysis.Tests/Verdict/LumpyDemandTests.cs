using Landrush.Analysis.Verdict.Demand;
using Landrush.Analysis.Verdict.Race;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;

namespace Landrush.Analysis.Tests.Verdict;

/// <summary>
/// Demand lumpier than the features say: measured outside the spans (<see cref="OthersDemand.BandSigma"/>) and
/// carried into the race as quasi-likelihood weights (<see cref="LevelProfile"/>).
/// </summary>
public sealed class LumpyDemandTests
{
    // digits:4 with every name wanted at one rate (the length-only fit sees one class), registered by block of 50 at a
    // block rate: `low` or `high` alternately (lumpy), or all at their mean (not lumpy).
    private static OthersDemand Demand(double low, double high, int seed)
    {
        var space = NameSpace.Parse("digits:4");
        var rng = new SeededRandom(seed);
        var holder = new int[10_000];
        for (var i = 0; i < holder.Length; i++)
        {
            var rate = (i / 50) % 2 == 0 ? low : high;
            holder[i] = rng.NextDouble() < rate ? i % 40 : -1;
        }

        return OthersDemand.Fit(space, holder, new bool[10_000], new bool[40], 0, patternFeatures: false);
    }

    [Fact]
    public void Names_wanted_independently_show_no_lumps()
    {
        var sigma = Demand(0.2, 0.2, 11).BandSigma(50, new int[10_000]);

        // Relative variance 0 in truth; its estimate from 200 windows errs by about 0.01 (σ ≈ 0.1).
        Assert.InRange(sigma, 0, 0.15);
    }

    [Fact]
    public void Blocks_wanted_at_two_rates_show_the_lumps_closed_form()
    {
        // Window means 0.05 and 0.35 around 0.2: relative variance v = 0.15²/0.2² = 0.5625, σ = √ln(1 + v) ≈ 0.668.
        var sigma = Demand(0.05, 0.35, 12).BandSigma(50, new int[10_000]);

        Assert.InRange(sigma, 0.55, 0.78);
    }

    [Fact]
    public void Blocks_that_are_a_kind_of_their_own_are_that_kinds_level_not_lumps()
    {
        // The same blocks, but each block's kind is told (the race profiles each kind's level itself): calibrated per
        // kind, nothing is left to call lumpy.
        var kind = Enumerable.Range(0, 10_000).Select(i => (i / 50) % 2).ToArray();
        var sigma = Demand(0.05, 0.35, 12).BandSigma(50, kind);

        Assert.InRange(sigma, 0, 0.15);
    }

    [Fact]
    public void The_figure_follows_the_kinds_it_is_asked_with()
    {
        // One demand asked with one kind, then with the blocks' kinds: the second answer is not the first one remembered.
        var demand = Demand(0.05, 0.35, 12);
        var oneKind = demand.BandSigma(50, new int[10_000]);
        var blockKinds = demand.BandSigma(50, [.. Enumerable.Range(0, 10_000).Select(i => (i / 50) % 2)]);

        Assert.InRange(oneKind, 0.55, 0.78);
        Assert.InRange(blockKinds, 0, 0.15);
    }

    [Fact]
    public void A_lumpy_band_counts_its_terms_over_its_dispersion()
    {
        // One position, lost, in one band of expected losses μ = 1 − e^(−x); the level held at its calibration by a tight
        // prior: ℓ = ln(1 − e^(−x))/φ, φ = 1 + (e^(σ²) − 1)·μ.
        var cells = RaceCells.Build([0], _ => true, [0], _ => 0, 1, out _);
        const double x = 0.3, sigma = 0.5;
        var mu = -double.ExpM1(-x);
        var weight = LevelProfile.Weights(cells, [sigma], [mu]);
        var lumpy = LevelProfile.Evaluate(cells, [x], [1e-9], new double[1], weight);
        var phi = 1 + (double.ExpM1(sigma * sigma) * mu);

        Assert.Equal(1 / phi, weight[0], 12);
        Assert.Equal(Math.Log(mu) / phi, lumpy, 1e-6);
    }

    [Fact]
    public void Demand_that_is_not_lumpy_leaves_the_likelihood_as_it_was()
    {
        var (cells, x, losses) = Race();
        var plain = LevelProfile.Evaluate(cells, x, [1.0], new double[1]);
        var zero = LevelProfile.Evaluate(cells, x, [1.0], new double[1], LevelProfile.Weights(cells, new double[cells.BandSize.Length], losses));

        Assert.Equal(plain, zero, 1e-9);
    }

    [Fact]
    public void Lumpier_demand_weighs_the_losses_less()
    {
        var (cells, x, losses) = Race();
        double At(double sigma) => LevelProfile.Evaluate(cells, x, [1.0], new double[1],
            LevelProfile.Weights(cells, [.. Enumerable.Repeat(sigma, cells.BandSize.Length)], losses));

        // Log-likelihoods are negative: weighing them less brings them towards 0.
        Assert.True(At(0) < At(0.3) && At(0.3) < At(1), $"{At(0)}, {At(0.3)}, {At(1)}");
    }

    // 200 positions, every seventh lost, x = 0.1 everywhere; per band its expected losses at that x.
    private static (RaceCells Cells, double[] X, double[] Losses) Race()
    {
        var cells = RaceCells.Build([.. Enumerable.Range(0, 200)], n => n % 7 == 0, [.. Enumerable.Repeat(0, 200)], _ => 0, 1, out _);
        var x = Enumerable.Repeat(0.1, cells.Count).ToArray();
        var losses = cells.BandCells.Select(members => members.Sum(c => cells.All[c] * -double.ExpM1(-0.1))).ToArray();
        return (cells, x, losses);
    }
}
