using System.Text.RegularExpressions;
using Landrush.Testing.Browser;

namespace Landrush.Cli.Tests;

/// <summary>
/// The report the <c>report</c> command writes, opened in headless Chromium as a reader opens it: every figure it
/// wrote renders (each &lt;img&gt; loaded with a natural width) and the screenshot is not blank; the same page with
/// one figure broken fails the check. Skipped without chromium, except under CI=true (.ci/run), where it fails.
/// </summary>
public sealed partial class ReportInBrowserTests(ReportInBrowserTests.WrittenReport written) : IClassFixture<ReportInBrowserTests.WrittenReport>
{
    /// <summary>Every figure a report can hold: a report on the small landrush draws them all.</summary>
    private static readonly string[] AllFigures =
    [
        "capacity-multiples", "holdings-by-length", "lorenz", "null-cr2-equal-capacity-fcfs", "null-cr2-lottery-over-wish-lists",
        "null-cr2-uniform-lottery", "ownership-map", "premium-capture", "rank-size", "sensitivity",
    ];

    [SkippableFact]
    public void The_written_report_renders_every_figure_and_is_not_blank()
    {
        var chromium = HeadlessChromium.Require();
        Assert.True(AllFigures.SequenceEqual(written.FigureIds),
            $"figures written: {string.Join(", ", written.FigureIds)}; the command said: {written.Stdout}");
        var problems = PageCheck.Problems(chromium, written.Html, expectedImages: written.FigureIds.Count);
        Assert.Empty(problems);
    }

    [SkippableFact]
    public void The_written_report_with_figures_missing_fails_the_check()
    {
        var chromium = HeadlessChromium.Require();
        var html = File.ReadAllText(written.Html);
        var inlined = InlinedPng().Matches(html);
        Assert.True(inlined.Count >= 3, $"{inlined.Count} inlined PNGs in the written report");
        // Three ways a figure goes missing, one figure each (one browser run: chromium is slow on a busy machine):
        // inlined with no bytes, with bytes that are not a PNG (its signature lost), and a reference to a file
        // that was never written. Exactly 3 broken means each is caught. (A PNG cut short still loads at its
        // full size and shows its top part: no load state can tell; figure bytes are checked where they are made.)
        string[] broken =
        [
            "data:image/png;base64,",
            "data:image/png;base64," + Convert.ToBase64String(Convert.FromBase64String(inlined[1].Groups["b64"].Value)[8..]),
            "figures/not-written.png",
        ];
        var page = new System.Text.StringBuilder(html);
        for (var i = 2; i >= 0; i--)
        {
            page.Remove(inlined[i].Index, inlined[i].Length).Insert(inlined[i].Index, $"src=\"{broken[i]}\"");
        }

        var path = Path.Combine(Path.GetDirectoryName(written.Html)!, "broken.html");
        File.WriteAllText(path, page.ToString());
        var problems = PageCheck.Problems(chromium, path, expectedImages: written.FigureIds.Count, screenshot: false);
        Assert.Contains($"3 of {written.FigureIds.Count} images did not load", problems);
    }

    [GeneratedRegex("src=\"data:image/png;base64,(?<b64>[A-Za-z0-9+/=]+)\"")]
    private static partial Regex InlinedPng();

    /// <summary>One run of <c>landrush report</c> on the small landrush (--sims 100), shared by the tests above.</summary>
    public sealed class WrittenReport : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), $"landrush-report-browser-{Guid.NewGuid():N}");
        private readonly string _data;

        public WrittenReport()
        {
            _data = TestData.WriteTemp(TestData.SmallLandrush(seed: 7)).GetAwaiter().GetResult();
            try
            {
                var (code, stdout, stderr) = CliRunner.RunAsync("report", "--data", _data, "--out", _dir, "--sims", "100", "--seed", "1").GetAwaiter().GetResult();
                Assert.True(code == 0, stderr);
                Stdout = stdout;
                Html = Path.Combine(_dir, "report.html");
                FigureIds = [.. Directory.GetFiles(Path.Combine(_dir, "figures"), "*.png").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];
            }
            catch
            {
                // xunit disposes no fixture whose constructor failed: what it wrote goes here.
                Dispose();
                throw;
            }
        }

        public string Html { get; }

        /// <summary>What the command printed (the verdict's first paragraph), for failure messages.</summary>
        public string Stdout { get; }

        /// <summary>The figures the command wrote as PNG files, in ordinal order.</summary>
        public IReadOnlyList<string> FigureIds { get; }

        public void Dispose()
        {
            if (Directory.Exists(_dir))
            {
                Directory.Delete(_dir, recursive: true);
            }

            File.Delete(_data);
        }
    }
}
