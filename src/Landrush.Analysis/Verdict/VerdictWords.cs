using System.Globalization;
using Landrush.Analysis.NullModels;

namespace Landrush.Analysis.Verdict;

/// <summary>The verdict in plain words, from its numbers.</summary>
internal static class VerdictWords
{
    public static string Plain(VerdictStatus status, VerdictOptions options, List<SensitivityRow> rows, ImpliedCapacity[] implied, string[] flagged,
        string[] misfit, string[] borderline, IReadOnlyList<PowerAt> power, NullModelSummary equal, NullModelSummary uniform, bool nearlyAll)
    {
        var inv = CultureInfo.InvariantCulture;
        var k = options.ExcessThreshold.ToString("0.##", inv);
        var text = string.Create(inv,
            $"Concentration alone proves nothing: the two largest holders have {equal.Cr2.Observed:P1} of the names, against {uniform.Cr2.Mean:P1} if every name went to a uniformly chosen participant, but a fair first-come-first-served race concentrates too when a few participants alone ask for whole ranges. ");
        text += string.Create(inv,
            $"With every participant at the same capacity and the demand read from the data, the two largest would expect a share of {equal.Cr2.Mean:P1} (95% of runs {equal.Cr2.Low:P1}–{equal.Cr2.High:P1}): demand alone explains {Math.Min(1, equal.Cr2.Mean / equal.Cr2.Observed):P0} of the observed share. ");
        foreach (var c in implied)
        {
            text += Party(c, inv);
        }

        text += status switch
        {
            VerdictStatus.ExcessCapacity => string.Create(inv,
                $"Verdict: excess capacity — {string.Join(" and ", flagged)} kept names others wanted deeper into their lists than a participant at {k}× a typical capacity could (combined p = {rows[0].PValue:0.####}, one-sided, familywise α = {options.Alpha})."),
            VerdictStatus.NoExcessCapacity => string.Create(inv,
                $"Verdict: no significant excess capacity — no party needed more than {k}× a typical capacity to win what it won (combined p = {rows[0].PValue:0.####}, α = {options.Alpha}). ")
                + Power(power, implied.Any(c => c.Tested), inv),
            _ when misfit.Length > 0 => string.Create(inv,
                $"Verdict: inconclusive — {string.Join(" and ", misfit)} lost names in a pattern the race does not make even at its best fit (a stretch of names more wanted than their features say would do it), so its losses cannot be read as a speed; no other party needed more than {k}× a typical capacity."),
            _ when borderline.Length > 0 => string.Create(inv,
                $"Verdict: inconclusive — the test rejects {k}× for {string.Join(" and ", borderline)}, but its 95% interval still holds {k}×: the data do not settle whether it was faster than that; no other party was shown to need more than {k}× a typical capacity."),
            _ => string.Create(inv,
                $"Verdict: inconclusive — whether some party had more than {k}× a typical capacity depends on a reading of demand the data do not contradict ({string.Join(", ", rows.Where(r => r.Contradicted is null).Select(r => $"{r.Variant}: {(r.ExcessCapacity ? "yes" : "no")}, p = {r.PValue:0.####}"))})."),
        };
        if (nearlyAll)
        {
            text += status == VerdictStatus.ExcessCapacity
                ? " Demand alone explains nearly all of the concentration itself: the excess capacity is read from who won the contested names, not from the share."
                : " Demand alone explains nearly all of the concentration.";
        }

        return text;
    }

    private static string Party(ImpliedCapacity c, CultureInfo inv)
    {
        if (!c.Tested)
        {
            return $"{c.Label} holds no numeric span that it could have sent as a range, so its speed cannot be read from the data: no implied capacity. ";
        }

        var reading = c.Multiple is { } m
            ? string.Create(inv, $"about {m:0.#}× a typical participant's capacity (95% interval {c.Low:0.#}× to {(c.High is { } h ? $"{h:0.#}×" : "unbounded")})")
            : c.Above
                ? string.Create(inv, $"above {c.Low:0.#}× a typical participant's capacity (the data bound it only from below)")
                : "a capacity the data do not bound";
        return string.Create(inv,
            $"{c.Label} lost {c.RaceLosses:N0} of the {c.RaceNames:N0} names of its spans ({c.SendOrder}), where others were expected to want about {c.ExpectedWanted:0} of them; where its losses fall in its list takes {reading}. ");
    }

    private static string Power(IReadOnlyList<PowerAt> power, bool anyTested, CultureInfo inv)
    {
        if (!anyTested)
        {
            return "No large holder sent a numeric range, and only a range shows its sender's speed: this landrush's data could not have shown excess capacity (power 0 at 3×, 5× and 10×).";
        }

        return string.Create(inv,
            $"How hard it looked: a party at 3×, 5× and 10× would have been flagged with probability {string.Join(", ", power.Select(p => p.Probability.ToString("0.00", inv)))}.");
    }
}
