namespace Landrush.Analysis.NullModels;

/// <summary>
/// One statistic's distribution under a null model, set against the observed value.
/// </summary>
/// <param name="Observed">The value in the data.</param>
/// <param name="Mean">Mean over the simulated runs.</param>
/// <param name="Low">2.5% quantile of the runs (<see cref="Quantiles"/>: R-7, as numpy's default).</param>
/// <param name="High">97.5% quantile of the runs.</param>
/// <param name="Percentile">Share of runs at or below the observed value, in percent.</param>
/// <param name="PValue">One-sided (r + 1)/(n + 1) with r the runs at or above the observed value: how
/// surprising a concentration this high would be under the model.</param>
public sealed record StatisticSummary(double Observed, double Mean, double Low, double High, double Percentile, double PValue)
{
    /// <summary>The runs binned (<see cref="RunHistogram.DefaultBins"/> bins), for a figure of the distribution; null when not kept.</summary>
    public RunHistogram? Histogram { get; init; }

    /// <summary>Summarises <paramref name="runs"/> (sorted in place) against <paramref name="observed"/>.</summary>
    public static StatisticSummary Of(double observed, double[] runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Length == 0)
        {
            throw new ArgumentException("no runs", nameof(runs));
        }

        Array.Sort(runs);
        var atOrBelow = 0;
        var atOrAbove = 0;
        double sum = 0;
        foreach (var x in runs)
        {
            sum += x;
            atOrBelow += x <= observed ? 1 : 0;
            atOrAbove += x >= observed ? 1 : 0;
        }

        return new StatisticSummary(observed, sum / runs.Length, Quantiles.OfSorted(runs, 0.025), Quantiles.OfSorted(runs, 0.975),
            100.0 * atOrBelow / runs.Length, (atOrAbove + 1.0) / (runs.Length + 1.0))
        {
            Histogram = RunHistogram.Of(runs),
        };
    }
}
