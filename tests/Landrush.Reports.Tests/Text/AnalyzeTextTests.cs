using Landrush.Analysis.Concentration;
using Landrush.Analysis.Verdict;
using Landrush.Analysis.Verdict.Spans;
using Landrush.Reports.Building;
using Landrush.Reports.Text;

namespace Landrush.Reports.Tests.Text;

public class AnalyzeTextTests
{
    [Fact]
    public void The_summary_ends_with_the_verdict_lines_the_caveat_the_assumptions_and_the_seed()
    {
        var result = AnalyzeResults.Small();

        var text = AnalyzeText.Render(result, ["verdict: test headline", "  A: test line"]);

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.TrimEnd('\n').Split('\n');
        var assumptions = AnalyzeAssumptions.Of(result);
        var tail = lines[^(assumptions.Count + 5)..];
        Assert.Equal(
            ["verdict: test headline", "  A: test line", "caveat: " + Caveats.Concentration, "assumptions:", .. assumptions.Select(a => "  - " + a),
                "seed 7, sims 100, excess threshold k = 3: the same seed gives the same output"],
            tail);
    }

    [Fact]
    public void The_summary_opens_with_the_dataset_and_its_counts()
    {
        var lines = AnalyzeText.Render(AnalyzeResults.Small(), []).Split('\n');

        Assert.Equal("dataset small.csv", lines[0]);
        Assert.Equal("space digits:1-2 under .nl: 110 names, 7 rows (103 missing, 0 unknown)", lines[1]);
        Assert.Equal("registered 6", lines[2]);
        Assert.StartsWith("parties holding a name 3 (party key resolved, shared-hosting K = 8)", lines[3], StringComparison.Ordinal);
        Assert.Equal("top two hold 5 of the 6 names whose holder shows (83.3%): A 4, B 1", lines[4]);
        Assert.Contains("    1. A (Alpha BV)      4 names, 1 identity, registrar R1", lines);
    }

    [Fact]
    public void A_length_with_names_whose_holder_does_not_show_says_its_shares_leave_them_out()
    {
        var small = AnalyzeResults.Small();
        var known = small.Measures with { ByLength = [new GroupShare("length 2", 100, 4, [2, 1], HolderUnknown: 1)] };
        var text = AnalyzeText.Render(small with { Measures = known }, []);

        // 2 of the 3 names whose holder shows, not 2 of the 4 registered.
        Assert.Contains("  length 2         4 registered of     100 (1 holder unknown); of the 3 whose holder shows: largest A 2 (66.7%), CR2 1.000\n", text, StringComparison.Ordinal);
        var whole = small.Measures with { ByLength = [new GroupShare("length 2", 100, 3, [2, 1])] };
        Assert.Contains("  length 2         3 registered of     100; largest A 2 (66.7%), CR2 1.000\n", AnalyzeText.Render(small with { Measures = whole }, []), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tested_partys_line_is_written_invariant_under_a_comma_culture()
    {
        // Its race's clause was an interpolated string of its own, formatted with the current culture.
        var small = AnalyzeResults.Small();
        var tested = new ImpliedCapacity(0, "A", 1_900, 2_000, 1_100, 3.2, 12.5, 4.2, null, "0–199 (plain) upwards",
            [new SendSpan(0, 0, 0, 199, 190)], 0.01234, []);
        var result = small with { Verdict = small.Verdict with { ImpliedCapacities = [tested] } };

        var text = CommaCulture.Run(() => AnalyzeText.Render(result, []));

        Assert.Contains("  A: 1,900 names, 1,100 of the 2,000 names of its spans lost to others; 12.5x (95% 4.2x to unbounded), p (at most k) 0.0123\n", text, StringComparison.Ordinal);
        Assert.Equal(AnalyzeText.Render(result, []), text);
    }

    [Fact]
    public void The_assumptions_carry_the_verdicts_and_say_when_the_dataset_is_incomplete()
    {
        var result = AnalyzeResults.Small();

        var assumptions = AnalyzeAssumptions.Of(result);

        Assert.StartsWith("Registered means status active", assumptions[0], StringComparison.Ordinal);
        Assert.Contains(assumptions, a => a.StartsWith("The dataset is incomplete: 0 names unknown and 103 without a row", StringComparison.Ordinal));
        var verdict = VerdictReport.Assumptions(result.Verdict, 0).ToList();
        Assert.Equal(verdict, assumptions.TakeLast(verdict.Count));
    }

    [Fact]
    public void The_report_without_null_models_says_the_caveat_in_the_same_words()
    {
        var report = ReportBuilder.Build(SampleReports.Inputs(Allocations.Reconstruction));

        Assert.StartsWith(Caveats.ProvesNothing + " ", report.Indicators.Single(i => i.Name == ReportBuilder.Cr2Indicator).Reading, StringComparison.Ordinal);
        Assert.StartsWith(Caveats.ProvesNothing, Caveats.Concentration, StringComparison.Ordinal);
    }
}
