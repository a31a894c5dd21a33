using System.Globalization;
using Landrush.Analysis.Verdict;
using Landrush.Reports;

namespace Landrush.Cli.Output;

/// <summary>
/// The verdict for a terminal: a headline of one line (<c>verdict: inconclusive — …</c>, under 120 characters), one short
/// line per flagged or top party (its capacity multiple, interval and what it was read from), and where the full
/// reasoning is. The full text stays in the report and in <c>--json</c>; a paragraph of 1,200 characters is not read on
/// a terminal. Built from a few fields of <see cref="VerdictResult"/> only, so that the verdict can change underneath.
/// </summary>
internal static class VerdictSummary
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

    /// <summary><c>verdict: STATUS — why</c>, one line.</summary>
    public static string Headline(VerdictResult result, long holderUnknown)
    {
        ArgumentNullException.ThrowIfNull(result);
        var v = result.Verdict;
        var k = v.Threshold.ToString("0.##", Inv);
        var p = v.PValue is { } pv ? string.Create(Inv, $" (p = {pv:0.###})") : string.Empty;
        var why = v.Status switch
        {
            VerdictStatus.ExcessCapacity => $"{Names(v.Parties)} above {k}× a typical participant's capacity{p}",
            VerdictStatus.NoExcessCapacity => $"no party shown above {k}× a typical capacity{p}{PowerText(v.Power)}",
            VerdictStatus.Inconclusive => Inconclusive(result),
            _ => result.Registered > 0 ? "a single participant holds every name: no one to compare it with"
                : holderUnknown > 0 ? "none of the registered names shows its holder: no parties to compare" : "no registered names",
        };
        return Cut($"verdict: {Words.StatusPhrase(v.Status)} — {why}");
    }

    // Why it is inconclusive, from the fields: a race that does not fit, a test its interval does not bear out, the readings of demand disagree, or the data hardly tell.
    private static string Inconclusive(VerdictResult result)
    {
        // The misfit first, as the report's verdict words give it.
        if (result.ImpliedCapacities.FirstOrDefault(c => c.ModelCheck < Landrush.Analysis.Verdict.Race.RaceTestResult.MisfitLevel && c.PValue <= result.Verdict.Alpha) is { } misfit)
        {
            return $"{misfit.Label}'s losses follow a pattern the race does not make: not read as speed";
        }

        if (result.ImpliedCapacities.FirstOrDefault(c => c.Tested && c.PValue <= result.Verdict.Alpha && c.Low <= result.Verdict.Threshold) is { } borderline)
        {
            return $"the test rejects {result.Verdict.Threshold.ToString("0.##", Inv)}× for {borderline.Label}, but its interval still holds it";
        }

        var readings = result.Sensitivity.Where(r => r.Contradicted is null).Select(r => r.ExcessCapacity).Distinct().Count();
        if (readings > 1)
        {
            return "the readings of demand disagree on excess capacity";
        }

        return "the data hardly tell the capacities apart";
    }

    // "A 5,086 names: multiple 4.2× (95% 1.3–∞×), from where it lost 160 of its 5,125 span names".
    private static string Party(ImpliedCapacity c, bool flagged)
    {
        if (!c.Tested)
        {
            return string.Create(Inv, $"{c.Label} {c.Holdings:N0} names: no numeric span, speed not read");
        }

        var multiple = c.Multiple is { } m ? m.ToString("0.#", Inv) + "×" : c.Above ? $"above {c.Low.ToString("0.#", Inv)}×" : "not identified";
        var high = c.High is { } h ? h.ToString("0.#", Inv) : "∞";
        return string.Create(Inv,
            $"{c.Label}{(flagged ? " (flagged)" : "")} {c.Holdings:N0} names: multiple {multiple} (95% {c.Low:0.#}–{high}×), from where it lost {c.RaceLosses:N0} of its {c.RaceNames:N0} span names");
    }

    // "; power at 5×: 0.62" — how hard it looked.
    private static string PowerText(IReadOnlyList<PowerAt>? power) =>
        power?.FirstOrDefault(x => x.Multiple == 5) is { } five ? string.Create(Inv, $"; power at 5×: {five.Probability:0.00}") : "";

    private static string Names(IReadOnlyList<string> parties) =>
        parties.Count <= 2 ? string.Join(" and ", parties) : string.Create(Inv, $"{parties[0]}, {parties[1]} and {parties.Count - 2} more");

    private static string Cut(string line) => line.Length <= MaxLine ? line : line[..(MaxLine - 1)] + "…";
}
