namespace SpanRace;

/// <summary>
/// Our own seeded generator (xoshiro256**, seeded through SplitMix64), so the stream depends on nothing but the
/// seed: not on System.Random's implementation, not on the runtime version. Every draw of a suite comes from here.
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

    /// <summary>An independent stream named by a key ("fair-007", "P012/gaps"): a file's draws do not depend on
    /// how many draws the files before it made, so adding a landrush never changes the others.</summary>
    public static Rng For(ulong seed, string key)
    {
        ulong h = 14695981039346656037UL; // FNV-1a over the key's characters, then mixed with the seed
        foreach (char ch in key)
        {
            h = (h ^ ch) * 1099511628211UL;
        }
        ulong x = seed ^ h;
        return new Rng(SplitMix(ref x));
    }

    public Rng Fork(string key) => For(NextULong(), key);

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

    /// <summary>Uniform in [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n), without modulo bias (rejection).</summary>
    public int Below(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ulong limit = ulong.MaxValue - (ulong.MaxValue % (ulong)n);
        ulong v;
        do
        {
            v = NextULong();
        }
        while (v >= limit);
        return (int)(v % (ulong)n);
    }

    /// <summary>Uniform integer in [lo, hi], both included.</summary>
    public int Between(int lo, int hi) => lo + Below(hi - lo + 1);

    public double Uniform(double lo, double hi) => lo + ((hi - lo) * NextDouble());

    /// <summary>Log-uniform in [lo, hi]: sizes spread evenly over orders of magnitude.</summary>
    public double LogUniform(double lo, double hi) => Math.Exp(Uniform(Math.Log(lo), Math.Log(hi)));

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal by Marsaglia's polar method (needs only Log and Sqrt).</summary>
    public double Normal()
    {
        double u, v, s;
        do
        {
            u = (2 * NextDouble()) - 1;
            v = (2 * NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);
        return u * Math.Sqrt(-2 * Math.Log(s) / s);
    }

    /// <summary>Exponential with the given mean (gaps of a Poisson stream).</summary>
    public double Exponential(double mean) => -mean * Math.Log(1 - NextDouble());

    /// <summary>Discrete Pareto: floor(min · U^(-1/alpha)), capped; a heavy tail of list sizes.</summary>
    public int Pareto(int min, double alpha, int cap)
    {
        double x = min * Math.Pow(1 - NextDouble(), -1 / alpha);
        return x >= cap ? cap : (int)x;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>An index drawn with probability proportional to its weight.</summary>
    public int Weighted(IReadOnlyList<double> weights)
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
            int j = Below(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
