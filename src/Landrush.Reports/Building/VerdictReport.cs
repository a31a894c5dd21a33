using System.Globalization;
using Landrush.Analysis.NullModels;
using Landrush.Analysis.Verdict;
using Landrush.Reports.Figures;
using Landrush.Reports.Model;
using Landrush.Reports.Text;
using Landrush.Reports.Verdict;
using FigureSensitivity = Landrush.Reports.Figures.SensitivityRow;

namespace Landrush.Reports.Building;

/// <summary>
/// Puts a verdict (<see cref="VerdictAnalysis.Run"/>) into report inputs: the verdict in plain words, each
/// null model's CR2 (its runs when given, else its summary), the implied capacity multiples, the capture of
/// contested names, the sensitivity over demand variants, the fair references of HHI and Gini, the range
/// blocks and every assumption, with the verdict's seed.
/// </summary>
public static class VerdictReport
{
    /// <param name="inputs">The inputs to extend.</param>
    /// <param name="result">The verdict's result.</param>
    /// <param name="cr2Runs">Per-run CR2 of the models whose runs were kept (drawn as histograms); others are drawn from their summaries.</param>
    public static ReportInputs With(ReportInputs inputs, VerdictResult result, IReadOnlyDictionary<NullModelKind, double[]>? cr2Runs = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(result);
        var inv = CultureInfo.InvariantCulture;
        var models = result.NullModels.Select(m => cr2Runs is not null && cr2Runs.TryGetValue(m.Model, out var runs)
            ? new NullModelDistribution(Words.ModelName(m.Model), runs, m.Cr2.Observed, m.Cr2.PValue)
            : NullModelDistribution.FromSummary(Words.ModelName(m.Model), m.Runs, m.Cr2.Observed, m.Cr2.Mean, m.Cr2.Low, m.Cr2.High, m.Cr2.PValue)
                with
            { Histogram = m.Cr2.Histogram }).ToList();
        var v = result.Verdict;
        var verdict = Paragraphs(result, inputs.HolderUnknown).ToList();
        if (v.PValue is { } p)
        {
            verdict.Add(string.Create(inv, $"Test: a party's capacity above {v.Threshold}× a typical participant's, one-sided familywise α = {v.Alpha} over the parties tested; combined p = {p:0.####}."));
        }

        var multipleKnown = result.Sensitivity.Any(r => r.Multiples.Count > 0 && r.Multiples[0].Multiple is not null);
        return inputs with
        {
            Seed = result.Seed,
            UndefinedBecause = v.Status != VerdictStatus.Undefined ? null
                : result.Registered == 0 && inputs.HolderUnknown > 0
                    ? string.Create(inv, $"none of the {inputs.HolderUnknown:N0} registered names shows its holder: the fair-allocation models, capacities and verdict are undefined")
                : result.Registered == 0 ? "no registered names: the fair-allocation models, capacities and verdict are undefined"
                : "a single party holds every name: with no one to compare it with, the fair-allocation models, capacities and verdict are undefined",
            Headline = VerdictSummary.Sentence(result, inputs.HolderUnknown),
            Verdict = verdict,
            NullModels = models,
            // A party with a race whose capacity the data do not bound is shown too: its interval, with no estimate.
            Capacity = [.. result.ImpliedCapacities.Where(c => c.Tested)
                .Select(c => new CapacityMultiple(c.Label, c.Multiple ?? double.NaN, c.Low, c.High ?? double.NaN) { Identified = c.Identified })],
            CapacityReference = "a typical participant",
            // Share of its spans' names a party kept: what others also wanted is where it won or lost.
            Premium = [.. result.ImpliedCapacities.Where(c => c.RaceNames > 0)
                .Select(c => new PremiumCapture($"names of {c.Label}'s spans", 1 - ((double)c.RaceLosses / c.RaceNames)))],
            PremiumHolders = "the party whose spans they are",
            // The largest party's multiple per reading; where no reading bounds it, what demand alone explains instead.
            Sensitivity = multipleKnown
                ? [.. result.Sensitivity.Where(r => r.Multiples.Count > 0 && r.Multiples[0].Multiple is not null)
                    .Select(r => new FigureSensitivity(r.Variant, r.Multiples[0].Multiple!.Value))]
                : [.. result.Sensitivity.Select(r => new FigureSensitivity(r.Variant, 100 * r.ExplainedByDemand))],
            SensitivityQuantity = multipleKnown
                ? "implied capacity multiple of the largest party (× a typical participant)"
                : "share of the observed CR2 that demand alone explains (%; no reading bounds the largest party's capacity)",
            Indicators = [.. inputs.Indicators, .. Indicators(result, inputs.HolderUnknown)],
            Tables = [.. inputs.Tables, .. Tables(result)],
            Assumptions = [.. inputs.Assumptions, .. Assumptions(result, inputs.HolderUnknown)],
        };
    }

