namespace Landrush.Analysis.NullModels;

/// <summary>
/// A statistic's Monte Carlo runs binned into equal-width bins, so that a figure can draw the distribution from
/// numbers the analysis computed instead of the runs themselves. Bin <c>i</c> covers
/// [<see cref="Low"/> + i·<see cref="Width"/>, <see cref="Low"/> + (i + 1)·<see cref="Width"/>), the last bin closed;
/// a <see cref="Width"/> of 0 means every run had the value <see cref="Low"/> (one bin).
/// </summary>
/// <param name="Low">Lower edge of the first bin: the smallest run.</param>
/// <param name="Width">Width of every bin; 0 when all runs are equal.</param>
/// <param name="Counts">Runs in each bin.</param>
public sealed record RunHistogram(double Low, double Width, IReadOnlyList<int> Counts)
{
    /// <summary>Bins a figure shows by default: fine enough for a shape, coarse enough for 1,000 runs.</summary>
    public const int DefaultBins = 40;

    /// <summary>The runs binned (the sum of <see cref="Counts"/>).</summary>
    public int Runs => Counts.Sum();

    /// <summary>Upper edge of the last bin: the largest run.</summary>
    public double High => Low + (Width * Counts.Count);

    /// <summary>
    /// The finite values of <paramref name="runs"/> in <paramref name="bins"/> equal bins from their smallest to their
    /// largest; null when none is finite.
    /// </summary>
    public static RunHistogram? Of(IEnumerable<double> runs, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        var values = runs.Where(double.IsFinite).ToArray();
        if (values.Length == 0)
        {
            return null;
        }

        var (low, high) = (values.Min(), values.Max());
        if (high <= low)
        {
            return new RunHistogram(low, 0, [values.Length]);
        }

        var width = (high - low) / bins;
        var counts = new int[bins];
        foreach (var v in values)
        {
            // The largest run falls on the upper edge: it belongs to the last bin.
            counts[Math.Min((int)((v - low) / width), bins - 1)]++;
        }

        return new RunHistogram(low, width, counts);
    }
}
