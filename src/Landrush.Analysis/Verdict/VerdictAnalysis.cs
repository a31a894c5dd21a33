using Landrush.Analysis.NullModels;
using Landrush.Analysis.Verdict.Demand;
using Landrush.Analysis.Verdict.Race;
using Landrush.Analysis.Verdict.Spans;

namespace Landrush.Analysis.Verdict;

/// <summary>
/// The verdict: was the allocation's concentration demand (who asked for what) or capacity (who won the names many
/// wanted)? Finds the numeric spans parties asked for, as they are sent (<see cref="SpanFinder"/>); learns others'
/// demand outside them (<see cref="OthersDemand"/>); runs the three null models; reads each range party's race through
/// its spans (<see cref="SpanRace"/>) for its capacity multiple with a profile-likelihood interval; tests
/// H0 "no party above k× a typical capacity" by a profile likelihood ratio with a Monte Carlo p-value under the fitted
/// demand, over the tested parties by closed testing; and gives "no excess" with its power at 3×, 5× and 10×.
/// A reading of demand the data cannot tell from the base one (here: attractiveness by length only, when the digit
/// patterns do not clearly matter) makes the verdict inconclusive only when it moves the answer across α.
/// Pure and deterministic: the same allocation, options and seed give the same result on any thread timing.
/// </summary>
public static class VerdictAnalysis
{
    /// <summary>The multiples the power is given at.</summary>
    public static IReadOnlyList<double> PowerMultiples { get; } = [3, 5, 10];

    private const ulong TestStream = 0x7_0000_0000UL;
    private const ulong SensitivityStream = 0x8_0000_0000UL;

    /// <summary>Share of the observed CR2 from which demand is said to explain nearly all of it.</summary>
    public const double NearlyAll = 0.9;

    // χ² with the pattern features' degrees of freedom at p = 0.001: patterns clearly matter.
    private const double PatternTestLevel = 0.001;
    private static readonly double PatternTestCritical = MathNet.Numerics.Distributions.ChiSquared.InvCDF(LabelFeatures.Count, 1 - PatternTestLevel);

    public static VerdictResult Run(ObservedAllocation observed, VerdictOptions options, IProgress<VerdictProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var holdings = observed.Holdings();
        var holders = holdings.Count(h => h > 0);
        var participants = Participants(observed);
        if (observed.Registered == 0 || participants < 2)
        {
            return Undefined(observed, options, participants);
        }

        var world = VerdictWorld.Read(observed, options, participants);
        progress?.Report(new VerdictProgress("null models", 0, 3));
        var contest = new ContestedDemand(world.Holder.Length, NullModelLists.Build(world.Holder, participants, world.SpanNames(), world.Demand, options.Seed));
        var observedHoldings = new int[participants];
        holdings.CopyTo(observedHoldings, 0);
        var models = new List<NullModelSummary>
        {
            NullModelSimulation.Uniform(observed.Registered, participants, holdings, options.Sims, options.Seed, cancellationToken),
        };
        progress?.Report(new VerdictProgress("null models", 1, 3));
        models.Add(NullModelSimulation.Lottery(contest, observedHoldings, options.Sims, options.Seed, cancellationToken));
        progress?.Report(new VerdictProgress("null models", 2, 3));
        var equal = NullModelSimulation.EqualCapacity(contest, observedHoldings, options.Sims, options.Seed, cancellationToken);
        models.Add(equal);
        progress?.Report(new VerdictProgress("null models", 3, 3));

        var reported = world.Reported(options.TopParties);
        var tested = world.Tested(options.TestedParties);
        var (races, fits, tests) = RunTests(world, patternFeatures: true, tested, options, options.TestSims, PowerMultiples, 0, progress, cancellationToken);
        var (flags, combined) = ClosedTesting.Run(Shown(tests, fits, options), options.Alpha);
        var misfit = tested.Where((_, i) => tests[i].Misfit).Select(p => observed.PartyLabels[p]).ToArray();
        var borderline = tested.Where((_, i) => Borderline(tests[i], fits[i], options)).Select(p => observed.PartyLabels[p]).ToArray();
        var rows = new List<SensitivityRow>
        {
            Row("base", "attractiveness by length and generic digit patterns", flags.Any(f => f), combined, races, fits, equal.Cr2),
        };
        rows.AddRange(Sensitivity(world, tested, options, equal.Cr2, flags.Any(f => f), progress, cancellationToken));
        var excess = flags.Any(f => f);
        var status = rows.Skip(1).Any(r => r.Contradiction is null && r.ExcessCapacity != excess) || (!excess && misfit.Length + borderline.Length > 0)
            ? VerdictStatus.Inconclusive
            : excess ? VerdictStatus.ExcessCapacity : VerdictStatus.NoExcessCapacity;
        var implied = reported.Union(tested).OrderByDescending(p => holdings[p]).ThenBy(p => p)
            .Select(p => Implied(world, p, Array.IndexOf(tested, p) is var i && i >= 0 ? (races[i], fits[i], tests[i]) : null)).ToArray();
        var flagged = tested.Where((_, i) => flags[i]).Select(p => observed.PartyLabels[p]).ToArray();
        var power = PowerMultiples.Select((m, j) => new PowerAt(m, tests.Length == 0 ? 0 : tests.Max(t => t.Power[j]))).ToArray();
        var explained = Math.Min(1, equal.Cr2.Mean / equal.Cr2.Observed);
        var reason = Reason(status, tested.Length > 0, misfit, borderline);
        var verdict = new CapacityVerdict(status, reason, status == VerdictStatus.Inconclusive ? null : excess, combined, flagged, misfit, borderline,
            explained, explained >= NearlyAll, equal.Cr2.Mean, equal.Cr2.Observed, options.ExcessThreshold, options.Alpha,
            status == VerdictStatus.NoExcessCapacity ? power : []);
        return new VerdictResult(observed.Registered, participants, options.Seed, models, implied, verdict, rows, world.Spans,
            world.Assumptions(options, tested.Length, races));
    }

