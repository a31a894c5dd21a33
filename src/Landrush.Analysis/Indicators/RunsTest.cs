using MathNet.Numerics.Distributions;

namespace Landrush.Analysis.Indicators;

/// <summary>Runs of a two-valued sequence and the Wald–Wolfowitz test against random interleaving.</summary>
public static class RunsTest
{
    /// <summary>Number of runs (maximal blocks of equal values). Empty: 0.</summary>
    public static int Runs(ReadOnlySpan<bool> sequence)
    {
        var runs = 0;
        for (var i = 0; i < sequence.Length; i++)
        {
            if (i == 0 || sequence[i] != sequence[i - 1])
            {
                runs++;
            }
        }

        return runs;
    }

    /// <summary>The longest block of consecutive true values. Empty or no true value: 0.</summary>
    public static int LongestRun(ReadOnlySpan<bool> sequence)
    {
        int best = 0, current = 0;
        foreach (var b in sequence)
        {
            current = b ? current + 1 : 0;
            best = Math.Max(best, current);
        }

        return best;
    }

    /// <summary>E[R] = 1 + 2n₁n₂/n with n = n₁ + n₂, for a random arrangement of n₁ ones and n₂ zeros. n = 0: NaN.</summary>
    public static double Mean(int ones, int zeros)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ones);
        ArgumentOutOfRangeException.ThrowIfNegative(zeros);
        double n = (double)ones + zeros;
        return n == 0 ? double.NaN : 1 + (2.0 * ones * zeros / n);
    }

    /// <summary>Var[R] = 2n₁n₂(2n₁n₂ − n) / (n²(n − 1)) for a random arrangement. n &lt; 2: NaN.</summary>
    public static double Variance(int ones, int zeros)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ones);
        ArgumentOutOfRangeException.ThrowIfNegative(zeros);
        double n = (double)ones + zeros;
        if (n < 2)
        {
            return double.NaN;
        }

        var p = 2.0 * ones * zeros;
        return p * (p - n) / (n * n * (n - 1));
    }

    /// <summary>
    /// The Wald–Wolfowitz test of <paramref name="sequence"/>. Undefined (null) when it holds only one value
    /// (no interleaving to test) or is empty. The p-value uses the normal approximation, good when n₁ and n₂
    /// both exceed about 10.
    /// </summary>
    public static RunsTestResult? Test(ReadOnlySpan<bool> sequence)
    {
        var ones = 0;
        foreach (var b in sequence)
        {
            ones += b ? 1 : 0;
        }

        var zeros = sequence.Length - ones;
        if (ones == 0 || zeros == 0)
        {
            return null;
        }

        var runs = Runs(sequence);
        var mean = Mean(ones, zeros);
        var variance = Variance(ones, zeros);
        var z = variance > 0 ? (runs - mean) / Math.Sqrt(variance) : 0;
        return new RunsTestResult(runs, ones, zeros, mean, variance, z, Normal.CDF(0, 1, z));
    }

    /// <summary>
    /// Approximate expected longest run of true in n independent trials with P(true) = p (Schilling 1990):
    /// log_{1/p}(n(1 − p)) + γ/ln(1/p) − 1/2. A reference, not an exact law: random interleaving of fixed counts
    /// is close to it when n is large. p ≤ 0, p ≥ 1 or n(1 − p) ≤ 1: NaN.
    /// </summary>
    public static double ExpectedLongestRunApprox(int n, double p)
    {
        if (p is <= 0 or >= 1 || n * (1 - p) <= 1)
        {
            return double.NaN;
        }

        const double eulerGamma = 0.5772156649015329;
        var l = Math.Log(1 / p);
        return (Math.Log(n * (1 - p)) / l) + (eulerGamma / l) - 0.5;
    }
}
