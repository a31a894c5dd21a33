namespace Landrush.Analysis.Concentration;

/// <summary>Theil's entropy index of inequality.</summary>
public static class TheilIndex
{
    /// <summary>
    /// Theil T = (1/n) Σ (hᵢ/μ) ln(hᵢ/μ), with 0·ln 0 = 0, over holdings in any order (entries ≥ 0; zeros
    /// count as participants). 0 for equal holdings, ln n when one of n holds everything. Empty or all zero: NaN.
    /// </summary>
    public static double T(ReadOnlySpan<int> holdings)
    {
        var n = holdings.Length;
        long total = 0;
        foreach (var h in holdings)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(h, nameof(holdings));
            total += h;
        }

        if (total == 0)
        {
            return double.NaN;
        }

        // Σ (h/μ) ln(h/μ) / n = Σ (h/H) ln(n h / H) with H = Σh: no mean is formed, fewer roundings.
        double sum = 0;
        foreach (var h in holdings)
        {
            if (h > 0)
            {
                var share = (double)h / total;
                sum += share * Math.Log(n * share);
            }
        }

        return sum;
    }
}
