using System.Numerics;

namespace Landrush.Analysis.Tests.Concentration;

/// <summary>The indices straight from their textbook definitions in exact rational arithmetic: a second, independent implementation.</summary>
internal static class ExactIndices
{
    public static Fraction CrK(int[] holdings, int k)
    {
        var sorted = holdings.OrderDescending().ToArray();
        return new Fraction(sorted.Take(k).Sum(x => (long)x), sorted.Sum(x => (long)x));
    }

    /// <summary>Σ (100 hᵢ/H)².</summary>
    public static Fraction Hhi(int[] holdings)
    {
        long total = holdings.Sum(x => (long)x);
        var sum = Fraction.Zero;
        foreach (var h in holdings)
        {
            var s = new Fraction(100L * h, total);
            sum += s * s;
        }

        return sum;
    }

    /// <summary>(Σs² − 1/n)/(1 − 1/n).</summary>
    public static Fraction NormalizedHhi(int[] holdings)
    {
        var n = holdings.Length;
        var h = Hhi(holdings) / 10_000;
        var inverse = new Fraction(1, n);
        return (h - inverse) / (1 - inverse);
    }

    /// <summary>The mean-difference definition Σᵢ Σⱼ |hᵢ − hⱼ| / (2 n² μ) = Σᵢ Σⱼ |hᵢ − hⱼ| / (2 n H), by the double sum.</summary>
    public static Fraction Gini(int[] holdings)
    {
        BigInteger sum = 0;
        foreach (var a in holdings)
        {
            foreach (var b in holdings)
            {
                sum += Math.Abs((long)a - b);
            }
        }

        long total = holdings.Sum(x => (long)x);
        return new Fraction(sum, 2 * (BigInteger)holdings.Length * total);
    }
}
