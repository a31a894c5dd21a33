using System.Globalization;
using Landrush.Analysis.NullModels;
using Landrush.Analysis.Verdict;

namespace Landrush.Reports.Verdict;

/// <summary>
/// The verdict in plain words, composed once from the numbers and reason codes of a <see cref="VerdictResult"/>: the
/// JSON's <c>plain</c>, the text summary, Markdown and HTML all take it from here (through <c>VerdictReport.Plain</c>).
/// </summary>
public static class VerdictWords
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The whole verdict, one paragraph: what concentration says, each party's race, the answer and why.</summary>
    public static string Plain(VerdictResult result) => string.Concat(Pieces(result));

    /// <summary>The same words as <see cref="Plain"/>, a paragraph each: what concentration says, one per party, the answer.</summary>
    public static IReadOnlyList<string> Paragraphs(VerdictResult result) => [.. Pieces(result).Select(p => p.TrimEnd())];

    // Concatenated, the plain words (each piece but the last ends with its space).
    private static List<string> Pieces(VerdictResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var v = result.Verdict;
        if (v.Status == VerdictStatus.Undefined)
        {
            return [Undefined(v.Reason)];
        }

        var uniform = result.NullModels.Single(m => m.Model == NullModelKind.Uniform).Cr2;
        var equal = result.NullModels.Single(m => m.Model == NullModelKind.EqualCapacity).Cr2;
        var intro = string.Create(Inv,
            $"Concentration alone proves nothing: the two largest holders have {equal.Observed:P1} of the names, against {uniform.Mean:P1} if every name went to a uniformly chosen participant, but a fair first-come-first-served race concentrates too when a few participants alone ask for whole ranges. ");
        intro += string.Create(Inv,
            $"With every participant at the same capacity and the demand read from the data, the two largest would expect a share of {equal.Mean:P1} (95% of runs {equal.Low:P1}–{equal.High:P1}): demand alone explains {Math.Min(1, equal.Mean / equal.Observed):P0} of the observed share. ");
        var pieces = new List<string> { intro };
        pieces.AddRange(result.ImpliedCapacities.Select(Party));
        var answer = Answer(result);
        if (v.NearlyAllByDemand)
        {
            answer += v.Status == VerdictStatus.ExcessCapacity
                ? " Demand alone explains nearly all of the concentration itself: the excess capacity is read from who won the contested names, not from the share."
                : " Demand alone explains nearly all of the concentration.";
        }

        pieces.Add(answer);
        return pieces;
    }

    /// <summary>Why a reading of demand was set aside, from its test's numbers: the JSON's <c>contradicted</c>, the text and the report say this.</summary>
    public static string SetAside(PatternContradiction c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return string.Create(Inv,
            $"digit patterns clearly predict which names are registered outside the spans (likelihood ratio {c.Statistic:0.#} > {c.Critical:0.##} = χ²{c.DegreesOfFreedom} at p {c.Level:0.###})");
    }

    /// <summary>Every assumption behind the verdict, one sentence each; an undefined verdict's only one is its words.</summary>
    /// <summary>Spans listed in one party's assumption line before the rest are counted (each is in --json and range-races.csv).</summary>
    public const int SpansListed = 8;

    // A range cut by scattered free names is hundreds of spans: one line lists the first few and counts the rest.
    private static string SpanList(IReadOnlyList<Analysis.Verdict.Spans.SendSpan> spans) =>
        spans.Count <= SpansListed + 2
            ? string.Join("; ", spans.Select(s => s.Summary()))
            : string.Create(Inv, $"{string.Join("; ", spans.Take(SpansListed).Select(s => s.Summary()))}; … and {spans.Count - SpansListed:N0} more (every span in --json and in the report's range-races.csv)");

    public static IReadOnlyList<string> Assumptions(VerdictResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Assumptions is not { } a)
        {
            return [Plain(result)];
        }

        var list = new List<string>
        {
            "Blind first-come-first-served: each participant sends its list in order, its requests arriving as a stream at its capacity; the first request for a free name wins; nobody sees the outcome during the race.",
            string.Create(Inv, $"Spans: {a.Spans} numeric spans of {a.RangeParties} range parties, read along the orders in which ranges are sent — plain numbers across lengths (0, 1, …, 9, 10, …) and zero-padded labels per length — never in index order; a span is a party's densest stretch (at least {a.MinRangeLength} names it holds, at least half of the span) between free names, joined across a stretch it mostly lost or another party's span that split it (read as sent around that span, or through it), never across a free name. Names a range party holds outside its spans are not in its race. A party whose every span is a stretch of one class of numbers (years, area-code-like numbers) is not tested: a collector of that class asks for it in any order."),
            string.Create(Inv, $"Others' demand: the want rate λ of each name from a complementary log-log fit of 'registered' on length and generic digit patterns (repeated digits, runs, repeated pairs, round numbers, year-like, palindromes, leading zeros, area-code-like, round hundreds) outside every span; the lists together are {a.ListFactor:0.##}× the names held outside the spans (Σλ over every name, and at least 1×), shared by what each list's wins stand for (a win of a name of rate λ stands for λ/(1 − e^(−λ)) names listed), {a.Lists:N0} lists{(a.EmptyHanded > 0 ? string.Create(Inv, $", {a.EmptyHanded} of participants who won nothing") : "")}; these lengths are seen only from below (the allocation shows whether a name was wanted, not how many asked for it, and a participant who won nothing only when the participants are counted), and where the lists were longer, others' requests came later than assumed and a multiple read with them is too high{Longer(a.ListScales)}; a list is sent in a weighted random order of weights λ^β, β read by each race among {string.Join(", ", a.Betas.Select(b => b.ToString(Inv)))}; honest capacities log-normal around 1 (σ {a.CapacitySpread}). Each tested party's race reads this demand with the names it holds off its spans counted as names others did not want and its own list left out (it holds them because it wanted them), so its list factor and lists differ from these by its own; and it reads the lists' length again from its own losses (Σλ of its names as its race reads each kind's level, not as the features extrapolate it)."),
            string.Create(Inv, $"Capacity multiples are relative to a typical participant (1): the maximum-likelihood fit (grid {a.LowestMultiple}–{a.HighestMultiple}) of which names of its spans each range party lost and where in its list; the send order of its spans (which first, up or down) chosen by likelihood with others' demand allowed a trend along the numbers in each kind of name (so that demand falling along the numbers is not read as a span sent the other way), then read in that order and the default one (every span upwards); profiled over β, the lists' length, the names it may have sent before its spans (up to its holdings elsewhere times the list factor, or as many as its spans hold: a late start) and the level of others' demand per label length (a log-normal prior whose width is measured outside the spans; where the outside cannot measure it, the prior holds the level only from above: fewer losses than the features expect are read as less demand before they are read as speed); each band of send positions weighed as demand is lumpy outside the spans (σ {a.Lumpiness:0.00} over {VerdictAssumptions.LumpinessWindow} neighbouring names, each kind of name calibrated; quasi-likelihood, and the simulated races draw it); 95% intervals the hull of the multiples whose profile lies within χ²₁/2 of its maximum; nothing is read at an edge of the grid: a maximum there is a bound (above or below), and an interval reaching the floor has no lower end."),
            string.Create(Inv, $"Test per tested party ({a.Tested} range parties among the {a.TestedParties} largest holders): H0 'capacity at most {a.ExcessThreshold}×', statistic the profile likelihood ratio, p-value from {a.TestSims} races simulated under the fitted demand at the restricted maximum ({VerdictOptions.RefinedTestSims} where the first put p within {VerdictOptions.RefineWithin}·α); parties flagged by closed testing with Simes' local tests (Hommel), familywise α = {a.Alpha}. Power: {a.PowerSims} races per party simulated at 3×, 5× and 10× under the demand read at the restricted maximum."),
        };
        list.AddRange(a.Races.Select(r => string.Create(Inv,
            $"{r.Party}: spans {SpanList(r.Spans)}; {r.Lost:N0} of {r.Read:N0} names lost{(r.Read < r.Positions ? string.Create(Inv, $" ({r.Positions - r.Read:N0} more went to another range party or lie in its span: not read)") : "")}; send orders compared: {r.SendOrders}.")));
        return list;
    }

    // The longer lists each race reads beside the lengths the holdings imply.
    private static string Longer(IReadOnlyList<double>? scales) => scales?.Where(x => x != 1).ToArray() is { Length: > 0 } longer
        ? string.Create(Inv, $": each race also reads them {string.Join(" and ", longer.Select(x => x.ToString(Inv) + "×"))} as long and keeps the likelier, so that its interval and its test allow either")
        : "";

    private static string Undefined(VerdictReason reason) => reason == VerdictReason.NoRegisteredNames
        ? "No registered names: concentration, null models and the verdict are undefined."
        : "A single participant holds every name: concentration is total by definition, and there is no one to compare its capacity with; null models and the verdict are undefined.";

    // "Verdict: …": the answer, worded by its reason.
    private static string Answer(VerdictResult result)
    {
        var v = result.Verdict;
        var k = v.Threshold.ToString("0.##", Inv);
        var rows = result.Sensitivity;
        return v.Reason switch
        {
            VerdictReason.PartiesFlagged => string.Create(Inv,
                $"Verdict: excess capacity — {string.Join(" and ", v.Parties)} kept names others wanted deeper into their lists than a participant at {k}× a typical capacity could (combined p = {rows[0].PValue:0.####}, one-sided, familywise α = {v.Alpha})."),
            VerdictReason.NoPartyShown when Unread(result) is { Count: > 0 } => string.Create(Inv,
                $"Verdict: no significant excess capacity — no party whose speed could be read needed more than {k}× a typical capacity to win what it won (combined p = {rows[0].PValue:0.####}, α = {v.Alpha}); {UnreadWords(result)}. ")
                + Power(result),
            VerdictReason.NoPartyShown or VerdictReason.NoPartyTestable => string.Create(Inv,
                $"Verdict: no significant excess capacity — no party needed more than {k}× a typical capacity to win what it won (combined p = {rows[0].PValue:0.####}, α = {v.Alpha}). ")
                + Power(result),
            VerdictReason.RaceMisfit => string.Create(Inv,
                $"Verdict: inconclusive — {string.Join(" and ", v.Misfit)} lost names in a pattern the race does not make even at its best fit (a stretch of names more wanted than their features say would do it), so its losses cannot be read as a speed; no other party needed more than {k}× a typical capacity."),
            VerdictReason.BorderlineInterval => string.Create(Inv,
                $"Verdict: inconclusive — the test rejects {k}× for {string.Join(" and ", v.Borderline)}, but its 95% interval still holds {k}×: the data do not settle whether it was faster than that; no other party was shown to need more than {k}× a typical capacity."),
            _ => string.Create(Inv,
                $"Verdict: inconclusive — whether some party had more than {k}× a typical capacity depends on a reading of demand the data do not contradict ({string.Join(", ", rows.Where(r => r.Contradiction is null).Select(r => string.Create(Inv, $"{r.Variant}: {(r.ExcessCapacity ? "yes" : "no")}, p = {r.PValue:0.####}")))})."),
        };
    }

    /// <summary>The top holders whose speed was not read (no numeric span, or only stretches of one class of numbers): "no excess" does not speak for them.</summary>
    internal static IReadOnlyList<string> Unread(VerdictResult result) => [.. result.ImpliedCapacities.Where(c => !c.Tested).Select(c => c.Label)];

    // An untested party whose spans are all stretches of one class of numbers: a collection sent in any order.
    private static bool ClassOnly(ImpliedCapacity c) => !c.Tested && c.OnlyStretchClasses;

    // "C holds no numeric span, so its speed was not read; D holds only …": the unread top holders, each with why.
    private static string UnreadWords(VerdictResult result)
    {
        var noSpan = result.ImpliedCapacities.Where(c => !c.Tested && !ClassOnly(c)).Select(c => c.Label).ToList();
        var classOnly = result.ImpliedCapacities.Where(ClassOnly).Select(c => c.Label).ToList();
        var parts = new List<string>();
        if (noSpan.Count > 0)
        {
            parts.Add($"{string.Join(" and ", noSpan)} {(noSpan.Count == 1 ? "holds no numeric span, so its speed was" : "hold no numeric span, so their speed was")} not read");
        }

        if (classOnly.Count > 0)
        {
            parts.Add($"{string.Join(" and ", classOnly)} {(classOnly.Count == 1 ? "holds only stretches of one class of numbers, which a collector asks for in any order, so its speed was" : "hold only stretches of one class of numbers, which a collector asks for in any order, so their speed was")} not read");
        }

        return string.Join("; ", parts);
    }

    private static string Party(ImpliedCapacity c)
    {
        if (ClassOnly(c))
        {
            return $"{c.Label} holds only stretches of one class of numbers ({string.Join(", ", c.Spans.Select(s => s.Describe()))}: years or area-code-like numbers), which a collector asks for in any order, so the order of its list and its speed cannot be read from the data: no implied capacity. ";
        }

        if (!c.Tested)
        {
            return $"{c.Label} holds no numeric span that it could have sent as a range, so its speed cannot be read from the data: no implied capacity. ";
        }

        var reading = c.Multiple is { } m
            ? string.Create(Inv, $"about {m:0.#}× a typical participant's capacity (95% interval {MultipleWords.Interval(c.Range, "0.#", "×")})")
            : c.Above
                ? string.Create(Inv, $"above {c.Low:0.#}× a typical participant's capacity (the data bound it only from below)")
                : c.Below
                    ? string.Create(Inv, $"below {c.High:0.#}× a typical participant's capacity (it fits best at the slowest multiple searched, so the data bound it only from above)")
                    : "a capacity the data do not bound";
        return string.Create(Inv,
            $"{c.Label} lost {c.RaceLosses:N0} of the {c.RaceNames:N0} names of its spans ({c.SendOrder}){NotRead(c)}, where others were expected to want about {c.ExpectedWanted:0} of {Read(c)}; where its losses fall in its list takes {reading}. ");
    }

    // The names its race reads, of which others' expected wants are told: all of them, or those it reads.
    private static string Read(ImpliedCapacity c) =>
        c.RaceRead > 0 && c.RaceRead < c.RaceNames ? string.Create(Inv, $"the {c.RaceRead:N0} it reads")
        : c.RaceRead == 0 && c.RaceNotRead > 0 ? "the rest"
        : "them";

    // Names of its spans another range party won: lost, but to that party's race, not to others' demand.
    private static string NotRead(ImpliedCapacity c) => c.RaceNotRead > 0
        ? string.Create(Inv, $" ({c.RaceNotRead:N0} of them to another range party that sent them too, or in its span: not read as others' demand)")
        : "";

    private static string Power(VerdictResult result)
    {
        var v = result.Verdict;
        if (v.Reason == VerdictReason.NoPartyTestable)
        {
            return result.ImpliedCapacities.Any(ClassOnly)
                ? "No large holder sent a numeric range whose order could be read (a stretch of one class of numbers may be a collection sent in any order), and only a range shows its sender's speed: this landrush's data could not have shown excess capacity (power 0 at 3×, 5× and 10×)."
                : "No large holder sent a numeric range, and only a range shows its sender's speed: this landrush's data could not have shown excess capacity (power 0 at 3×, 5× and 10×).";
        }

        return string.Create(Inv,
            $"How hard it looked: a party at 3×, 5× and 10× would have been flagged with probability {string.Join(", ", (v.Power ?? []).Select(p => p.Probability.ToString("0.00", Inv)))}.");
    }
}
