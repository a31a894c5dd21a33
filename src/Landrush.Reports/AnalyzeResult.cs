using Landrush.Analysis;
using Landrush.Analysis.Concentration;
using Landrush.Analysis.Indicators;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Core.Dataset;

namespace Landrush.Reports;

/// <summary>One run of <c>landrush analyze</c>, as its text summary (<see cref="Text.AnalyzeText"/>) and its JSON
/// (<see cref="Json.AnalyzeJson"/>) render it: the dataset read, the measures, the verdict and the settings they came from.</summary>
/// <param name="DataPath">The dataset as given on the command line.</param>
/// <param name="Header">The dataset's header (space, TLD, provenance).</param>
/// <param name="Rows">Rows read.</param>
/// <param name="Measures">Parties, concentration, shares by group and indicators.</param>
/// <param name="Verdict">Null models, capacity and verdict.</param>
/// <param name="Parties">How parties were resolved.</param>
/// <param name="Indicators">How the indicators were read.</param>
/// <param name="ExcessThreshold">The excess threshold k.</param>
/// <param name="Sims">Monte Carlo runs per model.</param>
/// <param name="Seed">The seed given.</param>
public sealed record AnalyzeResult(
    string DataPath,
    RegistryDatasetHeader Header,
    int Rows,
    AllocationMeasures Measures,
    VerdictResult Verdict,
    PartyResolutionOptions Parties,
    IndicatorOptions Indicators,
    double ExcessThreshold,
    int Sims,
    long Seed)
{
    /// <summary>Parties listed by name in the text and JSON (all are in the CSV).</summary>
    public const int ListedParties = 10;

    /// <summary>Why the data are synthetic (the label every table of them carries), or null for registry data.</summary>
    public string? SyntheticBecause { get; init; }

    /// <summary>Which profile the analysis used and what it brought (<see cref="Text.ProfileWords"/>), or null when not said.</summary>
    public string? ProfileNote { get; init; }

    public ResolvedAllocation Resolved => Measures.Resolved;

    public ConcentrationSummary Concentration => Measures.Concentration;
}
