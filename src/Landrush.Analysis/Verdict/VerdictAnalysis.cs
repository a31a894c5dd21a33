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
        var variants = options.Sensitivity ? DemandVariant.All : [DemandVariant.Base];
        var rows = new List<SensitivityRow>();
        (double Multiple, double Low, double? High)?[] baseFits = [];
        var allFits = new List<(double Multiple, double Low, double? High)?[]>();
        double[] basePValues = [];
        for (var v = 0; v < variants.Count; v++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new VerdictProgress("capacity fits and tests per demand variant", v, variants.Count));
            var isBase = v == 0;
            var demand = isBase ? baseDemand : DemandInference.Infer(observed, variants[v], options.MinRangeLength, options.Seed);
            var fitSims = isBase ? options.FitSims : Math.Min(options.FitSims, options.SensitivitySims);
            var testSims = isBase ? options.TestSims : options.SensitivitySims;
            var streamBase = isBase ? 0UL : SensitivityStream + ((ulong)v << 24);
            var (fits, pValues) = FitAndTest(demand, top, options, fitSims, testSims, streamBase, cancellationToken);
            allFits.Add(fits);
            var expected = isBase
                ? equal.Cr2.Mean
                : NullModelSimulation.EqualCapacityStatistics(demand.Contest, options.SensitivitySims, options.Seed, cancellationToken).Cr2.Average();
            var minP = pValues.Length == 0 ? 1 : Math.Min(1, pValues.Min() * pValues.Length);
            rows.Add(new SensitivityRow(variants[v].Name, variants[v].Describe(), minP <= options.Alpha, minP,
                [.. fits.Select(f => f?.Multiple)], demand.Contest.ContestedNames.Count, expected, Math.Min(1, expected / equal.Cr2.Observed)));
            if (isBase)
            {
                baseFits = fits;
                basePValues = pValues;
            }
        }

        progress?.Report(new VerdictProgress("capacity fits and tests per demand variant", variants.Count, variants.Count));
        var implied = top.Select((p, i) => Implied(observed, baseDemand, p, holdings[p], baseFits[i], allFits.Select(f => f[i]).ToArray())).ToArray();
        var flagged = top.Where((_, i) => basePValues[i] * basePValues.Length <= options.Alpha).Select(p => observed.PartyLabels[p]).ToArray();
        var baseExcess = rows[0].ExcessCapacity;
        var status = rows.Any(r => r.ExcessCapacity != baseExcess)
            ? VerdictStatus.Inconclusive
            : baseExcess ? VerdictStatus.ExcessCapacity : VerdictStatus.NoExcessCapacity;
        var explained = Math.Min(1, equal.Cr2.Mean / equal.Cr2.Observed);
        var plain = Plain(status, options, rows, implied, flagged, equal, models[0], explained, inv);
        var verdict = new CapacityVerdict(status, status == VerdictStatus.Inconclusive ? null : baseExcess, rows[0].PValue, flagged,
            explained, equal.Cr2.Mean, equal.Cr2.Observed, options.ExcessThreshold, options.Alpha, plain);
        var assumptions = new List<string>(baseDemand.Assumptions)
        {
            string.Create(inv, $"Capacity multiples are relative to a typical participant (1), read from each range party's race through its blocks (the names it lost there); fitted on a grid {CapacityFit.MinMultiple}–{CapacityFit.MaxMultiple} by {options.FitSims} runs per point; 95% intervals by inverting the simulated 2.5%/97.5% quantiles, widened to cover every demand variant's interval."),
            string.Create(inv, $"Verdict test per top party: H0 'capacity = {options.ExcessThreshold}×' statistic the names it lost in its blocks (fewer = faster), {options.TestSims} runs, one-sided α = {options.Alpha} shared by Bonferroni over {top.Length} parties."),
            "A uniform slowdown of every stream does not change a blind race's outcome: capacity is each party's share of the registry's intake.",
            $"Sensitivity: {rows.Count} demand variants ({string.Join(", ", rows.Select(r => r.Variant))}); a verdict that differs between them is reported as inconclusive.",
        };
        return new VerdictResult(observed.Registered, participants, options.Seed, models, implied, verdict, rows, baseDemand.Ranges, assumptions);
    }

    // Per top party: its fitted multiple and interval, and its p-value under "capacity = k×". A party with no
    // range block has no race to read its speed from: not identified (null) and never flagged (p = 1).
    private static ((double Multiple, double Low, double? High)?[] Fits, double[] PValues) FitAndTest(InferredDemand demand, int[] top,
        VerdictOptions options, int fitSims, int testSims, ulong streamBase, CancellationToken cancellationToken)
    {
        var fits = new (double Multiple, double Low, double? High)?[top.Length];
        var pValues = new double[top.Length];
        for (var i = 0; i < top.Length; i++)
        {
            var race = demand.RaceOf(top[i]);
            if (race is null || race.ExpectedWanted <= 0)
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
        (double Multiple, double Low, double? High)? fit, (double Multiple, double Low, double? High)?[] variants)
    {
        var race = demand.RaceOf(party);
        var listed = race?.Positions ?? 0;
        var lost = race?.ObservedLosses ?? 0;
        var wanted = race?.ExpectedWanted ?? 0;
        if (fit is not { } f)
        {
            return new ImpliedCapacity(party, observed.PartyLabels[party], holdings, listed, lost, wanted, null, CapacityFit.MinMultiple, null,
                CapacityFit.MinMultiple, null);
        }

        var known = variants.Where(v => v is not null).Select(v => v!.Value).ToArray();
        return new ImpliedCapacity(party, observed.PartyLabels[party], holdings, listed, lost, wanted, f.Multiple,
            known.Min(v => v.Low), known.Any(v => v.High is null) ? null : known.Max(v => v.High!.Value), f.Low, f.High);
    }

    private static string Plain(VerdictStatus status, VerdictOptions options, List<SensitivityRow> rows, ImpliedCapacity[] implied,
        string[] flagged, NullModelSummary equal, NullModelSummary uniform, double explained, CultureInfo inv)
    {
        var k = options.ExcessThreshold.ToString("0.##", inv);
        var text = string.Create(inv,
            $"Concentration alone proves nothing: the two largest holders have {equal.Cr2.Observed:P1} of the names, against {uniform.Cr2.Mean:P1} if every name went to a uniformly chosen participant, but a fair first-come-first-served race concentrates too when a few participants alone ask for whole ranges. ");
        text += string.Create(inv,
            $"With every participant at the same capacity and the demand inferred from the data, the two largest would expect a share of {equal.Cr2.Mean:P1} (95% of runs {equal.Cr2.Low:P1}–{equal.Cr2.High:P1}): demand alone explains {explained:P0} of the observed share. ");
        foreach (var c in implied)
        {
            if (c.Multiple is not { } m)
            {
                text += $"{c.Label} holds no block of consecutive names, so its speed cannot be read from the data: no implied capacity. ";
                continue;
            }

            var high = c.High is { } h ? h.ToString("0.#", inv) + "×" : "unbounded";
            text += string.Create(inv,
                $"{c.Label} lost {c.BlockLosses} of the {c.BlockNames:N0} names of its blocks, where others would be expected to want about {c.ExpectedContested:0} of them; that takes about {m:0.#}× a typical participant's capacity (95% interval over the demand variants {c.Low:0.#}× to {high}). ");
        }

        text += status switch
        {
            VerdictStatus.ExcessCapacity => string.Create(inv,
                $"Verdict: excess capacity — {string.Join(" and ", flagged)} lost fewer names of their blocks to others than a participant at {k}× a typical capacity would (p = {rows[0].PValue:0.####}, one-sided, α = {options.Alpha}), under every demand variant tried."),
            VerdictStatus.NoExcessCapacity => string.Create(inv,
                $"Verdict: no significant excess capacity — no party lost so few names of its blocks that it needs more than {k}× a typical capacity (smallest p = {rows[0].PValue:0.####}, α = {options.Alpha}), under every demand variant tried."),
            _ => string.Create(inv,
                $"Verdict: inconclusive — whether some party had more than {k}× a typical capacity depends on how demand is read ({string.Join(", ", rows.Select(r => $"{r.Variant}: {(r.ExcessCapacity ? "yes" : "no")}"))}); neither answer is supported."),
        };
        return text;
    }
}
