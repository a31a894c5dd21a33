namespace Landrush.Analysis.Concentration;

/// <summary>Herfindahl–Hirschman index.</summary>
public static class HerfindahlIndex
{
    /// <summary>
    /// HHI = Σ (100·sᵢ)² with sᵢ = hᵢ/Σh, on the 0–10,000 scale of the 2023 US merger guidelines.
    /// Any order; entries ≥ 0. Empty or all zero: NaN.
    /// </summary>
    public static double Of(ReadOnlySpan<int> holdings)
    {
        long total = 0;
        double squares = 0;
        foreach (var h in holdings)
        {
            total += h;
            squares += (double)h * h;
        }

        return total == 0 ? double.NaN : 10_000.0 * squares / ((double)total * total);
    }

    /// <summary>
    /// Normalised HHI = (H − 1/n)/(1 − 1/n) with H = Σsᵢ² on the 0–1 scale and n = the number of entries (zeros
    /// count as participants): 0 for equal shares, 1 for one holder of all. One entry, empty or all zero: NaN.
    /// </summary>
    public static double Normalized(ReadOnlySpan<int> holdings)
    {
        var n = holdings.Length;
        if (n < 2)
        {
            return double.NaN;
        }

        var h = Of(holdings) / 10_000.0;
        return (h - (1.0 / n)) / (1.0 - (1.0 / n));
    }

    /// <summary>
    /// The numbers-equivalent 1/Σsᵢ² (= 10,000/HHI): how many equal holders would give the same HHI. Empty or
    /// all zero: NaN.
    /// </summary>
    public static double NumbersEquivalent(ReadOnlySpan<int> holdings) => 10_000.0 / Of(holdings);

    /// <summary>The 2023 US merger-guideline band of an HHI on the 0–10,000 scale. Precondition: not NaN.</summary>
    public static HhiBand Band(double hhi)
    {
        if (double.IsNaN(hhi))
        {
            throw new ArgumentOutOfRangeException(nameof(hhi), "HHI is undefined (no holdings)");
        }

        return hhi > 1_800 ? HhiBand.HighlyConcentrated : hhi > 1_000 ? HhiBand.ModeratelyConcentrated : HhiBand.Unconcentrated;
    }
}
