using Landrush.Analysis.NullModels;
using Landrush.Analysis.Verdict;
using Landrush.Reports.Building;
using Landrush.Reports.Json;
using Landrush.Reports.Text;
using Landrush.Reports.Verdict;

namespace Landrush.Reports.Tests.Verdict;

/// <summary>Analysis gives the verdict as numbers and reason codes; the words are composed here, from the codes.</summary>
public class VerdictWordsTests
{
    [Fact]
    public void Flagged_parties_with_demand_explaining_nearly_all_give_the_excess_words_and_the_share_caveat()
    {
        var result = Result(VerdictStatus.ExcessCapacity, VerdictReason.PartiesFlagged, flagged: ["A", "B"], nearlyAll: true);
        var plain = VerdictWords.Plain(result);
        Assert.StartsWith("Concentration alone proves nothing: the two largest holders have 90.0 % of the names, against 2.0 % if", plain, StringComparison.Ordinal);
        Assert.Contains("demand alone explains 94 % of the observed share. ", plain, StringComparison.Ordinal);
        Assert.Contains("A lost 10 of the 200 names of its spans (0–199 (plain) upwards), where others were expected to want about 3 of them; "
            + "where its losses fall in its list takes about 12.5× a typical participant's capacity (95% interval 4.2× to unbounded). ", plain, StringComparison.Ordinal);
        Assert.Contains("C holds no numeric span that it could have sent as a range", plain, StringComparison.Ordinal);
        Assert.EndsWith("Verdict: excess capacity — A and B kept names others wanted deeper into their lists than a participant at 2× a typical capacity "
            + "could (combined p = 0.0123, one-sided, familywise α = 0.05). Demand alone explains nearly all of the concentration itself: the excess "
            + "capacity is read from who won the contested names, not from the share.", plain, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VerdictReason.RaceMisfit, "Verdict: inconclusive — M lost names in a pattern the race does not make", "verdict: inconclusive — M's losses follow a pattern")]
    [InlineData(VerdictReason.BorderlineInterval, "Verdict: inconclusive — the test rejects 2× for Q, but its 95% interval still holds 2×", "verdict: inconclusive — the test rejects 2× for Q")]
    [InlineData(VerdictReason.ReadingsDisagree, "depends on a reading of demand the data do not contradict (base: no, p = 0.0123)", "verdict: inconclusive — the readings of demand disagree")]
    public void Each_inconclusive_reason_has_its_own_words_in_the_verdict_and_in_the_headline(VerdictReason reason, string words, string headline)
    {
        var result = Result(VerdictStatus.Inconclusive, reason, misfit: ["M"], borderline: ["Q"]);
        Assert.Contains(words, VerdictWords.Plain(result), StringComparison.Ordinal);
        Assert.DoesNotContain("nearly all", VerdictWords.Plain(result), StringComparison.Ordinal);
        Assert.StartsWith(headline, VerdictSummary.Headline(result, 0), StringComparison.Ordinal);
    }

    [Fact]
    public void No_testable_party_says_the_data_could_not_have_shown_it()
    {
        var result = Result(VerdictStatus.NoExcessCapacity, VerdictReason.NoPartyTestable);
        Assert.EndsWith("this landrush's data could not have shown excess capacity (power 0 at 3×, 5× and 10×).", VerdictWords.Plain(result), StringComparison.Ordinal);
        var shown = Result(VerdictStatus.NoExcessCapacity, VerdictReason.NoPartyShown);
        Assert.EndsWith("How hard it looked: a party at 3×, 5× and 10× would have been flagged with probability 0.10, 0.50, 0.90.", VerdictWords.Plain(shown), StringComparison.Ordinal);
    }

