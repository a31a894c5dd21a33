using System.Text.RegularExpressions;
using Landrush.Reports.Building;
using Landrush.Reports.Documents;

namespace Landrush.Reports.Tests.Documents;

public partial class HtmlReportTests
{
    [Fact]
    public void Html_refers_to_nothing_outside_itself()
    {
        var html = HtmlReport.Render(SampleReports.Full);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        var references = Reference().Matches(html).Select(m => m.Groups[2].Value).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(r.StartsWith("data:image/png;base64,", StringComparison.Ordinal) || r.StartsWith('#'), $"external reference {r[..Math.Min(60, r.Length)]}"));
    }

    [Fact]
    public void Every_rendered_figure_is_inlined_as_its_png()
    {
        var report = SampleReports.Full;
        var html = HtmlReport.Render(report);
        var images = Image().Matches(html).Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToList();
        var rendered = report.Figures.Where(f => f.IsRendered).ToList();
        Assert.Equal(rendered.Count, images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            Assert.Equal(rendered[i].Png, images[i]);
            ImageChecks.AssertDrawnPng(images[i]);
        }
    }

    [Fact]
    public void Synthetic_label_and_verdict_come_before_the_figures_and_the_command_and_seed_are_given()
    {
        var html = HtmlReport.Render(SampleReports.Full);
        var synthetic = html.IndexOf("SYNTHETIC DATA", StringComparison.Ordinal);
        var verdict = html.IndexOf("Test verdict", StringComparison.Ordinal);
        var figures = html.IndexOf("<figure", StringComparison.Ordinal);
        Assert.InRange(synthetic, 0, verdict);
        Assert.InRange(verdict, 0, figures);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(SampleReports.Command), html, StringComparison.Ordinal);
        Assert.Contains("Seed: 2008", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_data_is_escaped()
    {
        var a = Allocations.Of("digits:1-2", [("1", 0), ("2", 1)], ["<img src=http://x>", "B & C"]);
        var html = HtmlReport.Render(ReportBuilder.Build(SampleReports.Inputs(a)));
        Assert.DoesNotContain("<img src=http://x>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=http://x&gt;", html, StringComparison.Ordinal);
        Assert.Contains("B &amp; C", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']?([^"'\s>]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();

    [GeneratedRegex("""<img [^>]*src="data:image/png;base64,([A-Za-z0-9+/=]+)""")]
    private static partial Regex Image();
}
