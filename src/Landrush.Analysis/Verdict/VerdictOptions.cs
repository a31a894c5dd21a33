namespace Landrush.Analysis.Verdict;

/// <summary>Settings of <see cref="VerdictAnalysis"/>; every default is the one <c>landrush analyze</c> uses.</summary>
public sealed record VerdictOptions
{
    /// <summary>Fewest runs per null model (<see cref="Sims"/>): 100, below which a p-value cannot go under 0.01.</summary>
    public const int MinSims = 100;

    /// <summary>Runs per null model (CR2, HHI, Gini distributions). Default 10,000; at least 100.</summary>
    public int Sims { get; init; } = 10_000;

    /// <summary>
    /// k of the verdict: a party is flagged only when its capacity is significantly above k times a typical
    /// participant's. Default 2 (honest participants differ; 1.5× is no fraud indicator). Must be ≥ 1.
    /// </summary>
    public double ExcessThreshold { get; init; } = 2.0;

    /// <summary>
    /// One-sided familywise significance level of the verdict over the parties tested (closed testing). Default 0.01: an
    /// accusation is the worst error the verdict can make, and a race model is only approximately right, so a test at a
    /// level equal to the false alarms one will bear would bear more than that whenever the model is a little off.
    /// </summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>
    /// Largest holders reported in the verdict whether or not they ran a race. Default 2. Every range party among the
    /// <see cref="TestedParties"/> largest holders is tested whatever this is.
    /// </summary>
    public int TopParties { get; init; } = 2;

    /// <summary>Range parties among this many largest holders are tested (closed testing over them). Default 6; 1–12.</summary>
    public int TestedParties { get; init; } = 6;

    /// <summary>Runs of the verdict's test per party (the Monte Carlo p-value's n). Default 300.</summary>
    public int TestSims { get; init; } = 300;

    /// <summary>
    /// Runs a test goes on to when its first <see cref="TestSims"/> put p within <see cref="RefineWithin"/>·α: with 300 runs the
    /// smallest p is 1/301, and closed testing over three parties needs 3·p ≤ α, so at α = 0.01 a party 300 runs cannot tell
    /// from much faster ones would never be flagged. Runs only where the decision may turn on them.
    /// </summary>
    public const int RefinedTestSims = 1000;

    /// <summary>How far above α a first p-value may lie for its test to go on to <see cref="RefinedTestSims"/> runs.</summary>
    public const double RefineWithin = 5;

    /// <summary>Runs per party and multiple of the power (3×, 5×, 10×), and of the model check. Default 100.</summary>
    public int PowerSims { get; init; } = 100;

    /// <summary>Runs per party of the test under a sensitivity reading. Default 300.</summary>
    public int SensitivitySims { get; init; } = 300;

    /// <summary>Whether to compute the sensitivity table over demand variants. Default true.</summary>
    public bool Sensitivity { get; init; } = true;

    /// <summary>Seed of every draw (demand inference, null models, fits, tests). Default 0.</summary>
    public long Seed { get; init; }

    /// <summary>Fewest names a party must hold in a numeric span for the span to count (a range party). Default 20.</summary>
    public int MinRangeLength { get; init; } = 20;

    /// <summary>The smallest level a test of <paramref name="testSims"/> runs can reach: its smallest p-value, 1/(n + 1).</summary>
    public static double SmallestAlpha(int testSims) => 1.0 / (testSims + 1);

    /// <summary>Validates the settings; throws <see cref="ArgumentOutOfRangeException"/> naming the bad one.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Sims, MinSims, nameof(Sims));
        ArgumentOutOfRangeException.ThrowIfLessThan(TestSims, 100, nameof(TestSims));
        ArgumentOutOfRangeException.ThrowIfLessThan(PowerSims, 20, nameof(PowerSims));
        ArgumentOutOfRangeException.ThrowIfLessThan(TestedParties, 1, nameof(TestedParties));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TestedParties, ClosedTesting.MaxParties, nameof(TestedParties));
        ArgumentOutOfRangeException.ThrowIfLessThan(SensitivitySims, 20, nameof(SensitivitySims));
        ArgumentOutOfRangeException.ThrowIfLessThan(TopParties, 1, nameof(TopParties));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinRangeLength, 2, nameof(MinRangeLength));
        if (!(ExcessThreshold >= 1) || !double.IsFinite(ExcessThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(ExcessThreshold), ExcessThreshold, "the excess threshold must be a finite k >= 1");
        }

        // Below 1/(n + 1) no Monte Carlo p-value of n runs can reach it: a verdict that could never flag would look like a finding.
        if (!(Alpha >= SmallestAlpha(TestSims) && Alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "alpha must be in [1/(test runs + 1), 1)");
        }
    }
}
