namespace Landrush.Reports.Figures;

/// <summary>What one fair-allocation model gives for CR2 over its Monte Carlo runs, beside the observed value.</summary>
/// <param name="Model">The model's name, e.g. <c>uniform lottery</c>.</param>
/// <param name="Cr2">CR2 of each simulated allocation, as a fraction 0–1.</param>
/// <param name="Observed">The observed CR2, as a fraction 0–1.</param>
/// <param name="PValue">Share of runs with CR2 at least the observed (with the +1 correction), or null.</param>
public sealed record NullModelDistribution(string Model, IReadOnlyList<double> Cr2, double Observed, double? PValue = null);
