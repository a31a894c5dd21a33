using System.Numerics;

namespace Collectors;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Our own generator rather than System.Random because the algorithm
/// behind a seeded System.Random is an implementation detail of the runtime; this one is fixed here, so the
/// same seed gives the same integer stream everywhere. (Draws that go through Math.Log/Exp/Cos/Pow are
/// byte-identical on one platform; the README says so.)
/// </summary>
internal sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>An independent stream for a sub-task (one landrush, one participant), so adding a draw in one
    /// place does not shift every stream after it.</summary>
    public static ulong Derive(ulong seed, ulong a, ulong b)
    {
        ulong x = seed ^ (a * 0xD1B54A32D192ED03UL) ^ (b * 0x8CB92BA72F3D8DD7UL);
        _ = SplitMix(ref x);
        return SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        ulong z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n), n below 2^31 (multiply-shift, bias below 2^-31).</summary>
    public int Next(int n) => (int)(((NextULong() >> 33) * (ulong)n) >> 31);

    public int Between(int lo, int hiInclusive) => lo + Next(hiInclusive - lo + 1);

    public double Uniform(double a, double b) => a + ((b - a) * NextDouble());

    public double LogUniform(double a, double b) => a * Math.Exp(Math.Log(b / a) * NextDouble());

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Exponential with mean 1 (gaps of a Poisson stream).</summary>
    public double Exponential() => -Math.Log(1.0 - NextDouble());

    /// <summary>Standard normal by Box–Muller (one of the pair is used; simplicity over speed).</summary>
    public double Normal()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Discrete Pareto: floor(xmin · U^(−1/α)), capped. Most draws are near xmin, a few are huge.</summary>
    public int ParetoInt(int xmin, double alpha, int cap)
    {
        double x = xmin * Math.Pow(1.0 - NextDouble(), -1.0 / alpha);
        return x >= cap ? cap : (int)x;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public int PickWeighted(IReadOnlyList<double> weights)
    {
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        double r = NextDouble() * total;
        for (int i = 0; i < weights.Count; i++)
        {
            r -= weights[i];
            if (r < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
