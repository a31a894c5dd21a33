using Landrush.Analysis;
using Landrush.Analysis.Indicators;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Core.Dataset;
using Landrush.Profiles;
using Landrush.Reports.Text;

namespace Landrush.Cli.Runs;

/// <summary>What one analysis of a dataset produced: the dataset, its parties, the measures and the verdict.</summary>
internal sealed record AnalysisRun(RegistryDataset Dataset, ResolvedAllocation Resolved, AllocationMeasures Measures, VerdictResult Verdict)
{
    /// <summary>The profile the analysis used (its block, area codes and published figures), or null for none.</summary>
    public LandrushProfile? Profile { get; init; }

    /// <summary>The indicator options the measures used: the given ones, completed by the profile.</summary>
    public IndicatorOptions? Indicators { get; init; }

    /// <summary>Which profile was used and what it brought, in the words every output says it with.</summary>
    public string ProfileNote(string asked) =>
        ProfileWords.Sentence(Profile?.Name, asked, Profile?.AreaCodes.Count ?? 0, Indicators?.Block);
}
