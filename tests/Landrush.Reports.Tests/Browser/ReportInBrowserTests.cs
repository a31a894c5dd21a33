using Landrush.Reports.Documents;
using Landrush.Testing.Browser;

namespace Landrush.Reports.Tests.Browser;

/// <summary>
/// The HTML report as a reader sees it: opened in headless Chromium, every figure renders, the page is not
/// blank; a page with a figure missing fails the same check. CI (CI=true) must have chromium: there a
/// missing browser fails instead of passing without a look.
/// </summary>
public sealed class ReportInBrowserTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("landrush-report-");

    public void Dispose() => _dir.Delete(recursive: true);

    [SkippableFact]
    public void The_report_renders_every_figure_and_is_not_blank()
    {
        var chromium = HeadlessChromium.Require();
        var report = SampleReports.Full;
        var html = Write("report.html", HtmlReport.Render(report));
        var problems = PageCheck.Problems(chromium, html, expectedImages: report.Figures.Count(f => f.IsRendered));
        Assert.Empty(problems);
    }

    [SkippableFact]
    public void A_page_with_a_figure_missing_fails_the_check()
    {
        var chromium = HeadlessChromium.Require();
        var report = SampleReports.Full;
        var good = HtmlReport.Render(report);
        // The first figure's image points at a file that is not there, as a report whose figure was not written would.
        var start = good.IndexOf("src=\"data:image/png;base64,", StringComparison.Ordinal);
        var end = good.IndexOf('"', start + 5);
        var broken = Write("broken.html", good[..start] + "src=\"figures/lorenz.png" + good[end..]);
        var problems = PageCheck.Problems(chromium, broken, expectedImages: report.Figures.Count(f => f.IsRendered), screenshot: false);
        Assert.Contains(problems, p => p.Contains("1 of", StringComparison.Ordinal) && p.Contains("did not load", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void A_blank_page_fails_the_check()
    {
        var chromium = HeadlessChromium.Require();
        var blank = Write("blank.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>x</title></head><body></body></html>");
        var problems = PageCheck.Problems(chromium, blank, expectedImages: 0);
        Assert.Contains(problems, p => p.Contains("blank", StringComparison.Ordinal));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
