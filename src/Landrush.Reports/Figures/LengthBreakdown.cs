using Landrush.Analysis;

namespace Landrush.Reports.Figures;

/// <summary>Holdings by label length for a few groups (the largest parties, then all others).</summary>
/// <param name="Groups">Group labels, e.g. the two largest parties and "other parties".</param>
/// <param name="Rows">One row per length of the space, ascending.</param>
public sealed record LengthBreakdown(IReadOnlyList<string> Groups, IReadOnlyList<LengthRow> Rows)
{
    /// <summary>
    /// The breakdown of an allocation: the <paramref name="top"/> largest parties each a group (ties to the
    /// lower party number), every other party together as "other parties"; <paramref name="holderUnknown"/> (space indices of
    /// registered names whose holder does not show) counted per length apart.
    /// </summary>
    public static LengthBreakdown FromAllocation(ObservedAllocation allocation, int top = 2, IReadOnlyList<int>? holderUnknown = null)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var largest = PartyRanking.Largest(allocation, top);
        var groups = largest.Select(p => $"party {allocation.PartyLabels[p]}").Append("other parties").ToList();
        var groupOf = new Dictionary<int, int>();
        for (var i = 0; i < largest.Count; i++)
        {
            groupOf[largest[i]] = i;
        }

        var counts = new SortedDictionary<int, (long Names, int[] Held)>();
        foreach (var part in allocation.Space.Parts)
        {
            for (var length = part.MinLength; length <= part.MaxLength; length++)
            {
                var names = (long)part.CountOfLength(length);
                counts[length] = counts.TryGetValue(length, out var c) ? (c.Names + names, c.Held) : (names, new int[groups.Count]);
            }
        }

        for (var i = 0; i < allocation.Registered; i++)
        {
            var length = allocation.Space.NameAt(allocation.NameIndex[i]).Length;
            var g = groupOf.TryGetValue(allocation.PartyOf[i], out var k) ? k : groups.Count - 1;
            counts[length].Held[g]++;
        }

        var unknown = (holderUnknown ?? []).GroupBy(i => allocation.Space.NameAt(i).Length).ToDictionary(g => g.Key, g => g.Count());
        return new LengthBreakdown(groups, [.. counts.Select(kv => new LengthRow(kv.Key, kv.Value.Names, kv.Value.Held, unknown.GetValueOrDefault(kv.Key)))]);
    }
}
