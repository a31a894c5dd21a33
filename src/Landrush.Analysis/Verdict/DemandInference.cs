using Landrush.Core.Model;

namespace Landrush.Analysis.Verdict;

/// <summary>
/// Reads demand from an observed allocation, never from a generator: (1) range parties — a party whose
/// holdings form a dense block of consecutive names (at least <see cref="VerdictOptions.MinRangeLength"/>,
/// gaps under <see cref="MaxGap"/>, density ≥ ½) is taken to have asked for the whole block, widened over
/// the registered names around it up to the first free name (under blind first-come-first-served every
/// wanted name is registered, so a free name ends any demand); (2) an attractiveness model fitted to what
/// the other, small, parties hold (<see cref="AttractivenessFit"/>); (3) each small party's list is what it
/// holds plus names it lost, drawn by attractiveness among the registered names others hold, sent in a
/// weighted random order (most attractive first, by Efraimidis–Spirakis keys); range parties send their
/// lists in index order. Participants known to have won nothing get lists of the small parties' median size.
/// </summary>
public static class DemandInference
{
    /// <summary>Largest run of others' names inside one party's block (names).</summary>
    public const int MaxGap = 10;

    private const double MinDensity = 0.5;

    public static InferredDemand Infer(ObservedAllocation observed, DemandVariant variant, int minRangeLength, long seed)
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

        var weights = AttractivenessFit.Fit(observed.Space, heldBySmall, variant.PatternFeatures);
        // The want rate behind the range races is fitted outside all blocks: there no range party competes, so
        // every name a small party wanted is registered by one, and its hold rate is its want rate.
        var inBlock = new bool[n];
        foreach (var r in ranges)
        {
            inBlock.AsSpan(r.First, r.Length).Fill(true);
        }

        var wantRate = AttractivenessFit.Fit(observed.Space, heldBySmall, variant.PatternFeatures, inBlock);
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

            var extra = (int)Math.Round(held[p].Count * (variant.ListFactor - 1));
            lists[p] = OrdinaryList(held[p], extra, p, registered, holder, weights, rng);
            ordinarySizes.Add(lists[p].Length);
        }

        var competitorSizes = held.Where((h, p) => !isRange[p] && h.Count > 0)
            .Select(h => Math.Max(1, (int)Math.Round(h.Count * variant.ListFactor))).ToArray();
        var races = new RangeRace?[participants];
        for (var p = 0; p < observed.PartyCount; p++)
        {
            if (isRange[p])
            {
                races[p] = new RangeRace([.. lists[p].Select(name => 1 - Math.Exp(-wantRate[name]))],
                    [.. lists[p].Select(name => holder[name] != p)], competitorSizes);
            }
        }

        ordinarySizes.Sort();
        var emptySize = ordinarySizes.Count == 0 ? 1 : Math.Max(1, ordinarySizes[ordinarySizes.Count / 2]);
        var emptyHanded = 0;
        for (var p = 0; p < participants; p++)
        {
            if (lists[p] is null)
            {
                emptyHanded++;
                lists[p] = OrdinaryList([], emptySize, p, registered, holder, weights, rng);
            }
        }

        var observedHoldings = new int[participants];
        holdings.CopyTo(observedHoldings, 0);
        List<string> assumptions = new()
        {
            "Blind first-come-first-served: each participant sends its list in order as a Poisson stream; the first request for a free name wins; no latency differences.",
            $"Demand variant '{variant.Name}': {variant.Describe()}.",
            $"Range parties: {isRange.Count(x => x)} (blocks of ≥ {minRangeLength} consecutive names with gaps under {MaxGap} and density ≥ {MinDensity}, widened to the first free name); they send their lists in index order.",
            $"Attractiveness fitted to the holdings of the {holders - isRange.Count(x => x)} small parties (Poisson regression on {(variant.PatternFeatures ? "length and digit patterns" : "length")}); names held by range parties count as not held by a small party.",
            $"Small parties' lost names are drawn by attractiveness among registered names held by others; lists sent most attractive first (weighted random order, seed {seed}).",
            emptyHanded > 0
                ? $"{emptyHanded} participants won nothing: each given a list of {emptySize} names (the small parties' median list) that it lost."
                : "Participants who won nothing are not known (none modelled).",
        };
        assumptions.Add($"Range races: another participant wanted a block name with probability 1 − e^(−rate), the rate fitted outside all blocks; its request came at a typical participant's pace (capacity 1) from a position drawn among all small parties' requests (lists of holdings × {variant.ListFactor:0.#}).");
        return new InferredDemand(variant, lists, isRange, ranges, observedHoldings, holder, assumptions, races);
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
