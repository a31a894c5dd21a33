using Landrush.Analysis.Indicators;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;

namespace Landrush.Cli.Binding;

/// <summary>The settings of one <c>landrush analyze</c> run, as given on the command line (printed with the result).</summary>
internal sealed record AnalyzeSettings(
    string DataPath,
    PartyResolutionOptions Parties,
    IndicatorOptions Indicators,
    double ExcessThreshold,
    int Sims,
    long Seed)
{
    /// <summary>The profile as given: a name, <c>none</c> or <c>auto</c> (chosen from the dataset when it is read).</summary>
    public string Profile { get; init; } = Profiles.ProfileRegistry.Auto;

    /// <summary>The verdict's familywise significance level.</summary>
    public double Alpha { get; init; } = new VerdictOptions().Alpha;

    /// <summary>The verdict's options these settings give.</summary>
    public VerdictOptions Verdict => new() { Sims = Sims, ExcessThreshold = ExcessThreshold, Alpha = Alpha, Seed = Seed };
}
