namespace Landrush.Analysis.Verdict;

/// <summary>
/// Fits and tests a range party's capacity multiple from its <see cref="RangeRace"/>: the maximum of the
/// likelihood over a grid of multiples (refined by a parabola in log multiple), a 95% interval where twice the
/// log-likelihood drop stays under 3.84 (χ²₁), and a one-sided Monte Carlo test of "capacity = k×" whose statistic
/// is the fitted multiple, calibrated by simulating the whole race at k×.
/// </summary>
public static class CapacityFit
{
    /// <summary>Smallest multiple on the grid.</summary>
    public const double MinMultiple = 0.25;

    /// <summary>Largest multiple on the grid.</summary>
    public const double MaxMultiple = 256;

    private const double ChiSquare95 = 3.841458820694124;

    /// <summary>The grid 2^(g/4) from 0.25 to 256: 41 points, a factor 2^¼ apart.</summary>
    public static IReadOnlyList<double> GridMultiples { get; } = [.. Enumerable.Range(-8, 41).Select(g => Math.Pow(2, g / 4.0))];

    /// <summary>Point estimate and 95% interval from a profile log-likelihood on <see cref="GridMultiples"/>; High null when unbounded.</summary>
    public static (double Multiple, double Low, double? High) Estimate(double[] logLikelihood)
    {
        ArgumentNullException.ThrowIfNull(logLikelihood);
        var best = 0;
        for (var g = 1; g < logLikelihood.Length; g++)
        {
            if (logLikelihood[g] > logLikelihood[best])
            {
                best = g;
            }
        }

        var x = Math.Log(GridMultiples[best]);
        if (best > 0 && best < logLikelihood.Length - 1)
        {
            // Vertex of the parabola through the three points around the maximum (equal steps in log multiple).
            double a = logLikelihood[best - 1], b = logLikelihood[best], c = logLikelihood[best + 1];
            var denominator = a - (2 * b) + c;
            if (denominator < 0)
            {
                x += 0.5 * (a - c) / denominator * (Math.Log(GridMultiples[1]) - Math.Log(GridMultiples[0]));
            }
        }

        var cut = logLikelihood[best] - (ChiSquare95 / 2);
        var low = GridMultiples[0];
        for (var g = best; g > 0; g--)
        {
            if (logLikelihood[g - 1] < cut)
            {
                low = Interpolate(g - 1, g, logLikelihood, cut);
                break;
            }
        }

        double? high = null;
        for (var g = best; g < logLikelihood.Length - 1; g++)
        {
            if (logLikelihood[g + 1] < cut)
            {
                high = Interpolate(g + 1, g, logLikelihood, cut);
                break;
            }
        }

        var multiple = Math.Exp(x);
        return (multiple, Math.Min(low, multiple), high is { } h ? Math.Max(h, multiple) : null);
    }

    /// <summary>
    /// The fit for the observed losses; null when the multiple is not identified: others were not expected to want
    /// any of its names (nothing to race for), or the 95% interval spans the whole grid (e.g. a level-only reading
    /// whose levels the outside of the blocks cannot calibrate), where a point estimate would be an artefact.
    /// </summary>
    public static (double Multiple, double Low, double? High)? Fit(RangeRace race)
    {
        ArgumentNullException.ThrowIfNull(race);
        if (race.ExpectedWanted <= 0)
        {
            return null;
        }

        var fit = Estimate(race.LogLikelihood());
        return fit.Low <= MinMultiple && fit.High is null ? null : fit;
    }

    /// <summary>
    /// One-sided Monte Carlo p-value (r + 1)/(n + 1) of the null "capacity = <paramref name="multiple"/>×": r counts
    /// simulated races at that multiple whose estimate is at least the observed one.
    /// </summary>
    public static double PValue(RangeRace race, double multiple, int sims, long seed, ulong stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(race);
        if (Fit(race) is not { } observed)
        {
            return 1;
        }

        var g = NearestGridIndex(multiple);
        var estimates = race.SimulateEstimates(g, sims, seed, stream, cancellationToken);
        return (estimates.Count(e => e >= observed.Multiple) + 1.0) / (sims + 1.0);
    }

    /// <summary>
    /// Fisher's combination of independent p-values: −2 Σ ln pᵢ is χ² with 2m degrees of freedom when every null
    /// holds; returns its upper tail. 1 for no p-values. The range races of different parties are run on disjoint
    /// blocks, so their tests are treated as independent.
    /// </summary>
    public static double FisherCombined(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        if (pValues.Count == 0)
        {
            return 1;
        }

        var statistic = -2 * pValues.Sum(p => Math.Log(Math.Clamp(p, 1e-300, 1)));
        return 1 - MathNet.Numerics.Distributions.ChiSquared.CDF(2 * pValues.Count, statistic);
    }

    /// <summary>
    /// Closed testing over the parties (FWER ≤ α): party i is flagged when Fisher's combination of every subset of
    /// the p-values that contains it is at most α. Returns the flags and the combined p-value of all of them (the
    /// test of "no party above k×").
    /// </summary>
    public static (bool[] Flagged, double Combined) ClosedTest(IReadOnlyList<double> pValues, double alpha)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        if (m > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(pValues), m, "closed testing enumerates subsets: at most 16 parties");
        }

        var rejected = new bool[1 << m];
        for (var subset = 1; subset < 1 << m; subset++)
        {
            rejected[subset] = FisherCombined([.. Enumerable.Range(0, m).Where(i => (subset >> i & 1) == 1).Select(i => pValues[i])]) <= alpha;
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

        return (flagged, FisherCombined(pValues));
    }

    /// <summary>Index of the grid multiple nearest (in log) to <paramref name="multiple"/>.</summary>
    public static int NearestGridIndex(double multiple)
    {
        var g = (int)Math.Round(4 * Math.Log2(multiple)) + 8;
        return Math.Clamp(g, 0, GridMultiples.Count - 1);
    }

    // Log multiple where the log-likelihood crosses `cut` between grid points `outside` and `inside`.
    private static double Interpolate(int outside, int inside, double[] l, double cut)
    {
        var f = (cut - l[outside]) / (l[inside] - l[outside]);
        return Math.Exp(Math.Log(GridMultiples[outside]) + (f * (Math.Log(GridMultiples[inside]) - Math.Log(GridMultiples[outside]))));
    }
}
