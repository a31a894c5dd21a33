using Landrush.Analysis;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;
using Landrush.Core.Model.Demand;

namespace Landrush.Benchmarks;

/// <summary>How the synthetic landrushes of the verdict's validation study draw demand.</summary>
internal enum SyntheticDemand
{
    /// <summary>Core's attractiveness weights (length and digit patterns); ordinary latencies 0–2; ranges sent in index order.</summary>
    Patterns,

    /// <summary>
    /// A different generator: Zipf weights over a seeded shuffle of the names (shorter names ranked earlier
    /// on average, no digit patterns), no latencies, and one range party that sends 25 top-weighted names
    /// before its block (an order the analyzer does not assume).
    /// </summary>
    Zipf,

    /// <summary>
    /// As <see cref="Patterns"/> but with fewer ordinary parties (20–60) sending long lists (10–600 names): others'
    /// requests come late enough that a fast range party keeps many contested names, so the data carry the
    /// evidence a verdict needs (the other two carry little: see `validate-verdict information` in RESULTS.md).
    /// </summary>
    LongLists,
}

/// <summary>The order in which the range parties of a synthetic landrush send their blocks.</summary>
internal enum RangeSendOrder
{
    /// <summary>As the generator builds the lists (index order, after any names sent first).</summary>
    AsBuilt,

    /// <summary>Each range party's list reversed: its block from the highest index down.</summary>
    Reversed,

    /// <summary>Each range party's list in a seeded uniformly random order.</summary>
    Shuffled,
}

/// <summary>
/// One synthetic landrush with known truth: the observed allocation, the true capacity multiples and the true wish
/// lists in send order (model order: the two range parties first; for the study's oracle, never for the analyzer).
/// </summary>
internal sealed record SyntheticLandrush(ObservedAllocation Observed, int[] RangeParties, double[] TrueMultiples, int Ordinary, int[][] TrueLists)
{
    /// <summary>Every participant's capacity over the median ordinary capacity, in model order.</summary>
    public double[] AllMultiples { get; init; } = [];
}

/// <summary>
/// Synthetic landrushes from the process model (blind Fcfs of <c>Core.Model</c>) over <c>digits:1-4</c>: two
/// range parties with blocks of 900–1,600 names whose demand alone gives CR2 ≈ 0.6–0.9, and 30–150 ordinary
/// parties with heavy-tailed weighted lists. Ordinary capacities are log-normal around 1 (σ = 0.3: honest
/// spread up to about 1.8×); range parties at <c>multiple</c> × 1 (1 = fair). Shared by the study and its
/// small test version (linked into the Analysis tests).
/// </summary>
internal static class SyntheticLandrushes
{
    public const string SpaceSpec = "digits:1-4";

