using Landrush.Core.Model;

namespace Landrush.Analysis.NullModels;

/// <summary>
/// Binomial(n, p) by inversion started at the mode: P(mode) from a log-factorial table, then the
/// probabilities on alternate sides by the ratio recurrence P(k+1)/P(k) = (n−k)/(k+1)·p/q, subtracting
/// from one uniform until it goes negative. Exact (to rounding) and about √(npq) steps on average, which
/// for the few thousand names per party of a landrush is far cheaper than drawing every name.
/// </summary>
internal sealed class BinomialSampler
{
    private readonly double[] _logFactorial;
    private readonly double[] _reciprocal; // 1/k: the recurrence multiplies instead of dividing

    /// <param name="maxTrials">Largest n that will be asked for.</param>
    public BinomialSampler(int maxTrials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTrials);
        _logFactorial = new double[maxTrials + 1];
        _reciprocal = new double[maxTrials + 2];
        for (var k = 1; k <= maxTrials + 1; k++)
        {
            _reciprocal[k] = 1.0 / k;
            if (k >= 2 && k <= maxTrials)
            {
                _logFactorial[k] = _logFactorial[k - 1] + Math.Log(k);
            }
        }
    }

    public int MaxTrials => _logFactorial.Length - 1;

    /// <summary>One draw; <paramref name="logP"/> and <paramref name="logQ"/> are ln p and ln(1−p), passed so callers can cache them.</summary>
    public int Sample(SeededRandom rng, int n, double p, double logP, double logQ)
    {
        if (n <= 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        var q = 1 - p;
        var mode = Math.Min(n, (int)((n + 1) * p));
        var lf = _logFactorial;
        var pMode = Math.Exp(lf[n] - lf[mode] - lf[n - mode] + (mode * logP) + ((n - mode) * logQ));
        var u = rng.NextDouble() - pMode;
        if (u < 0)
        {
            return mode;
        }

        var ratio = p / q;
        var inverseRatio = q / p;
        var r = _reciprocal;
        int lo = mode, hi = mode;
        double pLo = pMode, pHi = pMode;
        while (hi < n || lo > 0)
        {
            if (hi < n)
            {
                pHi *= (n - hi) * r[hi + 1] * ratio;
                hi++;
                u -= pHi;
                if (u < 0)
                {
                    return hi;
                }
            }

            if (lo > 0)
            {
                pLo *= lo * r[n - lo + 1] * inverseRatio;
                lo--;
                u -= pLo;
                if (u < 0)
                {
                    return lo;
                }
            }
        }

        // Only rounding can leave u ≥ 0 after every probability: the mode is the best answer then.
        return mode;
    }
}
