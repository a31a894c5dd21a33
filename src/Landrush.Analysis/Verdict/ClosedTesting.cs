namespace Landrush.Analysis.Verdict;

/// <summary>
/// Which parties to flag from their one-sided p-values with the familywise error rate at most α under any
/// dependence the tests have: closed testing (a party is flagged when every subset of the tested parties that contains it
/// is rejected), each subset by Simes' test, min over i of m·p₍ᵢ₎/i (valid for independent and for positively dependent
/// tests; the races of different parties read different names, but for a block two range parties both sent: there both
/// read the names a third party won, which makes their tests, if anything, positively dependent): strong both when one
/// party of many is very fast and when several are a little fast.
/// Closed testing with Simes' local tests is Hommel's procedure.
/// </summary>
public static class ClosedTesting
{
    /// <summary>Most parties closed testing enumerates (2^m subsets).</summary>
    public const int MaxParties = 12;

    /// <summary>
    /// Fisher's combination of independent p-values: −2 Σ ln pᵢ is χ² with 2m degrees of freedom when every null
    /// holds; returns its upper tail (1 for none). Races of different parties read different names (but for the third
    /// parties' names in a block two range parties both sent), so their tests are taken as independent.
    /// </summary>
    public static double Fisher(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        if (pValues.Count == 0)
        {
            return 1;
        }

        var statistic = -2 * pValues.Sum(p => Math.Log(Math.Clamp(p, 1e-300, 1)));
        return 1 - MathNet.Numerics.Distributions.ChiSquared.CDF(2 * pValues.Count, statistic);
    }

    /// <summary>Simes' p-value of a subset: min over i of m·p₍ᵢ₎/i (1 for none).</summary>
    public static double Local(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var sorted = pValues.Order().ToArray();
        var best = 1.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            best = Math.Min(best, sorted.Length * sorted[i] / (i + 1));
        }

        return best;
    }

    /// <summary>The flags of closed testing at level <paramref name="alpha"/>, and the local test of all parties (the test of "no party above k×").</summary>
    public static (bool[] Flagged, double Combined) Run(IReadOnlyList<double> pValues, double alpha)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        if (m > MaxParties)
        {
            throw new ArgumentOutOfRangeException(nameof(pValues), m, $"closed testing enumerates subsets: at most {MaxParties} parties");
        }

        var rejected = new bool[1 << m];
        for (var subset = 1; subset < 1 << m; subset++)
        {
            rejected[subset] = Local([.. Enumerable.Range(0, m).Where(i => (subset >> i & 1) == 1).Select(i => pValues[i])]) <= alpha;
        }

        var flagged = new bool[m];
        for (var i = 0; i < m; i++)
        {
            var all = true;
            for (var subset = 1; subset < 1 << m && all; subset++)
            {
                all = (subset >> i & 1) == 0 || rejected[subset];
            }

            flagged[i] = all;
        }

        return (flagged, Local(pValues));
    }
}
