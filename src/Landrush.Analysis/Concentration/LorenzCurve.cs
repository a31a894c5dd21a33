namespace Landrush.Analysis.Concentration;

/// <summary>The Lorenz curve of holdings.</summary>
public static class LorenzCurve
{
    /// <summary>
    /// Points (i/n, (h₍₁₎ + … + h₍ᵢ₎)/Σh) for i = 0…n over holdings sorted ascending, starting at (0, 0) and
    /// ending at (1, 1); zeros count as holders. Any order (copies and sorts). Empty or all zero: no points.
    /// </summary>
    public static IReadOnlyList<LorenzPoint> Points(ReadOnlySpan<int> holdings)
    {
        var sorted = holdings.ToArray();
        Array.Sort(sorted);
        long total = 0;
        foreach (var h in sorted)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(h, nameof(holdings));
            total += h;
        }

        if (total == 0)
        {
            return [];
        }

        var n = sorted.Length;
        var points = new LorenzPoint[n + 1];
        points[0] = new LorenzPoint(0, 0);
        long cumulative = 0;
        for (var i = 0; i < n; i++)
        {
            cumulative += sorted[i];
            points[i + 1] = new LorenzPoint((double)(i + 1) / n, (double)cumulative / total);
        }

        return points;
    }
}
