using Landrush.Core.Model;

namespace Landrush.Analysis.Verdict.Demand;

/// <summary>
/// Every participant's wish list as the fair-allocation models (lottery, equal capacity) need it, from the demand the
/// verdict learned: a range party wants its spans (upwards) and the names it holds elsewhere; any other party wants
/// what it holds and the names it lost, <see cref="OthersDemand.ListFactor"/> times its holdings in all, the lost ones
/// drawn by λ among the registered names others hold and the whole list sent in a weighted random order (most wanted
/// first, by Efraimidis–Spirakis keys); a participant known to have won nothing gets a list of the median size.
/// </summary>
internal static class NullModelLists
{
    public static int[][] Build(int[] holder, int participants, IReadOnlyDictionary<int, int[]> spanNames, OthersDemand demand, long seed)
    {
        var rng = new SeededRandom(seed, 0x5_0000_0000UL);
        var held = new List<int>[participants];
        for (var p = 0; p < participants; p++)
        {
            held[p] = [];
        }

        var registered = new List<int>();
        for (var name = 0; name < holder.Length; name++)
        {
            if (holder[name] >= 0)
            {
                held[holder[name]].Add(name);
                registered.Add(name);
            }
        }

        var lists = new int[participants][];
        var sizes = new List<int>();
        for (var p = 0; p < participants; p++)
        {
            if (spanNames.TryGetValue(p, out var span))
            {
                var inSpan = new HashSet<int>(span);
                lists[p] = [.. span, .. held[p].Where(n => !inSpan.Contains(n))];
            }
            else if (held[p].Count > 0)
            {
                var extra = (int)Math.Round(held[p].Count * (demand.ListFactor - 1));
                lists[p] = OrdinaryList(held[p], extra, p, registered, holder, demand.WantRate, rng);
                sizes.Add(lists[p].Length);
            }
        }

        sizes.Sort();
        var emptySize = sizes.Count == 0 ? 1 : Math.Max(1, sizes[sizes.Count / 2]);
        for (var p = 0; p < participants; p++)
        {
            lists[p] ??= OrdinaryList([], emptySize, p, registered, holder, demand.WantRate, rng);
        }

        return lists;
    }

    private static int[] OrdinaryList(List<int> held, int extra, int party, List<int> registered, int[] holder, IReadOnlyList<double> weights, SeededRandom rng)
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
