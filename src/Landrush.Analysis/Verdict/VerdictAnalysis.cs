using System.Globalization;
using Landrush.Analysis.NullModels;

namespace Landrush.Analysis.Verdict;

/// <summary>
/// The verdict: was the allocation's concentration demand (who asked for what) or capacity (who won the
/// names many wanted)? Infers demand from the observed allocation (<see cref="DemandInference"/>), runs the
/// three null models, fits each top party's implied capacity multiple (<see cref="CapacityFit"/>), tests
/// whether some party's capacity is significantly above k× a typical participant's, and repeats fit and
/// test under every <see cref="DemandVariant"/>: a verdict that flips is reported as inconclusive.
/// Pure and deterministic: the same allocation, options and seed give the same result on any thread timing.
/// </summary>
public static class VerdictAnalysis
{
    private const ulong FitStream = 0x6_0000_0000UL;
    private const ulong TestStream = 0x7_0000_0000UL;
    private const ulong SensitivityStream = 0x8_0000_0000UL;

    // Share of the observed CR2 above which "demand explains nearly all of it" is said in words.
    private const double NearlyAll = 0.9;

    // χ²₈ at p = 0.001: the pattern flags of the want-rate fit against length only.
    private const double PatternTestCritical = 26.12;

    // χ²₁ at p = 0.01, halved: a log-likelihood shortfall that contradicts a send-order variant.
    private const double OrderTestCritical = 3.32;

    public static VerdictResult Run(ObservedAllocation observed, VerdictOptions options, IProgress<VerdictProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var inv = CultureInfo.InvariantCulture;
        var holdings = observed.Holdings();
        var holders = holdings.Count(h => h > 0);
        var participants = Math.Max(observed.Participants ?? holders, holders);
        if (observed.Registered == 0 || participants < 2)
        {
            var why = observed.Registered == 0
                ? "No registered names: concentration, null models and the verdict are undefined."
                : "A single participant holds every name: concentration is total by definition, and there is no one to compare its capacity with; null models and the verdict are undefined.";
            return new VerdictResult(observed.Registered, participants, options.Seed, [], [],
                new CapacityVerdict(VerdictStatus.Undefined, null, null, [], null, null, null, options.ExcessThreshold, options.Alpha, why),
                [], [], [why]);
        }

        var baseDemand = DemandInference.Infer(observed, DemandVariant.Base, options.MinRangeLength, options.Seed);
        var models = new List<NullModelSummary>();
        progress?.Report(new VerdictProgress("null models", 0, 3));
        models.Add(NullModelSimulation.Uniform(observed.Registered, participants, holdings, options.Sims, options.Seed, cancellationToken));
        progress?.Report(new VerdictProgress("null models", 1, 3));
        models.Add(NullModelSimulation.Lottery(baseDemand.Contest, baseDemand.ObservedHoldings, options.Sims, options.Seed, cancellationToken));
        progress?.Report(new VerdictProgress("null models", 2, 3));
        var equal = NullModelSimulation.EqualCapacity(baseDemand.Contest, baseDemand.ObservedHoldings, options.Sims, options.Seed, cancellationToken);
        models.Add(equal);
        progress?.Report(new VerdictProgress("null models", 3, 3));

        var top = Enumerable.Range(0, holdings.Length).Where(p => holdings[p] > 0)
            .OrderByDescending(p => holdings[p]).ThenBy(p => p).Take(options.TopParties).ToArray();
        // A block shared with another party is judged once, under the base reading (as the send order is), for every reading.
        var shared = top.Select(p => baseDemand.SharedBlockOf(p, options.MinRangeLength)).ToArray();
        var variants = options.Sensitivity ? DemandVariant.All : [DemandVariant.Base];
        var rows = new List<SensitivityRow>();
        (double Multiple, double Low, double? High)?[] baseFits = [];
        var allFits = new List<(double Multiple, double Low, double? High)?[]>();
        bool[] baseFlags = [];
        double baseRaceLogLikelihood = 0;
        for (var v = 0; v < variants.Count; v++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new VerdictProgress("capacity fits and tests per demand variant", v, variants.Count));
            var isBase = v == 0;
            // A party's send order is checked once, under the base reading, and kept in every other.
            var demand = isBase ? baseDemand : DemandInference.Infer(observed, variants[v], options.MinRangeLength, options.Seed, baseDemand.OrderChecks);
            var testSims = isBase ? options.TestSims : options.SensitivitySims;
            var streamBase = isBase ? 0UL : SensitivityStream + ((ulong)v << 24);
            var (fits, pValues) = FitAndTest(demand, top, shared, options, testSims, streamBase, cancellationToken);
            var expected = isBase
                ? equal.Cr2.Mean
                : NullModelSimulation.EqualCapacityStatistics(demand.Contest, options.SensitivitySims, options.Seed, cancellationToken).Cr2.Average();
            // Only parties with a race are tested; the verdict is closed testing over them with Fisher's combination.
            var testedIndex = Enumerable.Range(0, top.Length).Where(i => fits[i] is not null).ToArray();
            var (testedFlags, combinedP) = CapacityFit.ClosedTest([.. testedIndex.Select(i => pValues[i])], options.Alpha);
            var flags = new bool[top.Length];
            for (var j = 0; j < testedIndex.Length; j++)
            {
                flags[testedIndex[j]] = testedFlags[j];
            }

            // Which positions were lost, read by the better of the two send orders: comparable between readings of the same list.
            var raceLogLikelihood = top.Sum(p => demand.RaceOf(p) is { ExpectedWanted: > 0 } && demand.OrderCheckOf(p) is { } check ? check.BestLogLikelihood : 0);
            if (isBase)
            {
                baseRaceLogLikelihood = raceLogLikelihood;
            }

            var contradicted = isBase ? null : Contradiction(variants[v], baseDemand, demand, baseRaceLogLikelihood, raceLogLikelihood, inv);
            rows.Add(new SensitivityRow(variants[v].Name, variants[v].Describe(), flags.Any(f => f), combinedP,
                [.. fits.Select(f => f?.Multiple)], demand.Contest.ContestedNames.Count, expected, Math.Min(1, expected / equal.Cr2.Observed), contradicted));
            if (contradicted is null)
            {
                allFits.Add(fits);
            }
            if (isBase)
            {
                baseFits = fits;
                baseFlags = flags;
            }
        }

