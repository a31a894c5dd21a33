using MathNet.Numerics.Statistics;

namespace Landrush.Analysis;

/// <summary>
/// The one quantile definition of every figure and output: R-7 (linear between order statistics, the default of R and
/// numpy), computed by MathNet. The null models' 95% ranges, the report's tables and its figures' medians all use it,
/// so that a range printed twice never differs by the definition.
/// </summary>
public static class Quantiles
{
    /// <summary>Hyndman and Fan's definition 7.</summary>
    public const QuantileDefinition Definition = QuantileDefinition.R7;

    /// <summary>The <paramref name="q"/> quantile (0–1) of an ascending, non-empty array.</summary>
    public static double OfSorted(double[] sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return SortedArrayStatistics.QuantileCustom(sorted, q, Definition);
    }

    /// <summary>The <paramref name="q"/> quantile (0–1) of the finite values, NaN when there is none.</summary>
    public static double Of(IEnumerable<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : OfSorted(sorted, q);
    }
}
