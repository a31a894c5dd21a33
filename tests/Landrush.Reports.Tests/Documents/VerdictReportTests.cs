using Landrush.Analysis.NullModels;
using Landrush.Analysis.Verdict;
using Landrush.Reports.Building;
using Landrush.Reports.Documents;
using Landrush.Reports.Text;

namespace Landrush.Reports.Tests.Documents;

public class VerdictReportTests
{
    [Fact]
    public void A_verdict_on_the_reconstruction_fills_every_figure_and_its_seed_and_assumptions()
    {
        var a = Allocations.Reconstruction;
        // Few runs: this checks the wiring, not the statistics (the verdict's own tests do those).
        var options = new VerdictOptions { Sims = 100, TestSims = 100, PowerSims = 20, SensitivitySims = 20, Seed = 7 };
        var result = VerdictAnalysis.Run(a, options);
        var uniform = NullModelSimulation.UniformStatistics(a.Registered, result.Participants, 100, 7).Cr2;
        var inputs = VerdictReport.With(SampleReports.Inputs(a), result, new Dictionary<NullModelKind, double[]> { [NullModelKind.Uniform] = uniform });
        var report = ReportBuilder.Build(inputs);

        Assert.Equal(7, report.Seed);
        // The report opens with the terminal's headline; the reasoning is the verdict's plain words, a paragraph each.
        Assert.Equal(VerdictSummary.Sentence(result, 0), report.Headline);
        var paragraphs = VerdictReport.Paragraphs(result, 0);
        Assert.Equal(paragraphs, report.Verdict.Take(paragraphs.Count));
        Assert.Equal(VerdictReport.Plain(result, 0), string.Join(' ', paragraphs));
        Assert.Equal(2 + result.ImpliedCapacities.Count, paragraphs.Count);
        Assert.All(report.Figures, f => Assert.True(f.IsRendered, $"{f.Id}: {f.AbsentReason}"));
        Assert.Equal(3, report.Figures.Count(f => f.Id.StartsWith("null-cr2-", StringComparison.Ordinal)));
        Assert.Contains(report.Figures, f => f.Id == "null-cr2-uniform-lottery" && f.Caption.Contains(", median ", StringComparison.Ordinal));
        // The models whose runs were not kept are drawn from the analysis's histogram of them, every run counted.
        Assert.All(report.Figures.Where(f => f.Id.StartsWith("null-cr2-", StringComparison.Ordinal)),
            f => Assert.Contains("100 runs in ", f.Caption, StringComparison.Ordinal));
        Assert.All(VerdictReport.Assumptions(result, 0), x => Assert.Contains(x, report.Assumptions));
        Assert.Contains(report.Indicators, i => i.Name == ReportBuilder.HhiIndicator && i.FairReference.Contains("equal-capacity FCFS", StringComparison.Ordinal));
        Assert.Single(report.Indicators, i => i.Name == ReportBuilder.HhiIndicator);
        Assert.Contains(report.Tables, t => t.Id == "sensitivity-variants");
        Assert.Contains("Seed: 7", MarkdownReport.Render(report), StringComparison.Ordinal);
        // The runs kept give the same 95% range as the verdict's summary of them: one quantile definition.
        var uniformRow = report.Tables.Single(t => t.Id == "null-models").Rows.Single(r => r[0] == "uniform lottery");
        var summary = StatisticSummary.Of(0, [.. uniform]);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"95% of runs {100 * summary.Low:0.0}–{100 * summary.High:0.0}%"), uniformRow[3], StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_verdict_still_gives_a_report_that_says_why()
    {
        var a = Allocations.Of("digits:1-5", [("0000", 0), ("0001", 0)], ["only"]);
        var result = VerdictAnalysis.Run(a, new VerdictOptions { Sims = 100, TestSims = 100, PowerSims = 20, SensitivitySims = 20 });
        var report = ReportBuilder.Build(VerdictReport.With(SampleReports.Inputs(a), result));
        Assert.Contains("single participant", report.Verdict[0], StringComparison.Ordinal);
        Assert.StartsWith("verdict: undefined — a single participant", report.Headline, StringComparison.Ordinal);
        // The word --json gives as verdict.status, not the enum's C# name.
        Assert.Equal("undefined", report.Indicators.Single(i => i.Name == "Verdict on capacity").Observed);
        Assert.False(report.Figures.Single(f => f.Id == "null-cr2").IsRendered);
        Assert.False(report.Figures.Single(f => f.Id == "capacity-multiples").IsRendered);
        // Each of the verdict's figures says the data does not define it, not that its stage did not run.
        foreach (var id in new[] { "null-cr2", "capacity-multiples", "premium-capture", "sensitivity" })
        {
            Assert.StartsWith("a single party holds every name", report.Figures.Single(f => f.Id == id).AbsentReason, StringComparison.Ordinal);
        }

        var html = HtmlReport.Render(report);
        Assert.Contains("Figure absent", html, StringComparison.Ordinal);
        Assert.Contains("6 of 8 figures are absent for this data", html, StringComparison.Ordinal);
    }
}