    /// <summary>The verdict's words as <see cref="Plain"/> gives them, a paragraph each: concentration, one per party, the answer.</summary>
    public static IReadOnlyList<string> Paragraphs(VerdictResult result, long holderUnknown)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Registered == 0 && holderUnknown > 0 ? [Plain(result, holderUnknown)] : VerdictWords.Paragraphs(result);
    }

    // The verdict's indicators, each marked against a fair race; the capacity verdict's reading is its headline's reason, not its whole words.
    private static List<ReportIndicator> Indicators(VerdictResult result, long holderUnknown)
    {
        var inv = CultureInfo.InvariantCulture;
        var v = result.Verdict;
        var indicators = new List<ReportIndicator>
        {
            new("Verdict on capacity", Words.Status(v.Status), string.Create(inv, $"k = {v.Threshold}×, α = {v.Alpha}"),
                VerdictSummary.Why(result, holderUnknown), IndicatorMarks.OfVerdict(v.Status)),
        };
        if (v.ExplainedByDemand is { } explained)
        {
            indicators.Add(new("Concentration explained by demand", string.Create(inv, $"{100 * explained:0.0}%"),
                string.Create(inv, $"equal-capacity mean CR2 {100 * (v.ExpectedCr2 ?? double.NaN):0.0}% against observed {100 * (v.ObservedCr2 ?? double.NaN):0.0}%"),
                "The share of the observed CR2 that a fair race over the inferred demand gives on average."));
        }

        if (result.NullModels.Count > 0)
        {
            var m0 = result.NullModels[0];
            indicators.Add(new(ReportBuilder.HhiIndicator, m0.Hhi.Observed.ToString("N0", inv),
                string.Join("; ", result.NullModels.Select(m => string.Create(inv, $"{Words.ModelName(m.Model)}: 95% of runs {m.Hhi.Low:N0}–{m.Hhi.High:N0}, p = {m.Hhi.PValue:0.####}"))),
                "Above 1,800 counts as highly concentrated in merger review (2023 US guidelines); set against each fair model.",
                IndicatorMarks.AgainstFairModels(m0.Hhi.Observed, result.NullModels.Select(m => m.Hhi.High))));
            indicators.Add(new(ReportBuilder.GiniIndicator, m0.Gini.Observed.ToString("0.000", inv),
                string.Join("; ", result.NullModels.Select(m => string.Create(inv, $"{Words.ModelName(m.Model)}: 95% of runs {m.Gini.Low:0.000}–{m.Gini.High:0.000}"))),
                "0 is equal holdings; 1 is one party holding everything (over the models' participants).",
                IndicatorMarks.AgainstFairModels(m0.Gini.Observed, result.NullModels.Select(m => m.Gini.High))));
        }

        return indicators;
    }

    // The verdict under each reading of demand, and each large party's race.
    private static IEnumerable<ReportTable> Tables(VerdictResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        if (result.Sensitivity.Count > 0)
        {
            yield return new ReportTable("sensitivity-variants", "The verdict under each reading of demand",
                ["variant", "description", "excess capacity", "combined p", "implied multiples (×)", "contested names", "equal-capacity CR2 (%)", "explained by demand (%)"],
                [.. result.Sensitivity.Select(r => (IReadOnlyList<string>)
                [
                    r.Variant, r.Contradiction is { } why ? $"{r.Description} (set aside: {VerdictWords.SetAside(why)})" : r.Description, r.ExcessCapacity ? "yes" : "no", r.PValue.ToString("0.####", inv),
                    string.Join(" / ", r.Multiples.Select(m => MultipleWords.Reading(m, "0.0", "", "n/a"))), r.ContestedNames.ToString(inv),
                    (100 * r.ExpectedCr2).ToString("0.0", inv), (100 * r.ExplainedByDemand).ToString("0.0", inv),
                ])]);
        }

        if (result.ImpliedCapacities.Count > 0)
        {
            yield return new ReportTable("range-races", "The largest parties' races through their spans",
                ["party", "names held", "spans", "send order read", "span names", "of those lost to others", "others expected to want", "implied multiple (×)", "low", "high", "p (at most k×)", "power at 3× / 5× / 10×"],
                [.. result.ImpliedCapacities.Select(c => (IReadOnlyList<string>)
                [
                    c.Label, c.Holdings.ToString(inv), c.Spans.Count == 0 ? "none" : string.Join("; ", c.Spans.Select(s => s.Summary())),
                    c.SendOrder ?? "no race", c.RaceNames.ToString(inv), c.RaceLosses.ToString(inv), c.ExpectedWanted.ToString("0.0", inv),
                    MultipleWords.Reading(c.Range, "0.00", ""),
                    c.Identified ? c.Low.ToString("0.00", inv) : "",
                    c.High is { } h ? h.ToString("0.00", inv) : c.Identified ? "unbounded" : "",
                    c.PValue is { } p ? p.ToString("0.####", inv) : "not tested",
                    c.Power.Count == 0 ? "" : string.Join(" / ", c.Power.Select(x => x.Probability.ToString("0.00", inv))),
                ])]);
        }
    }

    /// <summary>
    /// The verdict in plain words, counting as registered the names whose holder does not show
    /// (<paramref name="holderUnknown"/>, e.g. a partial harvest's DNS-only rows): with none that shows one, the verdict
    /// is undefined for want of parties, not of registered names.
    /// </summary>
    public static string Plain(VerdictResult result, long holderUnknown)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Registered == 0 && holderUnknown > 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"None of the {holderUnknown:N0} registered names shows its holder (no registrant, registrar or name servers, e.g. names a harvest knows only from DNS): there are no parties to compare, so concentration, null models and the verdict are undefined.")
            : VerdictWords.Plain(result);
    }

    /// <summary>The verdict's assumptions in words; an undefined verdict's are its plain words as <see cref="Plain"/> gives them.</summary>
    public static IEnumerable<string> Assumptions(VerdictResult result, long holderUnknown)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Assumptions is null ? [Plain(result, holderUnknown)] : VerdictWords.Assumptions(result);
    }
}
