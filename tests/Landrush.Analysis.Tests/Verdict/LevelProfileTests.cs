using Landrush.Analysis.Verdict;
using Landrush.Analysis.Verdict.Race;

namespace Landrush.Analysis.Tests.Verdict;

public sealed class LevelProfileTests
{
    [Fact]
    public void A_free_level_of_one_cell_solves_the_closed_form()
    {
        // One cell of N names, n lost, chance 1 − e^(−s·x): the maximum-likelihood s gives 1 − e^(−s·x) = n/N, so
        // s = −ln(1 − n/N)/x, and the maximum is the binomial log-likelihood at n/N.
        const int n = 30, total = 200;
        const double x = 0.05;
        var cells = Cells([total], [n]);
        var u = new double[1];
        var l = LevelProfile.Evaluate(cells, Same(cells, x), [double.PositiveInfinity], u);
        Assert.Equal(-Math.Log(1 - (n / (double)total)) / x, Math.Exp(u[0]), 1e-6);
        var p = n / (double)total;
        Assert.Equal((n * Math.Log(p)) + ((total - n) * Math.Log(1 - p)), l, 1e-6);
    }

    [Fact]
    public void A_tight_prior_holds_the_level_near_the_calibration()
    {
        var cells = Cells([200], [30]);
        var free = new double[1];
        var held = new double[1];
        LevelProfile.Evaluate(cells, Same(cells, 0.05), [double.PositiveInfinity], free);
        LevelProfile.Evaluate(cells, Same(cells, 0.05), [0.01], held);
        Assert.True(Math.Abs(held[0]) < 0.01 * 3, $"u = {held[0]}");
        Assert.True(free[0] > 1, $"free u = {free[0]}");
    }

    [Fact]
    public void A_level_the_outside_cannot_calibrate_falls_freely_below_the_extrapolation_but_not_above_it()
    {
        // 30 of 200 lost: the free maximum is s = −ln(0.85)/x. At x = 5 (demand thirty times what the losses say) the
        // uncalibrated level finds that s (u ≈ −3.4) and the same log-likelihood as a free one; a calibrated σ of 0.3 holds
        // it nearer the calibration. At x = 0.005 (demand a thirtieth; 3 of 20 lost) it keeps its
        // prior upwards like any other.
        var cells = Cells([200], [30]);
        var sFree = -Math.Log(0.85);
        var sigma = Landrush.Analysis.Verdict.Demand.OthersDemand.UncalibratedSigma;

        var low = new double[1];
        var lLow = LevelProfile.Evaluate(cells, Same(cells, 5), [sigma], low);
        Assert.Equal(sFree / 5, Math.Exp(low[0]), 1e-6);
        Assert.Equal(LevelProfile.Evaluate(cells, Same(cells, 5), [double.PositiveInfinity], new double[1]), lLow, 1e-9);
        var calibrated = new double[1];
        LevelProfile.Evaluate(cells, Same(cells, 5), [0.3], calibrated);
        Assert.True(calibrated[0] > low[0] + 0.5, $"calibrated u {calibrated[0]} vs {low[0]}");

        var few = Cells([20], [3]);
        var high = new double[1];
        LevelProfile.Evaluate(few, Same(few, 0.005), [sigma], high);
        Assert.True(high[0] > 0 && high[0] < Math.Log(sFree / 0.005) - 0.1, $"u = {high[0]} against {Math.Log(sFree / 0.005)}");
    }

    // The same x for every cell (the race cuts one list into several cells by position).
    private static double[] Same(RaceCells cells, double x) => [.. Enumerable.Repeat(x, cells.Count)];

    // One level class, cells with the given names and losses at positions 0, 1, … (the positions play no part here).
    private static RaceCells Cells(int[] all, int[] lost)
    {
        var list = Enumerable.Range(0, all.Sum()).ToArray();
        var cellOf = new int[list.Length];
        var k = 0;
        for (var c = 0; c < all.Length; c++)
        {
            for (var i = 0; i < all[c]; i++)
            {
                cellOf[k++] = c;
            }
        }

        var lostNames = new HashSet<int>();
        k = 0;
        for (var c = 0; c < all.Length; c++)
        {
            for (var i = 0; i < all[c]; i++, k++)
            {
                if (i < lost[c])
                {
                    lostNames.Add(k);
                }
            }
        }

        // Rate class per name = its cell, so that cells do not merge across the given ones.
        return RaceCells.Build(list, lostNames.Contains, cellOf, _ => 0, 1, out _);
    }
}
