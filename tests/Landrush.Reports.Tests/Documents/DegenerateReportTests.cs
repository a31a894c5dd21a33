using Landrush.Reports.Building;
using Landrush.Reports.Documents;

namespace Landrush.Reports.Tests.Documents;

public class DegenerateReportTests
{
    [Fact]
    public void A_dataset_with_no_registered_name_gives_a_valid_report_that_says_why_figures_are_absent()
    {
        var report = ReportBuilder.Build(SampleReports.Inputs(Allocations.Empty()));
        Assert.All(report.Figures, f => Assert.False(f.IsRendered));
        Assert.Contains(report.Figures, f => f.AbsentReason!.Contains("no name with a known holder", StringComparison.Ordinal));
        Assert.Contains("no registered name", report.Headline, StringComparison.Ordinal);
        var html = HtmlReport.Render(report);
        Assert.Contains("Figure absent:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        var md = MarkdownReport.Render(report);
        Assert.Contains("**Figure absent:** no name with a known holder", md, StringComparison.Ordinal);
        var files = ReportBundle.Files(report);
        Assert.Contains(files, f => f.RelativePath == "report.html");
        Assert.DoesNotContain(files, f => f.RelativePath.StartsWith("figures/", StringComparison.Ordinal));
        // No profile's published figures were given: the report has no table of them (the profile's tests check the figures).
        Assert.Null(report.Reproduced);
        Assert.DoesNotContain(files, f => f.RelativePath == "tables/reproduced.csv");
    }

    [Fact]
    public void A_dataset_with_one_party_gives_a_valid_report_that_says_why_figures_are_absent()
    {
        var a = Allocations.Of("digits:1-5", [("0000", 0), ("0001", 0), ("12", 0), ("99999", 0)], ["only"]);
        var report = ReportBuilder.Build(SampleReports.Inputs(a));
        var lorenz = report.Figures.Single(f => f.Id == "lorenz");
        var rankSize = report.Figures.Single(f => f.Id == "rank-size");
        Assert.Contains("only one party", lorenz.AbsentReason, StringComparison.Ordinal);
        Assert.Contains("only one party", rankSize.AbsentReason, StringComparison.Ordinal);
        // What one party still allows is drawn: its names by length and on the map.
        Assert.True(report.Figures.Single(f => f.Id == "holdings-by-length").IsRendered);
        Assert.True(report.Figures.Single(f => f.Id == "ownership-map").IsRendered);
        var html = HtmlReport.Render(report);
        Assert.Contains("only one party", html, StringComparison.Ordinal);
        Assert.Contains("100.0%", report.Indicators[0].Observed, StringComparison.Ordinal);
    }

    [Fact]
    public void Stages_that_did_not_run_are_named_as_absent_not_left_out()
    {
        var report = ReportBuilder.Build(SampleReports.Inputs(Allocations.Reconstruction));
        Assert.Contains("null models did not run", report.Figures.Single(f => f.Id == "null-cr2").AbsentReason, StringComparison.Ordinal);
        Assert.Contains("did not run", report.Figures.Single(f => f.Id == "capacity-multiples").AbsentReason, StringComparison.Ordinal);
        Assert.StartsWith("No verdict", report.Headline, StringComparison.Ordinal);
        Assert.Contains("Concentration alone proves nothing", report.Verdict[0], StringComparison.Ordinal);
        Assert.True(report.Figures.Single(f => f.Id == "lorenz").IsRendered);
    }
}
