namespace TwoFleets;

/// <summary>xoshiro256** seeded through SplitMix64: the only source of randomness (never System.Random).</summary>
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

    /// <summary>A seed for one landrush: the suite seed mixed with the landrush id.</summary>
    public static ulong Derive(ulong seed, string tag)
    {
        ulong x = seed;
        ulong h = SplitMix(ref x);
        foreach (char ch in tag)
        {
            x ^= h + ch;
            h = SplitMix(ref x);
        }
        return h;
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

    /// <summary>Uniform in (0, 1): never 0, so its logarithm is finite.</summary>
    public double Open() => ((NextULong() >> 11) + 0.5) * (1.0 / 9007199254740992.0);

    public double Uniform(double lo, double hi) => lo + ((hi - lo) * Open());

    public bool Chance(double p) => Open() < p;

    /// <summary>Uniform integer in [0, n).</summary>
    public int Below(int n) => (int)(((NextULong() >> 32) * (ulong)n) >> 32);

    /// <summary>Uniform integer in [lo, hi].</summary>
    public int Between(int lo, int hi) => lo + Below(hi - lo + 1);

    public double Exponential() => -Math.Log(Open());

    public double Gumbel() => -Math.Log(Exponential());

    public double Normal() => Math.Sqrt(-2.0 * Math.Log(Open())) * Math.Cos(2.0 * Math.PI * Open());

    public int Pick(params ReadOnlySpan<int> choices) => choices[Below(choices.Length)];

    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Below(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    public string Letters(int count)
    {
        Span<char> chars = stackalloc char[count];
        for (int i = 0; i < count; i++)
        {
            chars[i] = (char)('a' + Below(26));
        }
        return new string(chars);
    }
}