    /// <summary>The wish lists the lottery and equal-capacity models use for <paramref name="observed"/> (for benchmarks).</summary>
    public static ContestedDemand NullModelDemand(ObservedAllocation observed, VerdictOptions options)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(options);
        var participants = Participants(observed);
        var world = VerdictWorld.Read(observed, options, participants);
        return new ContestedDemand(world.Holder.Length, NullModelLists.Build(world.Holder, participants, world.SpanNames(), world.Demand, options.Seed));
    }

    // Participants: those given, else the parties holding a name; at least every labelled party (a party with a label and
    // no name is a participant who won nothing, and the verdict's tables are indexed by party).
    private static int Participants(ObservedAllocation observed) =>
        Math.Max(Math.Max(observed.Participants ?? 0, observed.PartiesHolding()), observed.PartyLabels.Count);

    // Why the status is what it is; an inconclusive verdict names a misfit first, then a borderline party, then the readings of demand.
    private static VerdictReason Reason(VerdictStatus status, bool anyTested, string[] misfit, string[] borderline) => status switch
    {
        VerdictStatus.ExcessCapacity => VerdictReason.PartiesFlagged,
        VerdictStatus.NoExcessCapacity => anyTested ? VerdictReason.NoPartyShown : VerdictReason.NoPartyTestable,
        _ when misfit.Length > 0 => VerdictReason.RaceMisfit,
        _ when borderline.Length > 0 => VerdictReason.BorderlineInterval,
        _ => VerdictReason.ReadingsDisagree,
    };

    private static VerdictResult Undefined(ObservedAllocation observed, VerdictOptions options, int participants)
    {
        var reason = observed.Registered == 0 ? VerdictReason.NoRegisteredNames : VerdictReason.SingleParticipant;
        return new VerdictResult(observed.Registered, participants, options.Seed, [], [],
            new CapacityVerdict(VerdictStatus.Undefined, reason, null, null, [], [], [], null, false, null, null, options.ExcessThreshold, options.Alpha),
            [], [], null);
    }

    // Each tested party's race under others' demand as its race reads it, its fit and test (with its power when asked for).
    private static (SpanRace[] Races, RaceFit[] Fits, RaceTestResult[] Tests) RunTests(VerdictWorld world, bool patternFeatures, int[] tested,
        VerdictOptions options, int sims, IReadOnlyList<double> powerMultiples, ulong streamBase, IProgress<VerdictProgress>? progress,
        CancellationToken cancellationToken)
    {
        var races = new SpanRace[tested.Length];
        var fits = new RaceFit[tested.Length];
        var tests = new RaceTestResult[tested.Length];
        for (var i = 0; i < tested.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new VerdictProgress("capacity races", i, tested.Length));
            (races[i], fits[i], _) = world.ReadRace(tested[i], patternFeatures);
            tests[i] = RaceTest.Run(races[i], fits[i], options.ExcessThreshold, sims, powerMultiples, options.PowerSims, options.Alpha, options.Seed,
                TestStream + streamBase + ((ulong)i << 28), cancellationToken);
        }

        progress?.Report(new VerdictProgress("capacity races", tested.Length, tested.Length));
        return (races, fits, tests);
    }

    // The length-only reading of attractiveness: contradicted when the patterns clearly predict registration outside
    // the spans (likelihood-ratio test, p < 0.001); otherwise its verdict is set beside the base one.
    private static IEnumerable<SensitivityRow> Sensitivity(VerdictWorld world, int[] tested, VerdictOptions options, StatisticSummary cr2, bool baseExcess,
        IProgress<VerdictProgress>? progress, CancellationToken cancellationToken)
    {
        if (!options.Sensitivity || tested.Length == 0)
        {
            yield break;
        }

        var lengthOnly = world.LengthOnlyDemand;
        var statistic = 2 * (world.Demand.WantLogLikelihood - lengthOnly.WantLogLikelihood);
        const string description = "attractiveness by length only";
        if (statistic > PatternTestCritical)
        {
            yield return new SensitivityRow("length-only", description, baseExcess, double.NaN, [], 0, cr2.Mean, Math.Min(1, cr2.Mean / cr2.Observed),
                new PatternContradiction(statistic, PatternTestCritical, LabelFeatures.Count, PatternTestLevel));
            yield break;
        }

        var (races, fits, tests) = RunTests(world, patternFeatures: false, tested, options, options.SensitivitySims, [], SensitivityStream, progress, cancellationToken);
        var (flags, combined) = ClosedTesting.Run(Shown(tests, fits, options), options.Alpha);
        yield return Row("length-only", description, flags.Any(f => f), combined, races, fits, cr2);
    }

    // The p-values closed testing combines. A rejection counts only where the race shows it: not when the race model
    // cannot reproduce it at its own best fit (RaceTest's check), and not while the party's 95% interval still holds k×
    // (the verdict never calls a party faster than k× beside an interval that says it may not be).
    internal static double[] Shown(RaceTestResult[] tests, RaceFit[] fits, VerdictOptions options) =>
        [.. tests.Select((t, i) => t.Misfit || fits[i].Estimate().Low <= options.ExcessThreshold ? 1 : t.PValue)];

    // The test rejects k× on its own, but the party's interval still holds k×: the data do not settle it.
    internal static bool Borderline(RaceTestResult test, RaceFit fit, VerdictOptions options) =>
        !test.Misfit && test.PValue <= options.Alpha && fit.Estimate().Low <= options.ExcessThreshold;

    // Contested: the tested parties' span names others are expected to want under this reading.
    private static SensitivityRow Row(string name, string description, bool excess, double p, SpanRace[] races, RaceFit[] fits, StatisticSummary cr2) =>
        new(name, description, excess, p, [.. fits.Select(f => f.Estimate())], (int)Math.Round(races.Sum(r => r.ExpectedWanted)), cr2.Mean,
            Math.Min(1, cr2.Mean / cr2.Observed));

    private static ImpliedCapacity Implied(VerdictWorld world, int party, (SpanRace Race, RaceFit Fit, RaceTestResult Test)? read)
    {
        var label = world.Observed.PartyLabels[party];
        var holdings = world.Holdings[party];
        if (read is not { } r)
        {
            var spans = world.Spans.Where(s => s.Party == party).ToArray();
            return new ImpliedCapacity(party, label, holdings, 0, 0, 0, null, 0, null, null, spans, null, []);
        }

        var range = r.Fit.Estimate();
        return new ImpliedCapacity(party, label, holdings, r.Race.Positions, r.Race.Lost + r.Race.NotReadLost, r.Race.ExpectedWanted, range.Multiple,
            range.Low, range.High, r.Fit.ChosenOrder, r.Race.Spans, r.Test.PValue, [.. PowerMultiples.Select((m, j) => new PowerAt(m, r.Test.Power[j]))], r.Test.FitCheck,
            r.Race.NotReadLost, r.Race.Names);
    }
}
