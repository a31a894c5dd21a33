using Landrush.Analysis;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Core.Dataset;
using Landrush.Profiles;

namespace Landrush.Cli.Runs;

/// <summary>What one analysis of a dataset produced: the dataset, its parties, the measures and the verdict.</summary>
internal sealed record AnalysisRun(RegistryDataset Dataset, ResolvedAllocation Resolved, AllocationMeasures Measures, VerdictResult Verdict)
{
    /// <summary>The profile the analysis used (its block, area codes and published figures), or null for none.</summary>
    public LandrushProfile? Profile { get; init; }
}
