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
}
