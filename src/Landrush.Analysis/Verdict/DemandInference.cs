using System.Globalization;
using Landrush.Core.Model;

namespace Landrush.Analysis.Verdict;

/// <summary>
/// Reads demand from an observed allocation, never from a generator: (1) range parties — a party whose
/// holdings form a dense block of consecutive names (at least <see cref="VerdictOptions.MinRangeLength"/>,
/// gaps under <see cref="MaxGap"/>, density ≥ ½) is taken to have asked for the whole block, widened over
/// the registered names around it up to the first free name (under blind first-come-first-served every
/// wanted name is registered, so a free name ends any demand); (2) the rate λ at which the other, small,
/// parties asked for each name, calibrated outside every block (<see cref="AttractivenessFit"/>); (3) each
/// small party's list is what it holds plus names it lost, Σλ over their holdings times as long, the lost ones
/// drawn by λ among the registered names others hold, sent in a weighted random order (most attractive first,
/// by Efraimidis–Spirakis keys); a range party's list is in index order, read as its send order only where the
/// positions of its losses support it (<see cref="SendOrderCheck"/>), else level-only. Participants known to have won
/// nothing get lists of the small parties' median size. Each range party's <see cref="RangeRace"/> is built
/// from these: its list, which names it lost, λ, the level's misfit measured outside the blocks, and where
/// the competing requests stood in their lists.
/// </summary>
public static class DemandInference
{
    /// <summary>Largest run of others' names inside one party's block (names).</summary>
    public const int MaxGap = 10;

    private const double MinDensity = 0.5;

    // Smallest σ of a calibrated level (model misfit the windows cannot show).
    private const double MinLevelSigma = 0.05;

    // Longest ordinary list, in multiples of its holdings, that the data may imply.
    private const double MaxListFactor = 50;

    /// <summary>
    /// Log-likelihood by which index order must explain a range party's losses better than an unknown order before
    /// the position of its losses is read as a speed: χ²₁ at 0.05, halved (1.92). Below it the data contradict index
    /// order or cannot tell, and the race is read level-only (<see cref="SendOrderCheck"/>).
    /// </summary>
    public const double OrderEvidence = 1.920729410347062;

    /// <param name="observed">The allocation demand is read from.</param>
    /// <param name="variant">The reading of demand.</param>
    /// <param name="minRangeLength">Fewest names of a range block.</param>
    /// <param name="seed">Seed of the ordinary lists' draws.</param>
    /// <param name="sendOrder">The send-order checks of another reading (the base) to follow: a party found there keeps that
    /// reading's decision, so a party's send order, a property of the party, is read once (see the class summary); null:
    /// each party is checked under this reading.</param>
    public static InferredDemand Infer(ObservedAllocation observed, DemandVariant variant, int minRangeLength, long seed,
        IReadOnlyList<SendOrderCheck>? sendOrder = null)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(variant);
        var n = checked((int)observed.Space.Count);
        var holder = new int[n];
        Array.Fill(holder, -1);
        for (var i = 0; i < observed.Registered; i++)
        {
            holder[observed.NameIndex[i]] = observed.PartyOf[i];
        }

        var holdings = observed.Holdings();
        var holders = holdings.Count(h => h > 0);
        var participants = Math.Max(observed.Participants ?? holders, observed.PartyCount);
        var ranges = FindRanges(holder, observed.PartyCount, minRangeLength, widen: variant.RangeWholeBlock);
        var isRange = new bool[participants];
        foreach (var r in ranges)
        {
            isRange[r.Party] = true;
        }

        var heldBySmall = new bool[n];
        for (var name = 0; name < n; name++)
        {
            heldBySmall[name] = holder[name] >= 0 && !isRange[holder[name]];
        }

        // The want rate is calibrated outside all blocks: there no range party competes, so every name a small
        // party wanted is registered by one, and P(held by a small party) = 1 − e^(−λ). Names a range party holds
        // outside its blocks say nothing about others' wants and are left out too.
        var exclude = new bool[n];
        foreach (var r in ranges)
        {
            exclude.AsSpan(r.First, r.Length).Fill(true);
        }

        for (var name = 0; name < n; name++)
        {
            exclude[name] |= holder[name] >= 0 && isRange[holder[name]];
        }

        var wantRate = AttractivenessFit.WantRates(observed.Space, heldBySmall, variant.PatternFeatures, exclude, out var wantLogLikelihood);
        // Ordinary list lengths from the same rates: the small parties sent Σλ requests in all and won the names
        // they hold, so a list is its holdings times that ratio (at least its holdings).
        var smallHoldings = heldBySmall.Count(h => h);
        var listFactor = smallHoldings == 0 ? 1 : Math.Clamp(wantRate.Sum() / smallHoldings, 1, MaxListFactor);
        var rng = new SeededRandom(seed, 0x5_0000_0000UL);
        var lists = new int[participants][];
        var held = new List<int>[participants];
        for (var p = 0; p < participants; p++)
        {
            held[p] = [];
        }