        progress?.Report(new VerdictProgress("capacity fits and tests per demand variant", variants.Count, variants.Count));
        var implied = top.Select((p, i) => Implied(observed, baseDemand, p, holdings[p], baseFits[i], allFits.Select(f => f[i]).ToArray(), shared[i])).ToArray();
        var flagged = top.Where((_, i) => baseFlags[i]).Select(p => observed.PartyLabels[p]).ToArray();
        var baseExcess = rows[0].ExcessCapacity;
        // A range party whose capacity the data do not bound cannot be tested: "no excess" is then not supported.
        // Nor is it when no top party could be tested at all (none holds a block others competed for): nothing was read.
        var noneTested = top.Length > 0 && baseFits.All(f => f is null);
        var unbounded = top.Where((p, i) => baseFits[i] is null && (noneTested || baseDemand.RaceOf(p) is { ExpectedWanted: > 0 }))
            .Select(p => observed.PartyLabels[p]).ToArray();
        var status = rows.Any(r => r.Contradicted is null && r.ExcessCapacity != baseExcess) || (!baseExcess && unbounded.Length > 0)
            ? VerdictStatus.Inconclusive
            : baseExcess ? VerdictStatus.ExcessCapacity : VerdictStatus.NoExcessCapacity;
        var explained = Math.Min(1, equal.Cr2.Mean / equal.Cr2.Observed);
        var plain = Plain(status, options, rows, implied, flagged, unbounded, equal, models[0], explained, inv);
        var verdict = new CapacityVerdict(status, status == VerdictStatus.Inconclusive ? null : baseExcess, rows[0].PValue, flagged,
            explained, equal.Cr2.Mean, equal.Cr2.Observed, options.ExcessThreshold, options.Alpha, plain);
        var assumptions = new List<string>(baseDemand.Assumptions)
        {
            string.Create(inv, $"Capacity multiples are relative to a typical participant (1), the maximum-likelihood fit (grid {CapacityFit.MinMultiple}–{CapacityFit.MaxMultiple}) of which names of its blocks each range party lost: how many of those others wanted (their level calibrated outside the blocks, within the misfit measured there) and, where its losses support index order, at which positions of its list; 95% intervals where the log-likelihood stays within χ²₁/2 of its maximum, widened to cover every reading of demand the data do not contradict."),
            string.Create(inv, $"Verdict test per top party: H0 'capacity = {options.ExcessThreshold}×', statistic the fitted multiple, calibrated by {options.TestSims} simulated races at {options.ExcessThreshold}×; the {top.Length} parties' one-sided p-values are combined by closed testing with Fisher's method (a party is flagged when every combination that includes it is at most α = {options.Alpha}), so the chance of flagging any party at k× or below stays under α."),
            "A uniform slowdown of every stream does not change a blind race's outcome: capacity is each party's share of the registry's intake.",
            $"Sensitivity: {rows.Count} demand variants ({string.Join(", ", rows.Select(r => r.Variant))}); a verdict that differs between those the data do not contradict is reported as inconclusive{(rows.Any(r => r.Contradicted is not null) ? $" (contradicted: {string.Join("; ", rows.Where(r => r.Contradicted is not null).Select(r => $"{r.Variant}: {r.Contradicted}"))})" : "")}.",
        };
        return new VerdictResult(observed.Registered, participants, options.Seed, models, implied, verdict, rows, baseDemand.Ranges, assumptions);
    }

    // Why the data contradict a variant, or null when they do not. Only readings of the same data can be compared:
    // (1) the pattern model nests the length-only one, so the likelihood-ratio test of the want-rate fit outside the
    // blocks (χ² with 8 degrees of freedom, p < 0.001) rejects "length only" when the patterns clearly matter;
    // (2) variants that change only the send order explain the same losses of the same lists, so one whose best
    // race likelihood falls short of the base's by more than χ²₁(0.99)/2 = 3.32 is contradicted. Variants that
    // change the blocks change the data they explain and are never dropped.
    private static string? Contradiction(DemandVariant variant, InferredDemand baseDemand, InferredDemand demand, double baseRace, double race,
        CultureInfo inv)
    {
        var b = baseDemand.Variant;
        if (variant.RangeWholeBlock != b.RangeWholeBlock)
        {
            return null;
        }

        if (variant.PatternFeatures != b.PatternFeatures)
        {
            var statistic = 2 * Math.Abs(baseDemand.WantRateLogLikelihood - demand.WantRateLogLikelihood);
            var better = baseDemand.WantRateLogLikelihood > demand.WantRateLogLikelihood ? b.PatternFeatures : variant.PatternFeatures;
            return statistic > PatternTestCritical && better != variant.PatternFeatures
                ? string.Create(inv, $"digit patterns clearly predict what small parties hold outside the blocks (likelihood-ratio {statistic:0.#} > {PatternTestCritical} = χ²₈ at p 0.001)")
                : null;
        }

        return baseRace - race > OrderTestCritical
            ? string.Create(inv, $"the base reading explains the range parties' losses better (log-likelihood {baseRace - race:0.#} higher, more than {OrderTestCritical})")
            : null;
    }

    // Per top party: its fitted multiple and interval, and its p-value under "capacity = k×". A party with no
    // range block has no race to read its speed from: not identified (null) and never flagged (p = 1).
    // A party whose block another shares (`shared`) is not read either.
    private static ((double Multiple, double Low, double? High)?[] Fits, double[] PValues) FitAndTest(InferredDemand demand, int[] top,
        (int Other, int Names, int BlockNames)?[] shared,
        VerdictOptions options, int testSims, ulong streamBase, CancellationToken cancellationToken)
    {
        var fits = new (double Multiple, double Low, double? High)?[top.Length];
        var pValues = new double[top.Length];
        for (var i = 0; i < top.Length; i++)
        {
            var race = demand.RaceOf(top[i]);
            if (race is null || race.ExpectedWanted <= 0 || shared[i] is not null)
            {
                pValues[i] = 1;
                continue;
            }

            fits[i] = CapacityFit.Fit(race);
            pValues[i] = CapacityFit.PValue(race, options.ExcessThreshold, testSims, options.Seed, TestStream + streamBase + ((ulong)i << 16), cancellationToken);
        }

        return (fits, pValues);
    }

    private static ImpliedCapacity Implied(ObservedAllocation observed, InferredDemand demand, int party, int holdings,
        (double Multiple, double Low, double? High)? fit, (double Multiple, double Low, double? High)?[] variants, (int Other, int Names, int BlockNames)? sharedBlock)
    {
        var race = demand.RaceOf(party);
        var listed = race?.Positions ?? 0;
        var lost = race?.ObservedLosses ?? 0;
        var wanted = race?.ExpectedWanted ?? 0;
        var indexOrder = race is { AnyOrder: false };
        if (sharedBlock is { } shared)
        {
            return new ImpliedCapacity(party, observed.PartyLabels[party], holdings, listed, lost, wanted, null, CapacityFit.MinMultiple, null,
                CapacityFit.MinMultiple, null, indexOrder, observed.PartyLabels[shared.Other], shared.Names);
        }

        if (fit is not { } f)
        {
            return new ImpliedCapacity(party, observed.PartyLabels[party], holdings, listed, lost, wanted, null, CapacityFit.MinMultiple, null,
                CapacityFit.MinMultiple, null, indexOrder);
        }

        // A reading in which the multiple is not identified allows any multiple: the union is then unbounded.
        var known = variants.Select(v => v ?? (CapacityFit.MinMultiple, CapacityFit.MinMultiple, null)).ToArray();
        return new ImpliedCapacity(party, observed.PartyLabels[party], holdings, listed, lost, wanted, f.Multiple,
            known.Min(v => v.Low), known.Any(v => v.High is null) ? null : known.Max(v => v.High!.Value), f.Low, f.High, indexOrder);
    }

    private static string Plain(VerdictStatus status, VerdictOptions options, List<SensitivityRow> rows, ImpliedCapacity[] implied,
        string[] flagged, string[] untestable, NullModelSummary equal, NullModelSummary uniform, double explained, CultureInfo inv)
    {
        var k = options.ExcessThreshold.ToString("0.##", inv);
        var text = string.Create(inv,
            $"Concentration alone proves nothing: the two largest holders have {equal.Cr2.Observed:P1} of the names, against {uniform.Cr2.Mean:P1} if every name went to a uniformly chosen participant, but a fair first-come-first-served race concentrates too when a few participants alone ask for whole ranges. ");
        text += string.Create(inv,
            $"With every participant at the same capacity and the demand inferred from the data, the two largest would expect a share of {equal.Cr2.Mean:P1} (95% of runs {equal.Cr2.Low:P1}–{equal.Cr2.High:P1}): demand alone explains {explained:P0} of the observed share. ");
        foreach (var c in implied)
        {
            if (c.BlockNames == 0)
            {
                text += $"{c.Label} holds no block of consecutive names, so its speed cannot be read from the data: no implied capacity. ";
                continue;
            }

            if (c.SharedWith is not null)
            {
                text += string.Create(inv,
                    $"{c.SharedWith} holds {c.SharedNames:N0} of the {c.BlockNames:N0} names of {c.Label}'s blocks: two parties went through the same names (as two that want one range split it at equal capacity, or a lottery between them would), which the race model does not describe, so {c.Label}'s capacity is not read: no implied capacity. ");
                continue;
            }

            var high = c.High is { } h ? h.ToString("0.#", inv) + "×" : "unbounded";
            var unbounded = c.Multiple is null || (c.Low <= CapacityFit.MinMultiple && c.High is null);
            text += string.Create(inv,
                $"{c.Label} lost {c.BlockLosses} of the {c.BlockNames:N0} names of its blocks, where others would be expected to want about {c.ExpectedContested:0} of them; ")
                + (c.IndexOrder ? "" : "where in its list they lay is not read, because its losses do not show that it sent its blocks in index order; ")
                + (unbounded
                    ? string.Create(inv, $"the data do not bound its capacity ({(c.Multiple is { } e ? $"about {e:0.#}×, " : "no estimate, ")}95% interval over the readings of demand {c.Low:0.#}× to {high}). ")
                    : string.Create(inv,
                        $"{(c.IndexOrder ? "how many it lost and how deep in its list they lay" : "how many it lost")} take about {c.Multiple:0.#}× a typical participant's capacity (95% interval over the readings of demand {c.Low:0.#}× to {high}). "));
        }

        text += status switch
        {
            VerdictStatus.ExcessCapacity => string.Create(inv,
                $"Verdict: excess capacity — {string.Join(" and ", flagged)} lost fewer of the names others wanted in their blocks, or lost them later in their lists, than a participant at {k}× a typical capacity would (combined p = {rows[0].PValue:0.####}, one-sided, α = {options.Alpha}), under every reading of demand the data do not contradict."),
            VerdictStatus.NoExcessCapacity => string.Create(inv,
                $"Verdict: no significant excess capacity — no party lost so few of the names others wanted in its blocks, or lost them so late, that it needs more than {k}× a typical capacity (combined p = {rows[0].PValue:0.####}, α = {options.Alpha}), under every reading of demand the data do not contradict."),
            _ when rows.All(r => r.Contradicted is not null || r.ExcessCapacity == rows[0].ExcessCapacity) => string.Create(inv,
                $"Verdict: inconclusive — the data do not bound the capacity of {string.Join(" and ", untestable)}, so whether some party had more than {k}× a typical capacity cannot be told; none is shown to have had more{(implied.Any(c => c.Multiple is not null) ? $" (combined p = {rows[0].PValue:0.####} over the parties that could be tested)" : "")}."),
            _ => string.Create(inv,
                $"Verdict: inconclusive — whether some party had more than {k}× a typical capacity depends on how demand is read ({string.Join(", ", rows.Where(r => r.Contradicted is null).Select(r => $"{r.Variant}: {(r.ExcessCapacity ? "yes" : "no")}"))}); neither answer is supported."),
        };
        if (explained >= NearlyAll)
        {
            text += status == VerdictStatus.ExcessCapacity
                ? " Demand alone explains nearly all of the concentration itself: the excess capacity is read from who won the contested names, not from the share."
                : " Demand alone explains nearly all of the concentration; the few contested names leave the capacities poorly determined (see the intervals).";
        }

        return text;
    }
}
