namespace Landrush.Analysis.Concentration;

/// <summary>Gini coefficient (mean-difference form).</summary>
public static class GiniCoefficient
{
    /// <summary>
    /// G = Σᵢ Σⱼ |hᵢ − hⱼ| / (2 n² μ), computed as Σᵢ (2i − n − 1) h₍ᵢ₎ / (n Σh) over holdings sorted
    /// ascending (i = 1…n). Precondition: sorted ascending, entries ≥ 0. Zeros count as holders (pass
    /// them to get the Gini over all participants). Empty or all zero: NaN.
    /// </summary>
    public static double OfSortedAscending(ReadOnlySpan<int> sortedAscending)
    {
        var n = sortedAscending.Length;
        long total = 0;
        double weighted = 0;
        for (var i = 0; i < n; i++)
        {
            total += sortedAscending[i];
            weighted += (2.0 * (i + 1) - n - 1) * sortedAscending[i];
        }

        return total == 0 ? double.NaN : weighted / ((double)n * total);
    }

    /// <summary>Gini of holdings in any order (copies and sorts). Empty or all zero: NaN.</summary>
    public static double Of(ReadOnlySpan<int> holdings)
    {
        var copy = holdings.ToArray();
        Array.Sort(copy);
        return OfSortedAscending(copy);
    }

    /// <summary>
    /// Gini over all <paramref name="participants"/>, those who hold nothing included: the holdings padded with
    /// zeros. Precondition: <paramref name="participants"/> ≥ the number of entries. Empty or all zero: NaN.
    /// </summary>
    public static double OfParticipants(ReadOnlySpan<int> holdings, int participants)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(participants, holdings.Length);
        var padded = new int[participants];
        holdings.CopyTo(padded.AsSpan(participants - holdings.Length));
        Array.Sort(padded);
        return OfSortedAscending(padded);
    }
}
