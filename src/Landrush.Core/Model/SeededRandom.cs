namespace Landrush.Core.Model;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64. Written out here rather than using
/// <see cref="System.Random"/> so that a seed gives the same integer stream on every runtime version: the
/// committed reconstruction must regenerate byte for byte. The doubles drawn from it go through the
/// platform's Math.Log, Exp, Cos and Pow (arrival times, wish-list draws, capacities), which .NET does not
/// promise to be bit-identical across platforms, so byte-identical regeneration is proven on Linux x64 only.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SeededRandom(long seed, ulong stream = 0)
    {
        // Distinct streams of one seed (one per sub-process, so one part's draws never shift another's)
        // are independent for practical purposes: the seed material differs before SplitMix64 scrambles it.
        var x = unchecked((ulong)seed ^ (stream * 0xD1B54A32D192ED03UL));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1), 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on (0, 1], so that its logarithm is finite.</summary>
    public double NextDoubleNonZero() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="n"/>), unbiased (Lemire's multiply-and-reject).</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var bound = (ulong)n;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var product = Math.BigMul(NextUInt64(), bound, out var low);
            if (low >= threshold)
            {
                return (int)product;
            }
        }
    }

    /// <summary>
    /// Exp(<paramref name="rate"/>) by inversion: −ln(U)/rate with U uniform on (0, 1]. Summing k of these
    /// gives the Gamma(k, rate) arrival time of a Poisson stream's k-th event, which is all the model needs.
    /// </summary>
    public double NextExponential(double rate) => -Math.Log(NextDoubleNonZero()) / rate;

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
