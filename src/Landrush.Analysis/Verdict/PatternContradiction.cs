namespace Landrush.Analysis.Verdict;

/// <summary>
/// Why the data contradict the length-only reading of demand: the digit patterns clearly predict which names are
/// registered outside the spans (a likelihood-ratio test against χ²). Numbers only; Reports says it in words.
/// </summary>
/// <param name="Statistic">The likelihood ratio: twice the log-likelihood the pattern features add.</param>
/// <param name="Critical">The χ² quantile it exceeds, at 1 − <paramref name="Level"/> with <paramref name="DegreesOfFreedom"/>.</param>
/// <param name="DegreesOfFreedom">The number of pattern features.</param>
/// <param name="Level">The test's level.</param>
public sealed record PatternContradiction(double Statistic, double Critical, int DegreesOfFreedom, double Level);