        foreach (var name in observed.NameIndex)
        {
            held[holder[name]].Add(name);
        }

        for (var p = 0; p < observed.PartyCount; p++)
        {
            if (isRange[p])
            {
                var set = new SortedSet<int>(held[p]);
                foreach (var r in ranges.Where(r => r.Party == p))
                {
                    for (var name = r.First; name <= r.Last; name++)
                    {
                        set.Add(name);
                    }
                }

                lists[p] = [.. set];
            }
        }

        var registered = observed.NameIndex.ToArray();
        var ordinarySizes = new List<int>();
        for (var p = 0; p < participants; p++)
        {
            if (isRange[p] || held[p].Count == 0)
            {
                continue;
            }

            var extra = (int)Math.Round(held[p].Count * (listFactor - 1));
            lists[p] = OrdinaryList(held[p], extra, p, registered, holder, wantRate, rng);
            ordinarySizes.Add(lists[p].Length);
        }

        ordinarySizes.Sort();
        var emptySize = ordinarySizes.Count == 0 ? 1 : Math.Max(1, ordinarySizes[ordinarySizes.Count / 2]);
        var emptyHanded = 0;
        for (var p = 0; p < participants; p++)
        {
            if (lists[p] is null)
            {
                emptyHanded++;
                lists[p] = OrdinaryList([], emptySize, p, registered, holder, wantRate, rng);
            }
        }

        var nameLength = observed.Space.Enumerate().Select(label => label.Length).ToArray();
        var races = new RangeRace?[participants];
        var orderChecks = new List<SendOrderCheck>();
        for (var p = 0; p < observed.PartyCount; p++)
        {
            if (isRange[p])
            {
                var rates = lists[p].Select(name => wantRate[name]).ToArray();
                var lengths = lists[p].Select(name => nameLength[name]).Distinct().Order().ToArray();
                var classOf = lists[p].Select(name => Array.IndexOf(lengths, nameLength[name])).ToArray();
                var sigma = lengths.Select((length, c) => LevelSigma(nameLength, length, classOf.Count(x => x == c), exclude, heldBySmall, wantRate)).ToArray();
                bool[] lost = [.. lists[p].Select(name => holder[name] != p)];
                var competitors = CompetitorPositions(rates, lists.Where((_, q) => !isRange[q]), wantRate, variant.RandomOrder);
                var indexRace = new RangeRace(rates, lost, competitors, classOf, sigma);
                var anyRace = new RangeRace(rates, lost, competitors, classOf, sigma, anyOrder: true);
                // The send-order check: index order only where the positions of the losses support it.
                var check = new SendOrderCheck(p, indexRace.LogLikelihood().Max(), anyRace.PositionLogLikelihood().Max(), false);
                var decided = sendOrder?.FirstOrDefault(c => c.Party == p);
                check = check with { IndexOrder = !variant.RangeAnyOrder && (decided?.IndexOrder ?? check.LogLikelihoodRatio >= OrderEvidence) };
                orderChecks.Add(check);
                races[p] = check.IndexOrder ? indexRace : anyRace;
            }
        }