    [Fact]
    public void No_excess_does_not_speak_for_top_holders_whose_speed_was_not_read()
    {
        // C is among the top holders but holds no span: "no party needed more than 2×" would speak for it too.
        var result = Result(VerdictStatus.NoExcessCapacity, VerdictReason.NoPartyShown);
        Assert.Contains("Verdict: no significant excess capacity — no party whose speed could be read needed more than 2× a typical capacity to win what it won (combined p = 0.0123, α = 0.05); C holds no numeric span, so its speed was not read. ",
            VerdictWords.Plain(result), StringComparison.Ordinal);
        Assert.Equal("verdict: no excess capacity — no party shown above 2× among those read (p = 0.012); power at 5×: 0.50; 1 not read", VerdictSummary.Headline(result, 0));

        var allRead = result with { ImpliedCapacities = [result.ImpliedCapacities[0]] };
        Assert.Contains("Verdict: no significant excess capacity — no party needed more than 2× a typical capacity to win what it won (combined p = 0.0123, α = 0.05). ",
            VerdictWords.Plain(allRead), StringComparison.Ordinal);
        Assert.Equal("verdict: no excess capacity — no party shown above 2× a typical capacity (p = 0.012); power at 5×: 0.50", VerdictSummary.Headline(allRead, 0));

        var none = Result(VerdictStatus.NoExcessCapacity, VerdictReason.NoPartyTestable);
        Assert.Equal("verdict: no excess capacity — no party shown above 2×: no top holder sent a range, so none could be (power 0)", VerdictSummary.Headline(none, 0));
    }

