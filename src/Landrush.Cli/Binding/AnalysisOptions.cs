using System.CommandLine;
using System.Globalization;
using Landrush.Analysis;
using Landrush.Analysis.Indicators;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Cli.Files;
using Landrush.Core;
using Landrush.Profiles;

namespace Landrush.Cli.Binding;

/// <summary>
/// The options and the run shared by <c>analyze</c>, <c>report</c> and <c>reproduce</c>: one definition of
/// what a party is, how many runs, which seed, so the commands cannot drift apart.
/// </summary>
internal sealed class AnalysisOptions
{
    // The libraries' defaults, read from their options records: the command line never retypes one.
    private static readonly VerdictOptions VerdictDefaults = new();
    private static readonly IndicatorOptions IndicatorDefaults = new();
    private static readonly PartyResolutionOptions PartyDefaults = new();

    public Option<string> Data { get; } = new("--data")
    {
        Description = string.Create(CultureInfo.InvariantCulture,
            $"Registry dataset (format v1, data/README.md); its declared space may hold at most {AnalysisLimits.MaxSpaceNames:N0} names."),
        Required = true,
    };

    public Option<string> PartyKey { get; } = PartyKeyOption();

    public Option<int> SharedHosting { get; } = new("--shared-hosting")
    {
        Description = "K: a name-server set seen with more than K unrelated registrant handles is shared hosting and links nothing.",
        DefaultValueFactory = _ => PartyDefaults.SharedHostingThreshold,
    };

    public Option<int?> Participants { get; } = new("--participants")
    {
        Description = string.Create(CultureInfo.InvariantCulture,
            $"Participants known from elsewhere, those who won nothing included (at most {AnalysisLimits.MaxParticipants:N0}); Gini, Theil and normalised HHI are then also given over all of them."),
    };

    public Option<double> Excess { get; } = new("--excess-threshold")
    {
        CustomParser = Decimals.Parse,
        Description = "k of the verdict: a party is flagged only when its capacity is significantly above k times a typical participant's.",
        DefaultValueFactory = _ => VerdictDefaults.ExcessThreshold,
    };

    public Option<double> Alpha { get; } = new("--alpha")
    {
        CustomParser = Decimals.Parse,
        Description = "Familywise significance level of the verdict over the parties tested: a party is flagged only at p <= alpha.",
        DefaultValueFactory = _ => VerdictDefaults.Alpha,
    };