        var observedHoldings = new int[participants];
        holdings.CopyTo(observedHoldings, 0);
        List<string> assumptions = new()
        {
            "Blind first-come-first-served: each participant sends its list in order as a Poisson stream; the first request for a free name wins; no latency differences.",
            $"Demand variant '{variant.Name}': {variant.Describe()}.",
            $"Range parties: {isRange.Count(x => x)} (blocks of ≥ {minRangeLength} consecutive names with gaps under {MaxGap} and density ≥ {MinDensity}, widened to the first free name).",
            variant.RangeAnyOrder
                ? "Send order of the range parties: unknown for all (this reading); their races read only how many of the names others wanted they lost, not where."
                : orderChecks.Count == 0
                ? "Send order of the range parties: none found."
                : (sendOrder is null ? "Send order of the range parties, checked per party" : "Send order of the range parties, as checked under the base reading")
                  + " (index order is used only where it explains which positions were lost better than an unknown order by a log-likelihood of at least "
                  + string.Create(CultureInfo.InvariantCulture, $"{OrderEvidence:0.00} (χ²₁ at 0.05, halved); otherwise the race reads only how many of the names others wanted it lost, not where): ")
                  + string.Join("; ", orderChecks.Select(c => string.Create(CultureInfo.InvariantCulture,
                      $"{observed.PartyLabels[c.Party]} {(c.IndexOrder ? "index order" : c.LogLikelihoodRatio < -OrderEvidence ? "unknown order (the data contradict index order" : "unknown order (the data cannot tell")}, log-likelihood ratio {c.LogLikelihoodRatio:0.00}{(c.IndexOrder ? "" : ")")}")))
                  + ".",
            $"Attractiveness: the rate λ at which the {holders - isRange.Count(x => x)} small parties asked for a name, fitted on {(variant.PatternFeatures ? "length and digit patterns" : "length")} outside every range block and every name a range party holds (complementary log-log regression: P(held by a small party) = 1 − e^(−λ)).",
            string.Create(CultureInfo.InvariantCulture, $"Ordinary lists are {listFactor:0.##}× their holdings (the small parties' expected requests, Σλ = {wantRate.Sum():N0}, over the {smallHoldings:N0} names they hold); the names they lost are drawn by attractiveness among registered names held by others; lists sent {(variant.RandomOrder ? "in uniformly random order" : "most attractive first (weighted random order)")}, seed {seed}."),
            emptyHanded > 0
                ? $"{emptyHanded} participants won nothing: each given a list of {emptySize} names (the small parties' median list) that it lost."
                : "Participants who won nothing are not known (none modelled).",
        };
        assumptions.Add("Range races: others asked for each block name a Poisson number of times with mean λ, the rate calibrated outside all blocks (P(held by a small party) = 1 − e^(−λ)); each request came at a typical participant's pace (capacity 1) from the position such a name takes in the inferred ordinary lists.");
        return new InferredDemand(variant, lists, isRange, ranges, observedHoldings, holder, assumptions, races, orderChecks, wantLogLikelihood);
    }

    /// <summary>Dense blocks of one party's consecutive holdings, widened to the first free name (see the class summary).</summary>
    public static IReadOnlyList<RangeBlock> FindRanges(ReadOnlySpan<int> holder, int parties, int minRangeLength, bool widen = true)
    {
        var blocks = new List<RangeBlock>();
        var n = holder.Length;
        var start = 0;
        while (start < n)
        {
            if (holder[start] < 0)
            {
                start++;
                continue;
            }

            var end = start;
            while (end + 1 < n && holder[end + 1] >= 0)
            {
                end++;
            }

            if (end - start + 1 >= minRangeLength)
            {
                blocks.AddRange(RangesIn(holder, start, end, minRangeLength, widen));
            }

            start = end + 1;
        }

        return blocks;
    }

    // Within one interval of registered names [start, end]: each party's clusters, kept when long and dense,
    // then widened left and right over names not in another kept cluster.
    private static List<RangeBlock> RangesIn(ReadOnlySpan<int> holder, int start, int end, int minRangeLength, bool widen)
    {
        var last = new Dictionary<int, (int First, int Last, int Count)>();
        var clusters = new List<(int Party, int First, int Last, int Count)>();
        for (var i = start; i <= end; i++)
        {
            var p = holder[i];
            if (last.TryGetValue(p, out var c) && i - c.Last <= MaxGap)
            {
                last[p] = (c.First, i, c.Count + 1);
            }
            else
            {
                if (last.TryGetValue(p, out c))
                {
                    clusters.Add((p, c.First, c.Last, c.Count));
                }

                last[p] = (i, i, 1);
            }
        }

        foreach (var (p, c) in last)
        {
            clusters.Add((p, c.First, c.Last, c.Count));
        }

        var kept = clusters
            .Where(c => c.Count >= minRangeLength && c.Count >= MinDensity * (c.Last - c.First + 1))
            .OrderBy(c => c.First).ToList();
        var result = new List<RangeBlock>();
        for (var k = 0; k < kept.Count; k++)
        {
            // Clusters of different parties can interleave only at their edges; widening stops at the neighbours.
            var left = !widen ? kept[k].First : k == 0 ? start : Math.Max(kept[k - 1].Last + 1, start);
            var right = !widen ? kept[k].Last : k == kept.Count - 1 ? end : Math.Min(kept[k + 1].First - 1, end);
            left = Math.Min(left, kept[k].First);
            right = Math.Max(right, kept[k].Last);
            var held = 0;
            for (var i = left; i <= right; i++)
            {
                held += holder[i] == kept[k].Party ? 1 : 0;
            }

            result.Add(new RangeBlock(kept[k].Party, left, right, held));
        }

        return result;
    }

