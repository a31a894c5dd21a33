using Landrush.Analysis.Verdict.Demand;
using Landrush.Core.Model;
using MathNet.Numerics;

namespace Landrush.Benchmarks.Study;

/// <summary>
/// The study's second oracle: the verdict's question answered with the true <em>demand</em> of a synthetic landrush, not
/// its realised requests. It knows the tested party's true list and every range party's and collector's list in send
/// order (a range or "every year" is demand one can state), and of the ordinary participants only what a perfect demand model
/// at the names' features could know: for each class of names (length and generic features, <see cref="LabelFeatures"/>)
/// how many requests they sent per name (λ) and where in their lists those requests stood (the distribution of the
/// position J). It does not know which names of a class were asked for, nor when — that is the gap between this oracle
/// and <see cref="ListOracle"/>, and the part of the evidence no allocation shows. A tested ordinary participant's own
/// requests are left out of the demand it is tested against. Competitors are Poisson streams at pace 1 from time 0, as in
/// <see cref="ListOracle"/>: the name at position k of a party at multiple m is kept when, by the party's own arrival T
/// (Γ(k + 1, m)), no class request came (Poisson, λ·F(T), F the class's arrival distribution) and no range rival's
/// request did; the chance is averaged over T as a whole (averaging each factor apart would overstate the loss).
/// Its multiple is the likelihood's maximum on <see cref="ListOracle"/>'s grid; its test of "m ≤ k" is the likelihood
/// ratio against the best multiple up to k, calibrated by drawing the losses at k× (parties combined as the list
/// oracle combines them). Study only; written apart from the analyzer's race code.
/// </summary>
internal static class DemandOracle
{
    private const int TauPoints = 500;
    private const double LogTauMin = -6.9; // τ = 0.001
    private const double LogTauMax = 13.8; // τ ≈ 10⁶
    private const int JQuantiles = 64;
    private static readonly double Step = (LogTauMax - LogTauMin) / (TauPoints - 1);