    [Fact]
    public void A_collector_of_years_is_said_to_be_unread_for_what_it_is_not_for_holding_no_span()
    {
        // Y holds a span, 1901–2028, but every name of it is a year: not tested (a collection sent in any order).
        var result = Result(VerdictStatus.NoExcessCapacity, VerdictReason.NoPartyShown);
        var years = new ImpliedCapacity(3, "Y", 128, 0, 0, 0, null, 0, null, null, [new Analysis.Verdict.Spans.SendSpan(3, 0, 1901, 2028, 128)], null, []);
        var withYears = result with { ImpliedCapacities = [.. result.ImpliedCapacities, years] };
        var plain = VerdictWords.Plain(withYears);
        Assert.Contains("Y holds only stretches of one class of numbers (1901–2028: years or area-code-like numbers), which a collector asks for in any order, so the order of its list and its speed cannot be read from the data", plain, StringComparison.Ordinal);
        Assert.Contains("; C holds no numeric span, so its speed was not read; Y holds only stretches of one class of numbers, which a collector asks for in any order, so its speed was not read. ", plain, StringComparison.Ordinal);
        Assert.Contains("Y 128 names: only stretches of one class of numbers (a collection in any order), speed not read", string.Join("\n", VerdictSummary.Lines(withYears, 0, "report.md")), StringComparison.Ordinal);

        var none = Result(VerdictStatus.NoExcessCapacity, VerdictReason.NoPartyTestable) with { ImpliedCapacities = [years] };
        Assert.Equal("verdict: no excess capacity — no party shown above 2×: no top holder's range could be read (power 0)", VerdictSummary.Headline(none, 0));
        Assert.Contains("No large holder sent a numeric range whose order could be read", VerdictWords.Plain(none), StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_verdict_is_worded_from_its_reason_and_is_its_only_assumption()
    {
        var none = new VerdictResult(0, 0, 1, [], [], Verdict(VerdictStatus.Undefined, VerdictReason.NoRegisteredNames, [], [], [], false), [], [], null);
        Assert.Equal("No registered names: concentration, null models and the verdict are undefined.", VerdictReport.Plain(none, 0));
        Assert.StartsWith("None of the 7 registered names shows its holder", VerdictReport.Plain(none, 7), StringComparison.Ordinal);
        Assert.Equal([VerdictReport.Plain(none, 7)], VerdictReport.Assumptions(none, 7));
        var single = none with { Registered = 3, Verdict = none.Verdict with { Reason = VerdictReason.SingleParticipant } };
        Assert.StartsWith("A single participant holds every name", VerdictReport.Plain(single, 0), StringComparison.Ordinal);
    }

    [Fact]
    public void Assumptions_are_worded_from_their_numbers()
    {
        var result = Result(VerdictStatus.NoExcessCapacity, VerdictReason.NoPartyShown);
        var words = VerdictReport.Assumptions(result, 0).ToList();
        Assert.Equal(6, words.Count);
        Assert.Contains("Spans: 1 numeric spans of 1 range parties", words[1], StringComparison.Ordinal);
        Assert.Contains("the lists together are 1.5× the names held outside the spans (Σλ over every name, and at least 1×), shared by what each list's wins stand for (a win of a name of rate λ stands for λ/(1 − e^(−λ)) names listed), 1,200 lists, 3 of participants who won nothing; these lengths are seen only from below", words[2], StringComparison.Ordinal);
        Assert.Contains("a multiple read with them is too high: each race also reads them 2× as long and keeps the likelier, so that its interval and its test allow either;", words[2], StringComparison.Ordinal);
        Assert.Contains("each band of send positions weighed as demand is lumpy outside the spans (σ 0.37 over 100 neighbouring names", words[3], StringComparison.Ordinal);
        Assert.Contains("Test per tested party (1 range parties among the 6 largest holders): H0 'capacity at most 2×'", words[4], StringComparison.Ordinal);
        Assert.Contains("(1000 where the first put p within 5·α)", words[4], StringComparison.Ordinal);
        Assert.Equal("A: spans 0–199 (plain); 10 of 200 names lost; send orders compared: 2.", words[5]);
    }

    [Fact]
    public void Lists_read_only_at_the_lengths_their_holdings_imply_are_said_to_read_a_multiple_high()
    {
        var result = Result(VerdictStatus.NoExcessCapacity, VerdictReason.NoPartyShown);
        result = result with { Assumptions = result.Assumptions! with { ListScales = null } };
        var words = VerdictReport.Assumptions(result, 0).ToList();
        Assert.Contains("a multiple read with them is too high; a list is sent", words[2], StringComparison.Ordinal);
        Assert.DoesNotContain("as long and keeps the likelier", words[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_party_lost_to_another_range_party_is_told_apart_from_its_losses_to_others_demand()
    {
        var result = Result(VerdictStatus.NoExcessCapacity, VerdictReason.NoPartyShown);
        result = result with { ImpliedCapacities = [result.ImpliedCapacities[0] with { RaceLosses = 60, RaceNotRead = 50 }, result.ImpliedCapacities[1]] };
        Assert.Contains("A lost 60 of the 200 names of its spans (0–199 (plain) upwards) (50 of them to another range party that sent them too, or in its span: not read as others' demand), where others were expected to want about 3 of the rest;",
            VerdictWords.Plain(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Others_expected_wants_are_told_of_the_names_the_race_reads()
    {
        // Of 200 names, 50 lie in another range party's span: 30 it lost there, 20 it holds itself. It reads 150.
        var result = Result(VerdictStatus.NoExcessCapacity, VerdictReason.NoPartyShown);
        result = result with { ImpliedCapacities = [result.ImpliedCapacities[0] with { RaceLosses = 40, RaceNotRead = 30, RaceRead = 150 }, result.ImpliedCapacities[1]] };
        Assert.Contains("A lost 40 of the 200 names of its spans (0–199 (plain) upwards) (30 of them to another range party that sent them too, or in its span: not read as others' demand), where others were expected to want about 3 of the 150 it reads;",
            VerdictWords.Plain(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_multiple_bounded_only_from_above_reads_below_its_upper_end_everywhere_and_gives_no_estimate()
    {
        // Its likelihood peaked at the slowest multiple searched (RaceFit.Estimate): the grid's floor is no estimate.
        var result = Result(VerdictStatus.NoExcessCapacity, VerdictReason.NoPartyShown);
        var below = result.ImpliedCapacities[0] with { Multiple = null, Low = 0, High = 1.43 };
        result = result with { ImpliedCapacities = [below, result.ImpliedCapacities[1]] };
        Assert.True(below.Below);
        Assert.True(below.Identified);
        Assert.False(below.Above);
        Assert.Contains("takes below 1.4× a typical participant's capacity (it fits best at the slowest multiple searched, so the data bound it only from above). ",
            VerdictWords.Plain(result), StringComparison.Ordinal);
        Assert.Contains(VerdictSummary.Lines(result, 0, "r"), l => l.Contains("A 190 names: multiple below 1.4×, from where it lost", StringComparison.Ordinal));
        var json = CapacityJson.From(below);
        Assert.True(json.Below);
        Assert.Null(json.Multiple);
        Assert.Equal(0, json.Low);
        Assert.Equal(1.43, json.High);
        var report = ReportBuilder.Build(VerdictReport.With(SampleReports.Inputs(Allocations.Of("digits:1-3", [("100", 0), ("7", 1)], ["A", "C"])), result));
        Assert.Equal(["below 1.43", "0.00", "1.43"], report.Tables.Single(t => t.Id == "range-races").Rows.Single(r => r[0] == "A").Skip(7).Take(3));
        Assert.Equal(["A", "—", "0.00", "1.43"], report.Tables.Single(t => t.Id == "capacity-multiples").Rows.Single(r => r[0] == "A"));

        // Not tested, or bounded on neither side: not "below".
        Assert.False(result.ImpliedCapacities[1].Below);
        Assert.False((below with { High = null }).Below);

        // An estimate whose interval reaches the slowest multiple searched has no lower end: the grid's floor is not one.
        var noFloor = below with { Multiple = 1.42, High = 104.19 };
        Assert.False(noFloor.Below);
        var withNoFloor = result with { ImpliedCapacities = [noFloor, result.ImpliedCapacities[1]] };
        Assert.Contains("takes about 1.4× a typical participant's capacity (95% interval up to 104.2×). ", VerdictWords.Plain(withNoFloor), StringComparison.Ordinal);
        Assert.Contains(VerdictSummary.Lines(withNoFloor, 0, "r"), l => l.Contains("A 190 names: multiple 1.4× (95% up to 104.2×), from", StringComparison.Ordinal));
    }

    [Fact]
    public void A_race_says_how_many_names_of_its_spans_went_to_another_range_party_and_were_not_read()
    {
        var result = Result(VerdictStatus.NoExcessCapacity, VerdictReason.NoPartyShown);
        var race = result.Assumptions!.Races[0] with { Lost = 8, Read = 150 };
        result = result with { Assumptions = result.Assumptions with { Races = [race] } };
        Assert.Equal("A: spans 0–199 (plain); 8 of 150 names lost (50 more went to another range party or lie in its span: not read); send orders compared: 2.",
            VerdictReport.Assumptions(result, 0).ElementAt(5));
    }

    [Fact]
    public void Numbers_in_clauses_of_their_own_are_written_invariant_under_a_comma_culture()
    {
        // Each clause was an interpolated string of its own inside the invariant one, formatted with the current culture.
        var result = Result(VerdictStatus.Inconclusive, VerdictReason.ReadingsDisagree);
        var race = result.Assumptions!.Races[0] with { Positions = 2_000, Read = 150 };
        result = result with { Assumptions = result.Assumptions with { Races = [race] } };

        var (plain, raceLine) = CommaCulture.Run(() => (VerdictWords.Plain(result), VerdictReport.Assumptions(result, 0).ElementAt(5)));

        Assert.Contains("the data do not contradict (base: no, p = 0.0123).", plain, StringComparison.Ordinal);
        Assert.Equal("A: spans 0–199 (plain); 10 of 150 names lost (1,850 more went to another range party or lie in its span: not read); send orders compared: 2.", raceLine);
    }

    [Fact]
    public void A_reading_set_aside_is_worded_from_its_test_the_same_in_the_json_and_the_verdict()
    {
        // Analysis gives the likelihood-ratio test's numbers; the sentence is composed here, once.
        var why = new PatternContradiction(123.456, 16.26623, 5, 0.001);
        const string Sentence = "digit patterns clearly predict which names are registered outside the spans (likelihood ratio 123.5 > 16.27 = χ²5 at p 0.001)";
        Assert.Equal(Sentence, VerdictWords.SetAside(why));
        var setAside = new Analysis.Verdict.SensitivityRow("length-only", "attractiveness by length only", true, double.NaN, [], 0, 0.85, 0.94, why);
        Assert.Equal(Sentence, SensitivityJson.From(setAside).Contradicted);
        Assert.Null(SensitivityJson.From(setAside with { Contradiction = null }).Contradicted);

        // A reading set aside is not one the verdict weighs: the disagreement lists only the others.
        var result = Result(VerdictStatus.Inconclusive, VerdictReason.ReadingsDisagree);
        result = result with { Sensitivity = [.. result.Sensitivity, setAside] };
        Assert.Contains("the data do not contradict (base: no, p = 0.0123).", VerdictWords.Plain(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_race_of_hundreds_of_spans_lists_the_first_few_and_counts_the_rest()
    {
        // A range cut by scattered free names: 30 spans of 20 names, 10 apart.
        var spans = Enumerable.Range(0, 30).Select(i => new Analysis.Verdict.Spans.SendSpan(0, 0, i * 30, (i * 30) + 19, 20)).ToArray();
        var result = Result(VerdictStatus.NoExcessCapacity, VerdictReason.NoPartyShown);
        result = result with { Assumptions = result.Assumptions! with { Races = [new RaceAssumption("A", spans, 10, 600, 600, 2)] } };

        var line = Assert.Single(VerdictWords.Assumptions(result), l => l.StartsWith("A: spans", StringComparison.Ordinal));

        Assert.Contains(spans[VerdictWords.SpansListed - 1].Summary(), line, StringComparison.Ordinal);
        Assert.DoesNotContain(spans[VerdictWords.SpansListed].Summary() + ";", line, StringComparison.Ordinal);
        Assert.Contains($"… and {30 - VerdictWords.SpansListed} more (every span in --json", line, StringComparison.Ordinal);

        // Ten spans are listed whole.
        result = result with { Assumptions = result.Assumptions! with { Races = [new RaceAssumption("A", spans[..10], 10, 200, 200, 2)] } };
        line = Assert.Single(VerdictWords.Assumptions(result), l => l.StartsWith("A: spans", StringComparison.Ordinal));
        Assert.Contains(spans[9].Summary(), line, StringComparison.Ordinal);
        Assert.DoesNotContain("more (every span", line, StringComparison.Ordinal);
    }

    private static VerdictResult Result(VerdictStatus status, VerdictReason reason, string[]? flagged = null, string[]? misfit = null,
        string[]? borderline = null, bool nearlyAll = false)
    {
        var span = new Analysis.Verdict.Spans.SendSpan(0, 0, 0, 199, 190);
        var a = new ImpliedCapacity(0, "A", 190, 200, 10, 3.2, 12.5, 4.2, null, "0–199 (plain) upwards", [span], 0.01,
            [new PowerAt(3, 0.1), new PowerAt(5, 0.5), new PowerAt(10, 0.9)]);
        var c = new ImpliedCapacity(2, "C", 5, 0, 0, 0, null, 0, null, null, [], null, []);
        var models = new[] { NullModelKind.Uniform, NullModelKind.Lottery, NullModelKind.EqualCapacity }
            .Select(k => new NullModelSummary(k, 100, 10, Cr2(k), Cr2(k), Cr2(k))).ToList();
        var verdict = Verdict(status, reason, flagged ?? [], misfit ?? [], borderline ?? [], nearlyAll);
        var assumptions = new VerdictAssumptions(1, 1, 20, 1.5, 1200, 3, [0, 1], 0.3, 0.25, 1024, 1, 6, 2, 300, 0.05, 100,
            [new RaceAssumption("A", [span], 10, 200, 200, 2)], Lumpiness: 0.37, ListScales: [1, 2]);
        return new VerdictResult(400, 10, 1, models, [a, c], verdict,
            [new Analysis.Verdict.SensitivityRow("base", "base reading", false, 0.0123, [new MultipleRange(12.5, 4.2, null)], 3, 0.85, 0.94)], [span], assumptions);
    }

    private static StatisticSummary Cr2(NullModelKind kind) => kind == NullModelKind.Uniform
        ? new StatisticSummary(0.9, 0.02, 0.01, 0.03, 100, 0.01)
        : new StatisticSummary(0.9, 0.85, 0.8, 0.88, 90, 0.2);

    private static CapacityVerdict Verdict(VerdictStatus status, VerdictReason reason, string[] flagged, string[] misfit, string[] borderline, bool nearlyAll) =>
        new(status, reason, status == VerdictStatus.Inconclusive ? null : status == VerdictStatus.ExcessCapacity, 0.0123, flagged, misfit, borderline,
            0.94, nearlyAll, 0.85, 0.9, 2, 0.05, status == VerdictStatus.NoExcessCapacity ? [new PowerAt(3, 0.1), new PowerAt(5, 0.5), new PowerAt(10, 0.9)] : []);
}
