namespace Crowds;

/// <summary>
/// The generator's own seeded PRNG: xoshiro256** seeded through SplitMix64. Owning the integer generator (rather
/// than System.Random, whose algorithm may change between runtimes) keeps a seed's output the same across .NET
/// versions; the continuous draws still go through Math.Log/Exp/Pow/Sqrt.
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

    /// <summary>A child stream for a named purpose, so that adding draws in one part does not shift another.</summary>
    public static Rng Derive(ulong seed, params ulong[] path)
    {
        ulong h = seed;
        foreach (ulong p in path)
        {
            ulong x = h ^ (p * 0x9E3779B97F4A7C15UL);
            h = SplitMix(ref x);
        }

        return new Rng(h);
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
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double Uniform() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in (0, 1]: safe under a logarithm.</summary>
    public double UniformPositive() => 1.0 - Uniform();

    public double Uniform(double lo, double hi) => lo + ((hi - lo) * Uniform());

    /// <summary>Uniform integer in [lo, hi] (both included).</summary>
    public int Int(int lo, int hi) => lo + (int)((NextULong() >> 1) % (ulong)(hi - lo + 1));

    public bool Chance(double p) => Uniform() < p;

    public double Exponential(double mean) => -mean * Math.Log(UniformPositive());

    /// <summary>Standard normal by the polar method (only Log and Sqrt).</summary>
    public double Normal()
    {
        while (true)
        {
            double u = Uniform(-1, 1), v = Uniform(-1, 1), s = (u * u) + (v * v);
            if (s > 0 && s < 1)
            {
                return u * Math.Sqrt(-2 * Math.Log(s) / s);
            }
        }
    }

    /// <summary>Discrete Pareto: floor(min · U^(-1/alpha)), capped; heavy-tailed list sizes.</summary>
    public int Pareto(int min, double alpha, int cap) =>
        (int)Math.Min(cap, Math.Floor(min * Math.Pow(UniformPositive(), -1.0 / alpha)));

    /// <summary>Index drawn with probability proportional to its weight.</summary>
    public int Pick(IReadOnlyList<double> weights)
    {
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        double r = Uniform() * total;
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

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(0, items.Count - 1)];

    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Int(0, i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
