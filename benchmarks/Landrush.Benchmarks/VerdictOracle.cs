using Landrush.Analysis.Verdict;
using Landrush.Benchmarks;
using Landrush.Core.Model;
using MathNet.Numerics;

// The study's oracle (issue 18): the verdict's question answered with the true demand of a synthetic landrush —
// every participant's wish list in its true send order — instead of the demand the analyzer infers. It reads the
// same observed allocation (which names each range party lost) and knows what no harvest can: for each name of a
// range party's list, its position there and the position of every competing request in the competitor's list. It
// does not know capacities or latencies: competitors are taken at a typical pace (1) with no latency. Under
// blind FCFS the party keeps the name at its position k against a competitor at position J with probability
// 1 − I_{1/(1+c)}(J+1, k+1); names are treated as independent. The multiple is the maximum-likelihood fit on the
// verdict's grid, the test of "c = k×" calibrates the fitted multiple by drawing the losses at k×, and the two
// range parties are combined by the verdict's closed testing. Study only: it reads the generator's truth.
internal static class VerdictOracle
{
    public static (bool Excess, List<double> Ratios) Run(SyntheticLandrush landrush, VerdictOptions options, long seed)
    {
        var observed = landrush.Observed;
        var holder = new Dictionary<int, int>();
        for (var i = 0; i < observed.Registered; i++)
        {
            holder[observed.NameIndex[i]] = observed.PartyOf[i];
        }

        var lists = landrush.TrueLists;
        var pValues = new List<double>();
        var ratios = new List<double>();
        for (var r = 0; r < 2; r++)
        {
            // Where every other list asked for each name (position J in that list).
            var wantedAt = new Dictionary<int, List<int>>();
            for (var q = 0; q < lists.Length; q++)
            {
                if (q == r)
                {
                    continue;
                }

                for (var j = 0; j < lists[q].Length; j++)
                {
                    if (!wantedAt.TryGetValue(lists[q][j], out var at))
                    {
                        wantedAt[lists[q][j]] = at = [];
                    }

                    at.Add(j);
                }
            }

            var party = landrush.RangeParties[r];
            var contested = new List<(int K, int[] J, bool Lost)>();
            for (var k = 0; k < lists[r].Length; k++)
            {
                var name = lists[r][k];
                if (wantedAt.TryGetValue(name, out var at))
                {
                    contested.Add((k, [.. at], party < 0 || holder.GetValueOrDefault(name, -1) != party));
                }
            }

            if (contested.Count == 0)
            {
                continue;
            }

            var grid = CapacityFit.GridMultiples;
            var lossChance = new double[grid.Count][];
            for (var g = 0; g < grid.Count; g++)
            {
                var p = 1 / (1 + grid[g]);
                lossChance[g] = [.. contested.Select(c =>
                    Math.Clamp(1 - c.J.Aggregate(1.0, (keep, j) => keep * (1 - SpecialFunctions.BetaRegularized(j + 1, c.K + 1, p))), 1e-12, 1 - 1e-12))];
            }

            var observedFit = CapacityFit.Estimate(LogLikelihood(lossChance, [.. contested.Select(c => c.Lost)]));
            ratios.Add(observedFit.Multiple / landrush.TrueMultiples[r]);
            var g0 = CapacityFit.NearestGridIndex(options.ExcessThreshold);
            var rng = new SeededRandom(seed, 0x0AC1E + (ulong)r);
            var lost = new bool[contested.Count];
            var atLeast = 0;
            for (var s = 0; s < options.TestSims; s++)
            {
                for (var i = 0; i < lost.Length; i++)
                {
                    lost[i] = rng.NextDouble() < lossChance[g0][i];
                }

                atLeast += CapacityFit.Estimate(LogLikelihood(lossChance, lost)).Multiple >= observedFit.Multiple ? 1 : 0;
            }

            pValues.Add((atLeast + 1.0) / (options.TestSims + 1.0));
        }

        var (flagged, _) = CapacityFit.ClosedTest(pValues, options.Alpha);
        return (flagged.Any(f => f), ratios);
    }

    private static double[] LogLikelihood(double[][] lossChance, bool[] lost)
    {
        var l = new double[lossChance.Length];
        for (var g = 0; g < l.Length; g++)
        {
            double sum = 0;
            for (var i = 0; i < lost.Length; i++)
            {
                sum += Math.Log(lost[i] ? lossChance[g][i] : 1 - lossChance[g][i]);
            }

            l[g] = sum;
        }

        return l;
    }
}
