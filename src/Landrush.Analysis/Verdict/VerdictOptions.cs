namespace Landrush.Analysis.Verdict;

/// <summary>Settings of <see cref="VerdictAnalysis"/>; every default is the one <c>landrush analyze</c> uses.</summary>
public sealed record VerdictOptions
{
    /// <summary>Runs per null model (CR2, HHI, Gini distributions). Default 10,000; at least 100.</summary>
    public int Sims { get; init; } = 10_000;

    /// <summary>
    /// k of the verdict: a party is flagged only when its capacity is significantly above k times a typical
    /// participant's. Default 2 (honest participants differ; 1.5× is no fraud indicator). Must be ≥ 1.
    /// </summary>
    public double ExcessThreshold { get; init; } = 2.0;

    /// <summary>One-sided familywise significance level of the verdict over the parties tested (closed testing). Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Largest holders whose capacity is fitted and tested. Default 2.</summary>
    public int TopParties { get; init; } = 2;

    /// <summary>
    /// Formerly the runs per grid point of a simulated capacity fit. The fit is now a likelihood maximisation and
    /// runs no simulation, so this setting has no effect; kept (validated as before) so existing callers still
    /// compile. Default 200.
    /// </summary>
    public int FitSims { get; init; } = 200;

    /// <summary>Runs of the verdict's test per party (the Monte Carlo p-value's n). Default 2,000.</summary>
    public int TestSims { get; init; } = 2_000;

    /// <summary>Runs per party and variant in the sensitivity table (fit and test alike). Default 400.</summary>
    public int SensitivitySims { get; init; } = 400;

    /// <summary>Whether to compute the sensitivity table over demand variants. Default true.</summary>
    public bool Sensitivity { get; init; } = true;

    /// <summary>Seed of every draw (demand inference, null models, fits, tests). Default 0.</summary>
    public long Seed { get; init; }

    /// <summary>Fewest names a block of one party's consecutive holdings needs to count as a range. Default 20.</summary>
    public int MinRangeLength { get; init; } = 20;

    /// <summary>Validates the settings; throws <see cref="ArgumentOutOfRangeException"/> naming the bad one.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Sims, 100, nameof(Sims));
        ArgumentOutOfRangeException.ThrowIfLessThan(FitSims, 20, nameof(FitSims));
        ArgumentOutOfRangeException.ThrowIfLessThan(TestSims, 100, nameof(TestSims));
        ArgumentOutOfRangeException.ThrowIfLessThan(SensitivitySims, 20, nameof(SensitivitySims));
        ArgumentOutOfRangeException.ThrowIfLessThan(TopParties, 1, nameof(TopParties));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinRangeLength, 2, nameof(MinRangeLength));
        if (!(ExcessThreshold >= 1) || !double.IsFinite(ExcessThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(ExcessThreshold), ExcessThreshold, "the excess threshold must be a finite k >= 1");
        }

        if (!(Alpha > 0 && Alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "alpha must be in (0, 1)");
        }
    }
}
