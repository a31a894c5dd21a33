using Landrush.Analysis;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Core.Dataset;

namespace Landrush.Cli.Runs;

/// <summary>What one analysis of a dataset produced: the dataset, its parties, the measures and the verdict.</summary>
internal sealed record AnalysisRun(RegistryDataset Dataset, ResolvedAllocation Resolved, AllocationMeasures Measures, VerdictResult Verdict);
