namespace Landrush.Analysis.Concentration;

/// <summary>CR-k: the share of all holdings held by the k largest holders.</summary>
public static class ConcentrationRatio
{
    /// <summary>
    /// CR-k = (h₍₁₎ + … + h₍ₖ₎) / Σh over holdings sorted descending. Precondition: <paramref name="sortedDescending"/>
    /// is sorted descending, entries ≥ 0. Fewer than k holders: the share of all of them (1). Empty or all zero: NaN.
    /// </summary>
    public static double OfSortedDescending(ReadOnlySpan<int> sortedDescending, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        long total = 0, top = 0;
        for (var i = 0; i < sortedDescending.Length; i++)
        {
            total += sortedDescending[i];
            if (i < k)
            {
                top += sortedDescending[i];
            }
        }

        return total == 0 ? double.NaN : (double)top / total;
    }

    /// <summary>CR-k of holdings in any order (copies and sorts). Empty or all zero: NaN.</summary>
    public static double Of(ReadOnlySpan<int> holdings, int k)
    {
        var copy = holdings.ToArray();
        Array.Sort(copy, static (a, b) => b.CompareTo(a));
        return OfSortedDescending(copy, k);
    }
}
