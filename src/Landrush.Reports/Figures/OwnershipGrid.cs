using System.Globalization;
using Landrush.Analysis;

namespace Landrush.Reports.Figures;

/// <summary>
/// Who holds each four-digit name 0000–9999: cell <c>r·100 + c</c> is the name whose first two digits are
/// r and last two c. Range capture (a party taking whole blocks) shows as solid rows.
/// </summary>
/// <param name="Cells">10,000 cells: −1 free (or unknown), <see cref="HolderUnknown"/> registered with a holder that does not
/// show, otherwise the index of the group holding it.</param>
/// <param name="Groups">Group labels: the largest parties, then "other parties" last.</param>
public sealed record OwnershipGrid(IReadOnlyList<int> Cells, IReadOnlyList<string> Groups)
{
    public const int Side = 100;

    /// <summary>The cell of a registered name whose holder does not show.</summary>
    public const int HolderUnknown = -2;

    /// <summary>
    /// The grid of an allocation whose space holds the four-digit names, or null when it does not (then
    /// no map can be drawn). The <paramref name="top"/> largest parties get a group each, the others share one;
    /// <paramref name="holderUnknown"/> (space indices of registered names whose holder does not show) are their own cells.
    /// </summary>
    public static OwnershipGrid? FromAllocation(ObservedAllocation allocation, int top = 6, IReadOnlyList<int>? holderUnknown = null)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var largest = PartyRanking.Largest(allocation, top);
        var groups = largest.Select(p => $"party {allocation.PartyLabels[p]}").Append("other parties").ToList();
        var groupOf = new Dictionary<int, int>();
        for (var i = 0; i < largest.Count; i++)
        {
            groupOf[largest[i]] = i;
        }

        var unknown = new HashSet<long>((holderUnknown ?? []).Select(i => (long)i));
        var cells = new int[Side * Side];
        for (var n = 0; n < cells.Length; n++)
        {
            var index = allocation.Space.IndexOf(n.ToString("D4", CultureInfo.InvariantCulture));
            if (index < 0)
            {
                return null;
            }

            var at = index > int.MaxValue ? -1 : allocation.NameIndex is int[] array
                ? Array.BinarySearch(array, (int)index)
                : BinarySearch(allocation.NameIndex, (int)index);
            cells[n] = at < 0 ? (unknown.Contains(index) ? HolderUnknown : -1)
                : groupOf.TryGetValue(allocation.PartyOf[at], out var g) ? g : groups.Count - 1;
        }

        return new OwnershipGrid(cells, groups);
    }

    private static int BinarySearch(IReadOnlyList<int> sorted, int value)
    {
        int lo = 0, hi = sorted.Count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (sorted[mid] == value)
            {
                return mid;
            }

            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }
}
