using Landrush.Core.Model;
using MathNet.Numerics;

namespace Landrush.Benchmarks.Study;

/// <summary>
/// The study's oracle: the verdict's question answered with the true demand of a synthetic landrush (every
/// participant's list in its send order, from the generator's lists file) instead of demand read from the
/// allocation. It reads the same allocation (which names of its list each tested party lost) and knows what no
/// harvest can: the position of every competing request in its competitor's list. It does not know capacities,
/// start delays or how a generator spaces requests: competitors are taken as Poisson streams at a typical pace (1)
/// from time 0, so the party at multiple c keeps the name at its position k against a competitor at position J
/// with probability 1 − I_{1/(1+c)}(J+1, k+1); names are treated as independent. Its multiple is the
/// maximum-likelihood fit on a grid, its test of "c = k×" calibrates the fitted multiple by drawing the losses at k×,
/// and the tested parties (the truth's two largest holders) are combined by closed testing with Simes' tests.
/// Written independently of the analyzer's race code; study only.
/// </summary>
internal static class ListOracle
{
    internal static readonly double[] Grid = [.. Enumerable.Range(-8, 49).Select(g => Math.Pow(2, g / 4.0))];

    /// <param name="lists">Every participant's list in send order (labels), by party id.</param>
    /// <param name="holderOf">The holder's party id of every registered label.</param>
    /// <param name="tested">Party ids to test.</param>
    /// <param name="threshold">k of "c = k×".</param>
    /// <param name="alpha">Familywise level.</param>
    /// <param name="sims">Runs of each party's test.</param>
    /// <param name="seed">Seed of the runs.</param>
    public static (bool Excess, Dictionary<string, double> Multiples) Run(Dictionary<string, List<string>> lists,
        Dictionary<string, string> holderOf, IReadOnlyList<string> tested, double threshold, double alpha, int sims, long seed)
    {
        var wantedAt = new Dictionary<string, List<(string Party, int J)>>(StringComparer.Ordinal);
        foreach (var (party, list) in lists)
        {
            for (var j = 0; j < list.Count; j++)
            {
                if (!wantedAt.TryGetValue(list[j], out var at))
                {
                    wantedAt[list[j]] = at = [];
                }

                at.Add((party, j));
            }
        }

        var pValues = new List<double>();
        var multiples = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var t = 0; t < tested.Count; t++)
        {
            var party = tested[t];
            if (!lists.TryGetValue(party, out var list))
            {
                continue;
            }

            var contested = new List<(int K, int[] J, bool Lost)>();
            for (var k = 0; k < list.Count; k++)
            {
                var others = wantedAt[list[k]].Where(w => w.Party != party).Select(w => w.J).ToArray();
                if (others.Length > 0)
                {
                    contested.Add((k, others, holderOf.GetValueOrDefault(list[k]) != party));
                }
            }

            if (contested.Count == 0)
            {
                continue;
            }

            var lossChance = new double[Grid.Length][];
            for (var g = 0; g < Grid.Length; g++)
            {
                var p = 1 / (1 + Grid[g]);
                lossChance[g] = [.. contested.Select(c =>
                    Math.Clamp(1 - c.J.Aggregate(1.0, (keep, j) => keep * (1 - SpecialFunctions.BetaRegularized(j + 1, c.K + 1, p))), 1e-12, 1 - 1e-12))];
            }

            var observed = Fit(lossChance, [.. contested.Select(c => c.Lost)]);
            multiples[party] = observed;
            var g0 = Array.FindIndex(Grid, m => m >= threshold - 1e-9);
            var rng = new SeededRandom(seed, 0x0AC1E + (ulong)t);
            var lost = new bool[contested.Count];
            var atLeast = 0;
            for (var s = 0; s < sims; s++)
            {
                for (var i = 0; i < lost.Length; i++)
                {
                    lost[i] = rng.NextDouble() < lossChance[g0][i];
                }

                atLeast += Fit(lossChance, lost) >= observed ? 1 : 0;
            }

            pValues.Add((atLeast + 1.0) / (sims + 1.0));
        }

        return (ClosedTestFlagsAny(pValues, alpha), multiples);
    }

    internal static double Fit(double[][] lossChance, bool[] lost)
    {
        var ll = LogLikelihoods(lossChance, lost);
        return Grid[Array.IndexOf(ll, ll.Max())];
    }

    /// <summary>Per grid multiple: the log-likelihood of <paramref name="lost"/> under its loss chances.</summary>
    internal static double[] LogLikelihoods(double[][] lossChance, bool[] lost)
    {
        var result = new double[lossChance.Length];
        for (var g = 0; g < lossChance.Length; g++)
        {
            double sum = 0;
            var chance = lossChance[g];
            for (var i = 0; i < lost.Length; i++)
            {
                sum += Math.Log(lost[i] ? chance[i] : 1 - chance[i]);
            }

            result[g] = sum;
        }

        return result;
    }

    // Closed testing with Simes' local tests (Hommel's procedure), as the verdict combines its parties: some party is
    // flagged when every subset containing it rejects. Fisher's combination was used before; with one fast party and
    // one slow one it cannot reject at 0.01 even when the fast one's p is the smallest 300 runs give (−2 ln(1/301) on
    // 4 degrees of freedom is 0.022), so the oracle looked powerless at α = 0.01 on files with a single fast party.
    internal static bool ClosedTestFlagsAny(List<double> p, double alpha)
    {
        if (p.Count == 0)
        {
            return false;
        }

        if (p.Count > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "the oracle tests at most two parties");
        }

        // With at most two parties the subsets containing party i are {i} and both; Simes' test of both is
        // min(2·p₍₁₎, p₍₂₎).
        var sorted = p.Order().ToArray();
        var both = sorted.Length == 1 ? sorted[0] : Math.Min(2 * sorted[0], sorted[1]);
        return both <= alpha && sorted[0] <= alpha;
    }
}
