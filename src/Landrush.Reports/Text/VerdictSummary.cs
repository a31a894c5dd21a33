using System.Globalization;
using Landrush.Analysis.Verdict;
using Landrush.Reports.Verdict;

namespace Landrush.Reports.Text;

/// <summary>
/// The verdict for a terminal: a headline of one line (<c>verdict: inconclusive — …</c>, under 120 characters), one short
/// line per flagged or top party (its capacity multiple, interval and what it was read from), and where the full
/// reasoning is. The full text stays in the report and in <c>--json</c>; a paragraph of 1,200 characters is not read on
/// a terminal. Built from a few fields of <see cref="VerdictResult"/> and its reason code only, so that the verdict can change
/// underneath. The report opens with the same headline.
/// </summary>
public static class VerdictSummary
{
    /// <summary>Longest line this prints (shorter than a terminal that is not wide).</summary>
    public const int MaxLine = 119;

    /// <summary>Top parties listed besides the flagged ones.</summary>
    private const int TopParties = 3;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The lines: headline, parties, and <paramref name="reasoning"/> (where the full text is).</summary>
    public static IReadOnlyList<string> Lines(VerdictResult result, long holderUnknown, string reasoning)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = new List<string> { Headline(result, holderUnknown) };
        var flagged = result.Verdict.Parties.ToHashSet(StringComparer.Ordinal);
        var parties = result.ImpliedCapacities.Where((c, i) => i < TopParties || flagged.Contains(c.Label));
        lines.AddRange(parties.Select(c => Cut("  " + Party(c, flagged.Contains(c.Label)))));
        // Not cut: it names a path.
        lines.Add("full reasoning: " + reasoning);
        return lines;
    }

    /// <summary><c>verdict: STATUS — why</c>, one line (cut to <see cref="MaxLine"/>).</summary>
    public static string Headline(VerdictResult result, long holderUnknown) => Cut(Sentence(result, holderUnknown));

    /// <summary>The headline whole, as the report opens with it: <c>verdict: STATUS — why</c>.</summary>
    public static string Sentence(VerdictResult result, long holderUnknown)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"verdict: {Words.StatusPhrase(result.Verdict.Status)} — {Why(result, holderUnknown)}";
    }

    /// <summary>Why the status is what it is, in a few words (the headline after its dash; the report's capacity indicator).</summary>
    public static string Why(VerdictResult result, long holderUnknown)
    {
        ArgumentNullException.ThrowIfNull(result);
        var v = result.Verdict;
        var k = v.Threshold.ToString("0.##", Inv);
        var p = v.PValue is { } pv ? string.Create(Inv, $" (p = {pv:0.###})") : string.Empty;
        return v.Status switch
        {
            VerdictStatus.ExcessCapacity => $"{Names(v.Parties)} above {k}× a typical participant's capacity{p}",
            // Where top holders were not read, "no party" would speak for them too.
            VerdictStatus.NoExcessCapacity when v.Reason == VerdictReason.NoPartyTestable =>
                result.ImpliedCapacities.Any(c => !c.Tested && c.OnlyStretchClasses)
                    ? $"no party shown above {k}×: no top holder's range could be read (power 0)"
                    : $"no party shown above {k}×: no top holder sent a range, so none could be (power 0)",
            VerdictStatus.NoExcessCapacity when VerdictWords.Unread(result) is { Count: > 0 } unread =>
                string.Create(Inv, $"no party shown above {k}× among those read{p}{PowerText(v.Power)}; {unread.Count} not read"),
            VerdictStatus.NoExcessCapacity => $"no party shown above {k}× a typical capacity{p}{PowerText(v.Power)}",
            VerdictStatus.Inconclusive => Inconclusive(v),
            _ => result.Registered > 0 ? "a single participant holds every name: no one to compare it with"
                : holderUnknown > 0 ? "none of the registered names shows its holder: no parties to compare" : "no registered names",
        };
    }

    // Why it is inconclusive, from its reason: a race that does not fit, a test its interval does not bear out, or the readings of demand disagree.
    private static string Inconclusive(CapacityVerdict v) => v.Reason switch
    {
        VerdictReason.RaceMisfit => $"{v.Misfit[0]}'s losses follow a pattern the race does not make: not read as speed",
        VerdictReason.BorderlineInterval => $"the test rejects {v.Threshold.ToString("0.##", Inv)}× for {v.Borderline[0]}, but its interval still holds it",
        _ => "the readings of demand disagree on excess capacity",
    };

    // "A 5,086 names: multiple 4.2× (95% 1.3–∞×), from where it lost 160 of its 5,125 span names"; "multiple below 1.4×" alone.
    private static string Party(ImpliedCapacity c, bool flagged)
    {
        if (!c.Tested)
        {
            return string.Create(Inv, $"{c.Label} {c.Holdings:N0} names: {(c.OnlyStretchClasses ? "only stretches of one class of numbers (a collection in any order)" : "no numeric span")}, speed not read");
        }

        var interval = MultipleWords.Interval(c.Range, "0.#", "×", "–", "∞×") is { } i ? $" (95% {i})" : "";
        return string.Create(Inv,
            $"{c.Label}{(flagged ? " (flagged)" : "")} {c.Holdings:N0} names: multiple {MultipleWords.Reading(c.Range, "0.#", "×")}{interval}, from where it lost {c.RaceLosses:N0} of its {c.RaceNames:N0} span names");
    }

    // "; power at 5×: 0.62" — how hard it looked.
    private static string PowerText(IReadOnlyList<PowerAt>? power) =>
        power?.FirstOrDefault(x => x.Multiple == 5) is { } five ? string.Create(Inv, $"; power at 5×: {five.Probability:0.00}") : "";

    private static string Names(IReadOnlyList<string> parties) =>
        parties.Count <= 2 ? string.Join(" and ", parties) : string.Create(Inv, $"{parties[0]}, {parties[1]} and {parties.Count - 2} more");

    private static string Cut(string line) => line.Length <= MaxLine ? line : line[..(MaxLine - 1)] + "…";
}