    /// <param name="kind">The demand generator.</param>
    /// <param name="multiple">Both range parties' capacity over the median ordinary one.</param>
    /// <param name="seed">Seed of every draw.</param>
    /// <param name="order">How the range parties send their lists.</param>
    /// <param name="crowd">No range party: the two range lists are empty (a crowd of ordinary parties only).</param>
    public static SyntheticLandrush Build(SyntheticDemand kind, double multiple, long seed, RangeSendOrder order = RangeSendOrder.AsBuilt, bool crowd = false)
    {
        var space = NameSpace.Parse(SpaceSpec);
        var demand = new DemandModel(space, new NameAttractiveness(Landrush.Profiles.Nl2008.DutchAreaCodes.All));
        var rng = new SeededRandom(seed, 0x51);
        var n = (int)space.Count;
        var weights = kind != SyntheticDemand.Zipf ? [.. demand.Weights] : ZipfWeights(space, rng);
        var ordinary = kind == SyntheticDemand.LongLists ? 20 + rng.NextInt(41) : 30 + rng.NextInt(121);
        var lists = new List<int[]>();
        if (kind != SyntheticDemand.Zipf)
        {
            var lengthA = 300 + rng.NextInt(700);
            var lengthB = 900 + rng.NextInt(700);
            lists.Add([.. demand.Numbers(100, 999), .. demand.Block("1000", lengthA)]);
            lists.Add(demand.Block((5000 + rng.NextInt(2000)).ToString(System.Globalization.CultureInfo.InvariantCulture), lengthB));
        }
        else
        {
            var a = demand.Block((2000 + rng.NextInt(2000)).ToString(System.Globalization.CultureInfo.InvariantCulture), 900 + rng.NextInt(700));
            var top = WeightedSampler.Sample(weights, 25, new SeededRandom(unchecked(seed * 31 + 7))).Where(i => !a.Contains(i)).ToArray();
            lists.Add([.. top, .. a]);
            lists.Add(demand.Block("0" + (rng.NextInt(4) * 100).ToString("000", System.Globalization.CultureInfo.InvariantCulture), 900 + rng.NextInt(400)));
        }

        if (crowd)
        {
            lists[0] = [];
            lists[1] = [];
        }

        for (var r = 0; r < 2 && order != RangeSendOrder.AsBuilt; r++)
        {
            var list = lists[r].ToArray();
            if (order == RangeSendOrder.Reversed)
            {
                Array.Reverse(list);
            }
            else
            {
                var shuffle = new SeededRandom(seed, 0x5A + (ulong)r);
                for (var i = list.Length - 1; i > 0; i--)
                {
                    var j = shuffle.NextInt(i + 1);
                    (list[i], list[j]) = (list[j], list[i]);
                }
            }

            lists[r] = list;
        }

        var sizes = kind == SyntheticDemand.LongLists ? new WishListSizes(Minimum: 10, Alpha: 1.2, Cap: 600) : new WishListSizes(Minimum: 3, Alpha: 1.2, Cap: 150);
        var participants = new List<Participant>();
        var capacities = new double[2 + ordinary];
        for (var p = 0; p < ordinary; p++)
        {
            var size = Math.Max(1, sizes.Draw(new SeededRandom(unchecked(seed * 1000 + p))));
            lists.Add(WeightedSampler.Sample(weights, size, new SeededRandom(unchecked(seed * 1000 + 500 + p))));
            capacities[2 + p] = Math.Exp(0.3 * Normal(rng));
        }

        var median = capacities[2..].Order().ElementAt(ordinary / 2);
        capacities[0] = capacities[1] = multiple * median;
        for (var p = 0; p < lists.Count; p++)
        {
            var latency = kind != SyntheticDemand.Zipf && p >= 2 ? 2 * rng.NextDouble() : 0;
            participants.Add(new Participant(p, capacities[p], lists[p], 0, latency));
        }

        var outcome = new LandrushSimulation(n, participants).Run(Mechanism.Fcfs, unchecked(seed * 7919 + 1));
        // Observed parties: only those holding a name (a harvest sees no one else), in model order.
        var observedIndex = new int[lists.Count];
        Array.Fill(observedIndex, -1);
        var labels = new List<string>();
        for (var p = 0; p < lists.Count; p++)
        {
            if (outcome.WinsOf(p) > 0)
            {
                observedIndex[p] = labels.Count;
                labels.Add(p < 2 ? $"range {(char)('A' + p)}" : $"party {p}");
            }
        }

        var names = new List<int>();
        var parties = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (outcome.WinnerOf(i) >= 0)
            {
                names.Add(i);
                parties.Add(observedIndex[outcome.WinnerOf(i)]);
            }
        }

        var observed = new ObservedAllocation(space, "nl", names, parties, labels);
        return new SyntheticLandrush(observed, [observedIndex[0], observedIndex[1]], [capacities[0] / median, capacities[1] / median], ordinary, [.. lists])
        {
            AllMultiples = [.. capacities.Select(c => c / median)],
        };
    }

    // Zipf (exponent 1) over a seeded shuffle in which a name of length L is ranked as if drawn from an
    // exponential with mean ∝ 10^L: shorter names tend to rank earlier, patterns play no part.
    private static double[] ZipfWeights(NameSpace space, SeededRandom rng)
    {
        var n = (int)space.Count;
        var score = new double[n];
        for (var i = 0; i < n; i++)
        {
            score[i] = rng.NextExponential(1) * Math.Pow(10, space.NameAt(i).Length);
        }

        var order = Enumerable.Range(0, n).OrderBy(i => score[i]).ToArray();
        var w = new double[n];
        for (var r = 0; r < n; r++)
        {
            w[order[r]] = 1.0 / (r + 1);
        }

        return w;
    }

    private static double Normal(SeededRandom rng) =>
        Math.Sqrt(-2 * Math.Log(rng.NextDoubleNonZero())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
