using Landrush.Analysis.NullModels;

namespace Landrush.Reports.Figures;

/// <summary>
/// What one fair-allocation model gives for CR2 over its Monte Carlo runs, beside the observed value: the
/// runs themselves or the analysis's histogram of them (either drawn as a histogram), with the mean and 95% range of the summary.
/// </summary>
/// <param name="Model">The model's name, e.g. <c>uniform lottery</c>.</param>
/// <param name="Cr2">CR2 of each simulated allocation, as a fraction 0–1; empty when only the summary is known.</param>
/// <param name="Observed">The observed CR2, as a fraction 0–1.</param>
/// <param name="PValue">Share of runs with CR2 at least the observed (with the +1 correction), or null.</param>
public sealed record NullModelDistribution(string Model, IReadOnlyList<double> Cr2, double Observed, double? PValue = null)
{
    /// <summary>The runs binned by the analysis (drawn when <see cref="Cr2"/> is empty), or null.</summary>
    public RunHistogram? Histogram { get; init; }

    /// <summary>Runs summarised (when <see cref="Cr2"/> is empty).</summary>
    public int SummaryRuns { get; init; }

    /// <summary>Mean CR2 of the runs, 0–1, or NaN.</summary>
    public double Mean { get; init; } = double.NaN;

    /// <summary>2.5% quantile of the runs' CR2, 0–1, or NaN.</summary>
    public double Low { get; init; } = double.NaN;

    /// <summary>97.5% quantile of the runs' CR2, 0–1, or NaN.</summary>
    public double High { get; init; } = double.NaN;

    /// <summary>A model known only by its summary.</summary>
    public static NullModelDistribution FromSummary(string model, int runs, double observed, double mean, double low, double high, double? pValue) =>
        new(model, [], observed, pValue) { SummaryRuns = runs, Mean = mean, Low = low, High = high };
}
