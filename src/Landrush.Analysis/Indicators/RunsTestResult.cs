namespace Landrush.Analysis.Indicators;

/// <summary>The Wald–Wolfowitz runs test of one two-valued sequence.</summary>
/// <param name="Runs">Observed runs R (maximal blocks of equal values).</param>
/// <param name="Ones">n₁: positions that are true.</param>
/// <param name="Zeros">n₂: positions that are false.</param>
/// <param name="Mean">E[R] under random interleaving.</param>
/// <param name="Variance">Var[R] under random interleaving.</param>
/// <param name="Z">(R − E[R]) / √Var[R].</param>
/// <param name="PLower">One-sided p-value Φ(Z) (normal approximation): small when the sequence has fewer runs than chance, i.e. is clustered.</param>
public sealed record RunsTestResult(int Runs, int Ones, int Zeros, double Mean, double Variance, double Z, double PLower);
