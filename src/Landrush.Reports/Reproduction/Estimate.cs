using System.Globalization;

namespace Landrush.Reports.Reproduction;

/// <summary>
/// A count known exactly, or estimated from a sample with a 95% interval, and the bounds that hold whatever the
/// sample was (<see cref="Floor"/>, <see cref="Ceiling"/>).
/// </summary>
/// <param name="Value">The count, or its point estimate.</param>
/// <param name="Low">Lower end of the 95% interval (equal to <paramref name="Value"/> when exact).</param>
/// <param name="High">Upper end of the 95% interval (equal to <paramref name="Value"/> when exact).</param>
public sealed record Estimate(double Value, double Low, double High)
{
    public bool IsExact => Low == Value && High == Value;

    /// <summary>
    /// What is certain without any sampling assumption: the hits seen. Default: <see cref="Low"/>. A harvest cut
    /// short in name order is no random sample; this bound holds for it all the same.
    /// </summary>
    public double Floor { get; init; } = Low;

    /// <summary>What is certain without any sampling assumption: the hits seen plus every unseen name. Default: <see cref="High"/>.</summary>
    public double Ceiling { get; init; } = High;

    public static Estimate Exact(long value) => new(value, value, value);

    /// <summary>
    /// Scales a sample proportion <paramref name="hits"/>/<paramref name="sample"/> to a population of
    /// <paramref name="population"/>, with the Wilson score 95% interval (z = 1.959964) scaled likewise and
    /// clamped to what is certain: at least the hits seen, at most the hits plus the unseen names.
    /// </summary>
    public static Estimate FromSample(long hits, long sample, long population)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sample);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hits, sample);
        ArgumentOutOfRangeException.ThrowIfLessThan(population, sample);
        if (sample == population)
        {
            return Exact(hits);
        }

        var (lo, hi) = Wilson(hits, sample);
        var unseen = population - sample;
        return new Estimate(
            (double)hits / sample * population,
            Math.Max(lo * population, hits),
            Math.Min(hi * population, hits + unseen))
        {
            Floor = hits,
            Ceiling = hits + unseen,
        };
    }

    // The two-sided 95% normal critical value, from MathNet rather than typed in.
    private static readonly double Z95 = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.975);

    /// <summary>Wilson score interval for a binomial proportion at 95%.</summary>
    public static (double Low, double High) Wilson(long hits, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        var z = Z95;
        var n = (double)trials;
        var p = hits / n;
        var denominator = 1 + (z * z / n);
        var centre = (p + (z * z / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4 * n * n))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    public override string ToString() => IsExact
        ? Value.ToString("N0", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"≈{Value:N0} (95% interval {Low:N0}–{High:N0} if a random sample; certainly {Floor:N0}–{Ceiling:N0})");
}
