using Landrush.Analysis.Verdict.Race;
using Landrush.Core.Model;

namespace Landrush.Analysis.Tests.Verdict;

public sealed class OrderScreenTests
{
    [Fact]
    public void The_trend_fit_reaches_the_maximum_a_grid_search_finds()
    {
        // The screen's level-and-trend fit of one class, against a brute-force search of the same penalised likelihood over a
        // fine grid of (u, b) refined around its best point: Newton's method must reach at least that value on every class.
        var rng = new SeededRandom(31);
        for (var trial = 0; trial < 300; trial++)
        {
            var count = 2 + rng.NextInt(15);
            var all = Enumerable.Range(0, count).Select(_ => 1 + rng.NextInt(50)).ToArray();
            var lost = all.Select(a => rng.NextInt(a + 1)).ToArray();
            var z = Enumerable.Range(0, count).Select(_ => rng.NextDouble() - 0.5).ToArray();
            var x = Enumerable.Range(0, count).Select(_ => Math.Exp(-7 + (9 * rng.NextDouble()))).ToArray();
            var sigma = rng.NextDouble() < 0.5 ? 0.3 : 1.5;
            var cells = new OrderScreen.TrendCells(new double[count], z, all, lost, new int[count], [Enumerable.Range(0, count).ToArray()]);
            double u = 0, b = 0;
            var value = OrderScreen.Maximize(cells, x, cells.LevelCells[0], sigma, ref u, ref b);

            double Penalised(double uu, double bb)
            {
                var v = (-uu * uu / (2 * sigma * sigma)) - (bb * bb / (2 * OrderScreen.TrendSigma * OrderScreen.TrendSigma));
                for (var c = 0; c < count; c++)
                {
                    var y = x[c] * Math.Exp(uu + (bb * z[c]));
                    v += (lost[c] > 0 ? lost[c] * Math.Log(-double.ExpM1(-y)) : 0) - ((all[c] - lost[c]) * y);
                }

                return v;
            }

            var (bu, bb0, best) = (0.0, 0.0, double.NegativeInfinity);
            for (var step = 0.25; step > 0.001; step /= 5)
            {
                var (cu, cb) = step == 0.25 ? (0.0, 0.0) : (bu, bb0);
                var reach = step == 0.25 ? 10.0 : step * 5;
                for (var uu = cu - reach; uu <= cu + reach; uu += step)
                {
                    for (var bb = cb - reach; bb <= cb + reach; bb += step)
                    {
                        var v = Penalised(uu, bb);
                        if (v > best)
                        {
                            (bu, bb0, best) = (uu, bb, v);
                        }
                    }
                }
            }

            Assert.True(value >= best - 1e-6, $"trial {trial}: Newton {value} at ({u}, {b}), grid {best} at ({bu}, {bb0})");
            Assert.Equal(Penalised(u, b), value, 1e-9);
        }
    }
}