    // How far the calibrated level may be off for `positions` names of one length: the names of that length
    // outside every block, in index order, cut into windows of that many names; σ² is the variance of
    // ln(held / expected) over the windows beyond its Poisson part (at least MinLevelSigma²). Fewer than three
    // windows: the outside cannot calibrate this length, and its level is free (σ = ∞).
    private static double LevelSigma(int[] nameLength, int length, int positions, bool[] exclude, bool[] heldBySmall, double[] wantRate)
    {
        var windows = new List<(double Held, double Expected)>();
        double held = 0, expected = 0;
        var inWindow = 0;
        for (var name = 0; name < exclude.Length; name++)
        {
            if (exclude[name] || nameLength[name] != length)
            {
                continue;
            }

            held += heldBySmall[name] ? 1 : 0;
            expected += -double.ExpM1(-wantRate[name]);
            if (++inWindow == positions)
            {
                windows.Add((held, expected));
                held = expected = 0;
                inWindow = 0;
            }
        }

        if (windows.Count < 3)
        {
            return double.PositiveInfinity;
        }

        var z = windows.Select(w => Math.Log((w.Held + 0.5) / (w.Expected + 0.5))).ToArray();
        var mean = z.Average();
        var variance = z.Sum(x => (x - mean) * (x - mean)) / (z.Length - 1);
        var poisson = windows.Average(w => 1 / (w.Expected + 0.5));
        return Math.Sqrt(Math.Max(MinLevelSigma * MinLevelSigma, variance - poisson + (mean * mean)));
    }

    // Positions J at which other participants' requests for the race's names stood in their lists: a request
    // for a name comes from list q with probability ∝ its length (a weighted draw of L names includes a given
    // one about L times as often as a draw of one), for a name of rate w in proportion to w. In weighted random
    // (Efraimidis–Spirakis) order a name of weight w has E[J] = Σᵢ wᵢ/(wᵢ + w) names of the list before it; in
    // uniformly random order J is uniform over the list. Returned as 256 equal-mass quantiles.
    private static double[] CompetitorPositions(double[] rates, IEnumerable<int[]> otherLists, double[] wantRate, bool randomOrder)
    {
        var classes = rates.Where(r => r > 0).GroupBy(r => r).Select(g => (Rate: g.Key, Mass: g.Sum())).ToArray();
        var sample = new List<(double J, double Weight)>();
        foreach (var list in otherLists.Where(l => l.Length > 0))
        {
            if (randomOrder)
            {
                for (var j = 0; j < list.Length; j++)
                {
                    sample.Add((j, 1));
                }

                continue;
            }

            foreach (var (rate, mass) in classes)
            {
                double before = 0;
                foreach (var name in list)
                {
                    before += wantRate[name] / (wantRate[name] + rate);
                }

                sample.Add((Math.Max(0, before - 0.5), list.Length * mass));
            }
        }

        if (sample.Count == 0)
        {
            return [0];
        }

        sample.Sort(static (a, b) => a.J.CompareTo(b.J));
        var total = sample.Sum(s => s.Weight);
        const int quantiles = 256;
        var result = new double[quantiles];
        var i = 0;
        var cumulative = sample[0].Weight;
        for (var q = 0; q < quantiles; q++)
        {
            var target = (q + 0.5) / quantiles * total;
            while (cumulative < target && i < sample.Count - 1)
            {
                cumulative += sample[++i].Weight;
            }

            result[q] = sample[i].J;
        }

        return result;
    }

    private static int[] OrdinaryList(List<int> held, int extra, int party, int[] registered, int[] holder, double[] weights, SeededRandom rng)
    {
        // Efraimidis–Spirakis keys ln(U)/w: the k largest among the others' names are a weighted draw without
        // replacement, and sorting the whole list by key gives a weighted random send order.
        var keyed = new List<(double Key, int Name)>(held.Count + extra);
        foreach (var name in held)
        {
            keyed.Add((Math.Log(rng.NextDoubleNonZero()) / Math.Max(weights[name], 1e-300), name));
        }

        if (extra > 0)
        {
            // The `extra` largest keys among the others' names, kept in a min-heap on the key.
            var best = new PriorityQueue<int, double>(extra + 1);
            foreach (var name in registered)
            {
                if (holder[name] == party)
                {
                    continue;
                }

                var key = Math.Log(rng.NextDoubleNonZero()) / Math.Max(weights[name], 1e-300);
                if (best.Count < extra)
                {
                    best.Enqueue(name, key);
                }
                else if (best.TryPeek(out _, out var smallest) && key > smallest)
                {
                    best.DequeueEnqueue(name, key);
                }
            }

            while (best.TryDequeue(out var name, out var key))
            {
                keyed.Add((key, name));
            }
        }

        keyed.Sort(static (a, b) => b.Key.CompareTo(a.Key));
        return [.. keyed.Select(k => k.Name)];
    }
}
