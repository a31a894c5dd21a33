using System.Text.RegularExpressions;
using Landrush.Analysis.Verdict;
using Landrush.Reports.Building;
using Landrush.Reports.Documents;
using Landrush.Reports.Model;
using Landrush.Reports.Text;

namespace Landrush.Reports.Tests.Documents;

/// <summary>The report opens with one screen a reader can act on: the headline, the four figures and the marked indicators, before any image.</summary>
public partial class FirstScreenTests
{
    // Few runs: this checks the layout, not the statistics.
    private static readonly Lazy<(VerdictResult Result, Report Report)> Reconstruction = new(() =>
    {
        var result = VerdictAnalysis.Run(Allocations.Reconstruction, new VerdictOptions { Sims = 100, TestSims = 100, PowerSims = 20, SensitivitySims = 20, Seed = 7 });
        return (result, ReportBuilder.Build(VerdictReport.With(SampleReports.Inputs(Allocations.Reconstruction) with { Reproduced = SampleReports.Reproduced }, result)));
    });

    [Fact]
    public void Markdown_opens_with_the_headline_the_four_figures_and_the_indicator_table_before_any_image()
    {
        var (result, report) = Reconstruction.Value;
        var md = MarkdownReport.Render(report);
        var first = md[..md.IndexOf("\n## ", md.IndexOf("## Verdict", StringComparison.Ordinal), StringComparison.Ordinal)];
        var headline = first.IndexOf("**" + VerdictSummary.Sentence(result, 0), StringComparison.Ordinal);
        Assert.True(headline > 0, first);
        var figures = new[] { "names in the space", "registered", "held by the two largest parties", "participants" }
            .Select(f => first.IndexOf("| " + f + " |", StringComparison.Ordinal)).ToList();
        Assert.All(figures, at => Assert.True(at > headline, first));
        var indicators = first.IndexOf("### " + ReportDocument.IndicatorsTitle, StringComparison.Ordinal);
        Assert.True(indicators > figures.Max(), first);
        Assert.Contains("| indicator | observed | against a fair race |", first, StringComparison.Ordinal);
        Assert.DoesNotContain("![", first, StringComparison.Ordinal);
        Assert.True(md.IndexOf("![", StringComparison.Ordinal) > indicators);
        // Every indicator of the report is a row of the first screen, with its mark.
        Assert.All(report.Indicators, i => Assert.Contains(" | " + IndicatorMarks.Word(i.Mark) + " | ", first, StringComparison.Ordinal));
    }

    [Fact]
    public void Html_opens_the_same_way_and_both_documents_render_the_same_sections_in_the_same_order()
    {
        var (result, report) = Reconstruction.Value;
        var html = HtmlReport.Render(report);
        var headline = html.IndexOf("<p class=\"headline\"><strong>" + System.Net.WebUtility.HtmlEncode(VerdictSummary.Sentence(result, 0)), StringComparison.Ordinal);
        var figures = html.IndexOf("<td>names in the space</td>", StringComparison.Ordinal);
        var indicators = html.IndexOf("<h3>" + ReportDocument.IndicatorsTitle + "</h3>", StringComparison.Ordinal);
        var image = html.IndexOf("<img", StringComparison.Ordinal);
        Assert.True(headline > 0 && headline < figures && figures < indicators && indicators < image, $"{headline} {figures} {indicators} {image}");

        var md = MarkdownReport.Render(report);
        var mdSections = MdSection().Matches(md).Select(m => m.Groups[1].Value).ToList();
        var htmlSections = HtmlSection().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Verdict", "Reasoning", "Figures", "Tables", "Assumptions", "Provenance", "How this report was made"], mdSections);
        Assert.Equal(mdSections, htmlSections);
        // The reasoning: a paragraph per party, between the first screen and the figures.
        Assert.All(result.ImpliedCapacities, c => Assert.Contains("<p>" + c.Label + " ", html, StringComparison.Ordinal));
    }

    [Fact]
    public void The_capacity_indicator_gives_a_short_status_not_the_whole_verdict()
    {
        var (result, report) = Reconstruction.Value;
        var capacity = report.Indicators.Single(i => i.Name == "Verdict on capacity");
        Assert.Equal(VerdictSummary.Why(result, 0), capacity.Reading);
        Assert.InRange(capacity.Reading.Length, 10, 160);
        Assert.Equal(IndicatorMarks.OfVerdict(result.Verdict.Status), capacity.Mark);
        var md = MarkdownReport.Render(report);
        var row = md.Split('\n').Single(l => l.StartsWith("| Verdict on capacity |", StringComparison.Ordinal));
        Assert.InRange(row.Length, 20, 300);
        Assert.DoesNotContain("Concentration alone proves nothing", row, StringComparison.Ordinal);
    }

    [GeneratedRegex("(?m)^## (.+)$")]
    private static partial Regex MdSection();

    [GeneratedRegex("<section[^>]*><h2>([^<]+)</h2>")]
    private static partial Regex HtmlSection();
}
