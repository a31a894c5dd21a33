namespace Landrush.Core.Model.Demand;

/// <summary>
/// Heavy-tailed wish-list sizes: a discrete Pareto, ⌊m·U^(−1/α)⌋ with U uniform on (0, 1], capped. With
/// the defaults (m = 2, α = 1.2, cap 200) the median is 3, about one list in 16 exceeds 20 names and one in
/// 60 exceeds 60: most participants want a handful, a few want tens or hundreds.
/// </summary>
public sealed record WishListSizes(double Minimum = 2, double Alpha = 1.2, int Cap = 200)
{
    /// <summary>One size, drawn from <paramref name="rng"/> (exactly one uniform).</summary>
    public int Draw(SeededRandom rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var x = Minimum * Math.Pow(rng.NextDoubleNonZero(), -1 / Alpha);
        return (int)Math.Min(Cap, Math.Floor(x));
    }
}