    public Option<int> Sims { get; } = new("--sims")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Monte Carlo runs per null model, {VerdictOptions.MinSims} to {AnalysisLimits.MaxSims:N0}."),
        DefaultValueFactory = _ => VerdictDefaults.Sims,
    };

    public Option<long> Seed { get; } = new("--seed") { Description = "Seed of every random draw; printed, and the same seed gives the same output.", DefaultValueFactory = _ => VerdictDefaults.Seed };

    public Option<string?> Block { get; } = new("--block")
    {
        Description = "Numeric block for the range indicators, LOW-HIGH (numbers written without a leading zero). Default: the profile's (" +
                      string.Join(", ", ProfileRegistry.All.Where(p => p.Block is not null).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Block!.Low}-{p.Block.High} for {p.Name}"))) +
                      "); without a profile no block indicator.",
    };

    public Option<string> Profile { get; } = new("--profile")
    {
        Description = $"What the analysis knows of this landrush (area codes, block, published figures): a profile name " +
                      $"({string.Join(", ", ProfileRegistry.All.Select(p => p.Name))}), '{ProfileRegistry.None}', or '{ProfileRegistry.Auto}': " +
                      "the profile the dataset's provenance names, else the one for its TLD, else none.",
        DefaultValueFactory = _ => ProfileRegistry.Auto,
    };

    public Option<int> Top { get; } = new("--top") { Description = "Per-party indicators for this many of the largest holders.", DefaultValueFactory = _ => IndicatorDefaults.TopParties };

    /// <summary>The options that say how parties are resolved (what <c>reproduce</c> needs).</summary>
    public IEnumerable<Option> PartyOptions => [Data, PartyKey, SharedHosting, Participants];

    /// <summary>Every option of a full analysis.</summary>
    public IEnumerable<Option> All => [.. PartyOptions, Excess, Alpha, Sims, Seed, Block, Top, Profile];

    /// <summary>Every option of a full analysis but <c>--data</c> (for a command that makes its own dataset).</summary>
    public IEnumerable<Option> AllButData => All.Where(o => o != Data);

    /// <summary>The party-resolution options as given; bad values are the user's (exit 2).</summary>
    public PartyResolutionOptions Parties(ParseResult parsed) =>
        Resolution(parsed.GetValue(PartyKey)!, parsed.GetValue(SharedHosting), parsed.GetValue(Participants));

    /// <summary>All settings of a full analysis as given; bad values are the user's (exit 2).</summary>
    public AnalyzeSettings Settings(ParseResult parsed) => Settings(parsed, parsed.GetValue(Data)!);

    /// <summary>All settings of a full analysis of <paramref name="dataPath"/>; bad values are the user's (exit 2).</summary>
    public AnalyzeSettings Settings(ParseResult parsed, string dataPath)
    {
        var n = parsed.GetValue(Sims);
        var k = parsed.GetValue(Excess);
        var alpha = parsed.GetValue(Alpha);

        // The upper bound is the command line's own (what one run may cost), not the verdict's.
        if (n > AnalysisLimits.MaxSims)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"--sims {n}: at most {AnalysisLimits.MaxSims:N0} runs per null model"));
        }

        var verdict = OptionErrors.Checked(
            () =>
            {
                var options = new VerdictOptions { Sims = n, ExcessThreshold = k, Alpha = alpha, Seed = parsed.GetValue(Seed) };
                options.Validate();
                return options;
            },
            new OptionRule(nameof(VerdictOptions.Sims), "--sims", n, string.Create(CultureInfo.InvariantCulture,
                $"at least {VerdictOptions.MinSims} runs are needed (a p-value from fewer cannot go below 0.01)")),
            new OptionRule(nameof(VerdictOptions.ExcessThreshold), "--excess-threshold", Decimals.Shown(parsed, Excess), "must be a finite number of at least 1"),
            // The bound as the fraction it is: rounded, "at least 0.0033" refused 0.0033 itself.
            new OptionRule(nameof(VerdictOptions.Alpha), "--alpha", Decimals.Shown(parsed, Alpha), string.Create(CultureInfo.InvariantCulture,
                $"must be at least 1/{VerdictDefaults.TestSims + 1} (about {VerdictOptions.SmallestAlpha(VerdictDefaults.TestSims):0.######}, the smallest p-value of the verdict's {VerdictDefaults.TestSims} test runs) and below 1")));
        return new AnalyzeSettings(dataPath, Parties(parsed), Indicators(parsed.GetValue(Block), parsed.GetValue(Top)), verdict.ExcessThreshold, verdict.Sims, verdict.Seed)
        {
            Profile = parsed.GetValue(Profile)!,
            Alpha = verdict.Alpha,
        };
    }

    /// <summary>
    /// Reads the dataset, resolves parties, measures and runs the verdict (progress on <paramref name="stderr"/>);
    /// <paramref name="readFrom"/> is where the dataset is now when that is not yet <see cref="AnalyzeSettings.DataPath"/>
    /// (the demo's export, still in its staging folder).
    /// </summary>
    public static async Task<AnalysisRun> RunAsync(AnalyzeSettings settings, TextWriter stderr, CancellationToken ct, string? readFrom = null)
    {
        var dataset = DatasetFile.Read(readFrom ?? settings.DataPath);
        AnalysisLimits.CheckSpace(dataset.Header, settings.DataPath);
        ct.ThrowIfCancellationRequested();
        var profile = ProfileRegistry.Choose(settings.Profile, dataset.Header);
        var resolved = AllocationBuilder.Build(dataset.Header, dataset.Records, settings.Parties);
        var indicators = profile?.Indicators(settings.Indicators) ?? settings.Indicators;
        var measures = AllocationMeasures.Of(resolved, indicators);
        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"analyze: seed {settings.Seed}, {settings.Sims:N0} runs per null model, excess threshold k = {settings.ExcessThreshold}, alpha {settings.Alpha}"));
        var verdict = VerdictAnalysis.Run(resolved.Allocation,
            settings.Verdict,
            new AnalyzeProgress(stderr), ct);
        return new AnalysisRun(dataset, resolved, measures, verdict) { Profile = profile, Indicators = indicators };
    }

    /// <summary>
    /// The output folder an <c>--out</c> names, as typed (messages quote it so), checked before any work so that a path
    /// that cannot be written (a file, <c>/proc/x</c>, no permission) is refused at once rather than after the analysis.
    /// </summary>
    public static string? OutDirectory(DirectoryInfo? dir)
    {
        if (dir is null)
        {
            return null;
        }

        // ToString is the path as the user typed it.
        if (File.Exists(dir.FullName))
        {
            throw new UserInputException($"{dir}: is {FileKind.NotAFile(dir.FullName) ?? "a file"}, not a directory");
        }

        FileKind.RefuseKernelFileSystem(dir.ToString());

        // Probed by creating it (and whatever parents are missing) and removing what was created: the command
        // writes nothing until its work is done, but a path it can never write is refused before the work.
        var topMissing = Directory.Exists(dir.FullName) ? null : dir;
        while (topMissing?.Parent is { } parent && !parent.Exists)
        {
            topMissing = parent;
        }

        try
        {
            Directory.CreateDirectory(dir.FullName);
            // A folder that exists may still take no files (/proc/1, no permission): one probe file says so.
            var probe = Path.Combine(dir.FullName, $".landrush-probe-{Guid.NewGuid():N}.tmp");
            new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose).Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot write {dir}: {AtomicFile.Reason(e)}");
        }
        finally
        {
            if (topMissing is not null && Directory.Exists(topMissing.FullName))
            {
                Directory.Delete(topMissing.FullName, recursive: true);
            }
        }

        return dir.ToString();
    }

    private static Option<string> PartyKeyOption()
    {
        var partyKey = new Option<string>("--party-key")
        {
            Description = "What makes a party: 'resolved' (registrant handles joined by shared admin handle, normalised registrant " +
                          "name or own name-server set), 'registrant' (each handle) or 'registrar'.",
            DefaultValueFactory = _ => KeyWord(PartyDefaults.Key),
        };
        partyKey.AcceptOnlyFromAmong([.. KeyWords.Select(KeyWord)]);
        return partyKey;
    }

    // The party keys in the order --help lists them, and the word each is given as.
    private static readonly Analysis.Parties.PartyKey[] KeyWords = [Analysis.Parties.PartyKey.Resolved, Analysis.Parties.PartyKey.Registrant, Analysis.Parties.PartyKey.Registrar];

    private static string KeyWord(Analysis.Parties.PartyKey key) => key.ToString().ToLowerInvariant();

    private static PartyResolutionOptions Resolution(string key, int sharedHosting, int? participants)
    {
        var options = OptionErrors.Checked(
            () => new PartyResolutionOptions { Key = KeyWords.Single(k => KeyWord(k) == key), SharedHostingThreshold = sharedHosting, Participants = participants },
            new OptionRule(nameof(PartyResolutionOptions.SharedHostingThreshold), "--shared-hosting", sharedHosting, "must be at least 1"),
            new OptionRule(nameof(PartyResolutionOptions.Participants), "--participants", participants, "must be at least 1"));

        // The upper bound is the command line's own (what one run may cost), not the party resolution's.
        if (participants > AnalysisLimits.MaxParticipants)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"--participants {participants}: at most {AnalysisLimits.MaxParticipants:N0} (every null-model run draws for each participant)"));
        }

        return options;
    }

    private static IndicatorOptions Indicators(string? block, int top)
    {
        var options = OptionErrors.Checked(() => new IndicatorOptions { TopParties = top }, new OptionRule(nameof(IndicatorOptions.TopParties), "--top", top, "must be at least 1"));
        if (block is null)
        {
            return options;
        }

        var dash = block.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !long.TryParse(block[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            || !long.TryParse(block[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var high)
            || high < low)
        {
            throw new UserInputException($"--block '{block}': want LOW-HIGH with 0 <= LOW <= HIGH, e.g. 0-2100");
        }

        return options with { Block = new NumericBlock(low, high) };
    }
}