    // The party's own arrival Γ(k + 1, m) at sixteen equal-probability points (Wilson–Hilferty).
    private static readonly double[] OwnZ = [.. Enumerable.Range(0, 16).Select(i => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (i + 0.5) / 16))];

    /// <param name="space">Every label of the landrush's space.</param>
    /// <param name="lists">Every participant's list in send order, by party id.</param>
    /// <param name="rangeParties">Party ids whose lists one can state (ranges, collectors): known exactly.</param>
    /// <param name="holderOf">The holder's party id of every registered label.</param>
    /// <param name="tested">Party ids to test.</param>
    /// <param name="threshold">k of "m = k×".</param>
    /// <param name="alpha">Familywise level.</param>
    /// <param name="sims">Runs of each party's test.</param>
    /// <param name="seed">Seed of the runs.</param>
    public static (bool Excess, Dictionary<string, double> Multiples) Run(IEnumerable<string> space, Dictionary<string, List<string>> lists,
        ISet<string> rangeParties, Dictionary<string, string> holderOf, IReadOnlyList<string> tested, double threshold, double alpha, int sims, long seed)
    {
        var classOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var classKeys = new Dictionary<int, int>();
        var namesIn = new List<int>();
        foreach (var label in space)
        {
            var key = (label.Length << 12) | LabelFeatures.Of(label);
            if (!classKeys.TryGetValue(key, out var c))
            {
                classKeys[key] = c = classKeys.Count;
                namesIn.Add(0);
            }

            classOf[label] = c;
            namesIn[c]++;
        }

        // Ordinary demand per class: its requests' positions, by whom (λ = requests / names of the class).
        var requests = Enumerable.Range(0, namesIn.Count).Select(_ => new List<(string Party, int J)>()).ToArray();
        var rivalAt = new Dictionary<string, List<(string Party, int J)>>(StringComparer.Ordinal);
        foreach (var (party, list) in lists)
        {
            var range = rangeParties.Contains(party);
            for (var j = 0; j < list.Count; j++)
            {
                if (range)
                {
                    if (!rivalAt.TryGetValue(list[j], out var at))
                    {
                        rivalAt[list[j]] = at = [];
                    }

                    at.Add((party, j));
                }
                else if (classOf.TryGetValue(list[j], out var c))
                {
                    requests[c].Add((party, j));
                }
            }
        }

        var pValues = new List<double>();
        var multiples = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var t = 0; t < tested.Count; t++)
        {
            var party = tested[t];
            if (!lists.TryGetValue(party, out var list) || list.Count == 0)
            {
                continue;
            }

            // Others' demand: a tested ordinary participant's own requests are not its competitors'.
            var lambda = requests.Select((r, c) => (double)r.Count(x => x.Party != party) / namesIn[c]).ToArray();
            var timing = new double[]?[requests.Length];
            var lossChance = new double[ListOracle.Grid.Length][];
            for (var g = 0; g < lossChance.Length; g++)
            {
                lossChance[g] = new double[list.Count];
            }

            for (var k = 0; k < list.Count; k++)
            {
                var label = list[k];
                var c = classOf.GetValueOrDefault(label, -1);
                var rivals = rivalAt.TryGetValue(label, out var at) ? at.Where(a => a.Party != party).Select(a => a.J).ToArray() : [];
                double[]? table = null;
                if (c >= 0 && lambda[c] > 0)
                {
                    table = timing[c] ??= Tabulate([.. requests[c].Where(x => x.Party != party).Select(x => x.J)]);
                }

                for (var g = 0; g < ListOracle.Grid.Length; g++)
                {
                    lossChance[g][k] = Math.Clamp(1 - Keep(table, c >= 0 ? lambda[c] : 0, rivals, k, ListOracle.Grid[g]), 1e-12, 1 - 1e-12);
                }
            }

            var lost = list.Select(l => holderOf.GetValueOrDefault(l) != party).ToArray();
            var (observed, statistic) = Fit(lossChance, lost, threshold);
            multiples[party] = observed;
            var gk = Array.FindIndex(ListOracle.Grid, m => m >= threshold - 1e-9);
            var rng = new SeededRandom(seed, 0xDE3A4D + (ulong)t);
            var drawn = new bool[lost.Length];
            var atLeast = 0;
            for (var s = 0; s < sims; s++)
            {
                for (var i = 0; i < drawn.Length; i++)
                {
                    drawn[i] = rng.NextDouble() < lossChance[gk][i];
                }

                atLeast += Fit(lossChance, drawn, threshold).Statistic >= statistic - 1e-9 ? 1 : 0;
            }

            pValues.Add((atLeast + 1.0) / (sims + 1.0));
        }

        return (ListOracle.ClosedTestFlagsAny(pValues, alpha), multiples);
    }

    // The grid's maximum-likelihood multiple and the likelihood-ratio statistic of "m ≤ threshold" (0 when the
    // maximum lies there): the test the analyzer's question asks, more powerful than calibrating the estimate alone.
    private static (double Multiple, double Statistic) Fit(double[][] lossChance, bool[] lost, double threshold)
    {
        var ll = ListOracle.LogLikelihoods(lossChance, lost);
        var best = ll.Max();
        var restricted = ll.Where((_, g) => ListOracle.Grid[g] <= threshold + 1e-9).Max();
        return (ListOracle.Grid[Array.IndexOf(ll, best)], best - restricted);
    }

    // The chance the party keeps the name at position k at multiple m: averaged over the party's own arrival T, the chance
    // that no class request (Poisson, λ·F(T)) and no rival's request (its (J+1)-th at pace 1) came before T. The average is
    // of the product: averaging each factor apart overstates the loss (Jensen), most at the head of the list.
    private static double Keep(double[]? table, double lambda, int[] rivals, int k, double m)
    {
        var a = k + 1.0;
        double sum = 0;
        foreach (var z in OwnZ)
        {
            var cube = Math.Max(1 - (1 / (9 * a)) + (z / (3 * Math.Sqrt(a))), 0.05);
            var tau = a * cube * cube * cube / m;
            var keep = table is null ? 1 : Math.Exp(-lambda * Lookup(table, tau));
            foreach (var j in rivals)
            {
                keep *= 1 - SpecialFunctions.GammaLowerRegularized(j + 1, tau);
            }

            sum += keep;
        }

        return sum / OwnZ.Length;
    }

    private static double Lookup(double[] table, double tau)
    {
        var x = (Math.Log(tau) - LogTauMin) / Step;
        if (x <= 0)
        {
            return table[0];
        }

        if (x >= TauPoints - 1)
        {
            return table[^1];
        }

        var i = (int)x;
        return table[i] + ((x - i) * (table[i + 1] - table[i]));
    }

    // The distribution function of a class request's arrival, Γ(J + 1, 1) mixed over the class's positions J (at
    // JQuantiles quantiles of them), on the log-τ grid.
    private static double[] Tabulate(List<int> js)
    {
        var sorted = js.Order().ToArray();
        var quantiles = Enumerable.Range(0, JQuantiles).Select(q => sorted[(int)((q + 0.5) / JQuantiles * sorted.Length)]).ToArray();
        var table = new double[TauPoints];
        for (var i = 0; i < TauPoints; i++)
        {
            var tau = Math.Exp(LogTauMin + (i * Step));
            table[i] = quantiles.Average(j => SpecialFunctions.GammaLowerRegularized(j + 1, tau));
        }

        return table;
    }
}
