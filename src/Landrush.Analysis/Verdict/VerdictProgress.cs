namespace Landrush.Analysis.Verdict;

/// <summary>Progress of <see cref="VerdictAnalysis.Run"/>: which stage, and how many of its steps are done.</summary>
public sealed record VerdictProgress(string Stage, int Done, int Total);
