using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Landrush.Testing.Browser;

/// <summary>
/// Opens a page in headless Chromium (Debian's <c>chromium</c>, installed by <c>.ci/run</c>) the way a
/// reader would: a screenshot, and the DOM after load with every image's load state. Linked into the test
/// projects that check a report in a browser (Reports: library-built pages; Cli: what <c>report</c> writes).
/// </summary>
internal static partial class HeadlessChromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The chromium executable on PATH. Without one the test is skipped, except under CI (<see cref="Requirement"/>),
    /// where a missing browser fails rather than lets the page go unchecked.
    /// </summary>
    public static string Require() =>
        Find() ?? throw Requirement.Missing("'chromium' on PATH, to check the report in a browser (apt-get install chromium)");

    /// <summary>The chromium executable on PATH, or null.</summary>
    public static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    /// <summary>A PNG screenshot of the page at 1280×2400.</summary>
    public static byte[] Screenshot(string chromium, string htmlPath)
    {
        var work = Directory.CreateTempSubdirectory("landrush-chromium-");
        try
        {
            var png = Path.Combine(work.FullName, "screenshot.png");
            Run(chromium, work.FullName, $"--screenshot={png}", "--window-size=1280,2400", new Uri(htmlPath).AbsoluteUri);
            Assert.True(File.Exists(png), "chromium wrote no screenshot");
            return File.ReadAllBytes(png);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// How many images the page has and how many of them did not load (not complete, or no natural width):
    /// a copy of the page beside the original gets a small script that writes both into the DOM on load,
    /// and <c>--dump-dom</c> prints the DOM once the virtual-time budget has let the page load.
    /// </summary>
    public static (int Images, int Broken) ImageStates(string chromium, string htmlPath)
    {
        const string probe = """
            <script>window.addEventListener('load',function(){var i=Array.prototype.slice.call(document.images);
            document.body.setAttribute('data-images',i.length);
            document.body.setAttribute('data-broken',i.filter(function(x){return !x.complete||x.naturalWidth===0;}).length);});</script>
            """;
        var html = File.ReadAllText(htmlPath);
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        Assert.True(at >= 0, "the page has no </body>");
        // Beside the original, so that relative references resolve as they would for the reader.
        var probed = Path.Combine(Path.GetDirectoryName(htmlPath)!, $".probe-{Guid.NewGuid():N}.html");
        File.WriteAllText(probed, html.Insert(at, probe));
        var work = Directory.CreateTempSubdirectory("landrush-chromium-");
        try
        {
            var dom = Run(chromium, work.FullName, "--virtual-time-budget=10000", "--dump-dom", new Uri(probed).AbsoluteUri);
            var m = BodyStates().Match(dom);
            Assert.True(m.Success, "the load probe did not run: no data-images on <body> in the dumped DOM");
            return (int.Parse(m.Groups["images"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["broken"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(probed);
            work.Delete(recursive: true);
        }
    }

    private static string Run(string chromium, string userDataDir, params string[] args)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={userDataDir}" }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium did not finish within {Timeout.TotalSeconds} s");
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    [GeneratedRegex("""<body[^>]*data-images="(?<images>\d+)"[^>]*data-broken="(?<broken>\d+)""")]
    private static partial Regex BodyStates();
}
