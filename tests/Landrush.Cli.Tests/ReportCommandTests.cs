using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;

namespace Landrush.Cli.Tests;

public class ReportCommandTests
{
    [Fact]
    public async Task The_reconstruction_gives_a_whole_self_contained_report()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"landrush-report-{Guid.NewGuid():N}");
        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("report", "--data", TestData.Reconstruction.Value, "--out", dir, "--sims", "100", "--seed", "3");
            Assert.True(code == 0, stderr);
            Assert.Contains(Path.Combine(dir, "report.html"), stdout, StringComparison.Ordinal);
            Assert.Contains("seed 3", stderr, StringComparison.Ordinal);
            var md = await File.ReadAllTextAsync(Path.Combine(dir, "report.md"));
            var html = await File.ReadAllTextAsync(Path.Combine(dir, "report.html"));
            Assert.Contains("SYNTHETIC", md, StringComparison.Ordinal);
            Assert.Contains("--seed 3", md, StringComparison.Ordinal);
            Assert.Contains("10,096", md, StringComparison.Ordinal);
            Assert.Contains("<img", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(new Regex("(src|href)\\s*=\\s*[\"']?https?:", RegexOptions.IgnoreCase), html);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir, "figures"), "*.png"));
            var png = await File.ReadAllBytesAsync(Directory.GetFiles(Path.Combine(dir, "figures"), "*.png")[0]);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            foreach (var table in new[] { "reproduced", "holdings", "null-models" })
            {
                var csv = await File.ReadAllLinesAsync(Path.Combine(dir, "tables", table + ".csv"));
                Assert.True(csv.Length > 1, table);
            }

            Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_dataset_with_no_registered_name_gives_a_valid_report_that_says_why_every_figure_is_absent()
    {
        var data = new System.Text.StringBuilder(TestData.Header("digits:1-2"));
        foreach (var label in Enumerable.Range(0, 10).Select(i => $"{i}").Concat(Enumerable.Range(0, 100).Select(i => $"{i:00}")))
        {
            data.Append(CultureInfo.InvariantCulture, $"{label}.nl,{label.Length},free,,,,,,,,dns,,\n");
        }

        var (stdout, dir) = await WriteReport(data.ToString());
        try
        {
            Assert.Contains("verdict: undefined — no registered names", stdout, StringComparison.Ordinal);
            var md = await File.ReadAllTextAsync(Path.Combine(dir, "report.md"));
            var html = await File.ReadAllTextAsync(Path.Combine(dir, "report.html"));
            var (absent, total) = AbsentNote(md);
            Assert.Equal(total, absent);
            Assert.Contains("**Figure absent:** no name with a known holder: there is nothing to distribute.", md, StringComparison.Ordinal);
            Assert.Contains("**Figure absent:** no registered names: the fair-allocation models, capacities and verdict are undefined.", md, StringComparison.Ordinal);
            Assert.DoesNotContain("did not run", md, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
            Assert.Contains($"{absent} of {total} figures are absent for this data", html, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(dir, "figures")) && Directory.EnumerateFiles(Path.Combine(dir, "figures")).Any());
            AssertValidCsvTables(dir, "reproduced", "holdings", "holdings-by-length");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_dataset_with_one_party_gives_a_valid_report_that_says_why_some_figures_are_absent()
    {
        var data = new System.Text.StringBuilder(TestData.Header("digits:4"));
        for (var n = 0; n < 10_000; n++)
        {
            var label = n.ToString("0000", CultureInfo.InvariantCulture);
            data.Append(n % 97 == 0 ? TestData.Row(label, "ONLY") : $"{label}.nl,4,free,,,,,,,,dns,,\n");
        }

        var (stdout, dir) = await WriteReport(data.ToString());
        try
        {
            Assert.Contains("single participant", stdout, StringComparison.Ordinal);
            var md = await File.ReadAllTextAsync(Path.Combine(dir, "report.md"));
            var html = await File.ReadAllTextAsync(Path.Combine(dir, "report.html"));
            // What one party allows is drawn (its names by length and on the map); the rest says why not.
            var drawn = Directory.GetFiles(Path.Combine(dir, "figures"), "*.png").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "holdings-by-length", "ownership-map" }, drawn);
            Assert.Equal(2, Regex.Count(html, "<img "));
            var (absent, total) = AbsentNote(md);
            Assert.Equal(total - 2, absent);
            Assert.Contains("**Figure absent:** only one party: a Lorenz curve needs at least two parties", md, StringComparison.Ordinal);
            Assert.Contains("**Figure absent:** a single party holds every name: with no one to compare it with", md, StringComparison.Ordinal);
            Assert.DoesNotContain("did not run", md, StringComparison.Ordinal);
            AssertValidCsvTables(dir, "reproduced", "holdings", "holdings-by-length");
            var holdings = await File.ReadAllLinesAsync(Path.Combine(dir, "tables", "holdings.csv"));
            Assert.Equal("1,ONLY,104,100.00", holdings[1]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_report_written_over_an_earlier_one_leaves_none_of_its_figures_or_tables()
    {
        var full = await TestData.WriteTemp(TestData.SmallLandrush(seed: 7));
        var empty = await TestData.WriteTemp(TestData.Header("digits:1") + string.Concat(Enumerable.Range(0, 10).Select(i => $"{i}.nl,1,free,,,,,,,,dns,,\n")));
        var dir = Path.Combine(Path.GetTempPath(), $"landrush-report-{Guid.NewGuid():N}");
        try
        {
            var (code, _, stderr) = await CliRunner.RunAsync("report", "--data", full, "--out", dir, "--sims", "100");
            Assert.True(code == 0, stderr);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir, "figures"), "*.svg"));
            var mine = Path.Combine(dir, "figures", "notes.txt");
            await File.WriteAllTextAsync(mine, "not the report's");

            (code, _, stderr) = await CliRunner.RunAsync("report", "--data", empty, "--out", dir, "--sims", "100");
            Assert.True(code == 0, stderr);
            Assert.Equal([mine], Directory.GetFiles(Path.Combine(dir, "figures")));
            AssertValidCsvTables(dir, "reproduced", "holdings", "holdings-by-length");
            Assert.Contains("no registered names", await File.ReadAllTextAsync(Path.Combine(dir, "report.md")), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(full);
            File.Delete(empty);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_missing_file_is_one_line_exit_2_and_writes_nothing()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"landrush-report-{Guid.NewGuid():N}");
        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("report", "--data", Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.csv"), "--out", dir);
            Assert.Equal(2, code);
            Assert.Empty(stdout);
            Assert.StartsWith("landrush: error: ", stderr, StringComparison.Ordinal);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
            Assert.False(Directory.Exists(dir));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Out_is_required()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("report", "--data", TestData.Reconstruction.Value);
        Assert.Equal(2, code);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }

    // The caller deletes the report's folder; when the report fails, it is deleted here.
    private static async Task<(string Stdout, string Dir)> WriteReport(string dataset)
    {
        var data = await TestData.WriteTemp(dataset);
        var dir = Path.Combine(Path.GetTempPath(), $"landrush-report-{Guid.NewGuid():N}");
        var written = false;
        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("report", "--data", data, "--out", dir, "--sims", "100");
            Assert.True(code == 0, stderr);
            written = true;
            return (stdout, dir);
        }
        finally
        {
            File.Delete(data);
            if (!written && Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    // "N of M figures are absent for this data (…)", the sentence that opens the figures.
    private static (int Absent, int Total) AbsentNote(string md)
    {
        var m = Regex.Match(md, @"(\d+) of (\d+) figures are absent for this data \(");
        Assert.True(m.Success, "the report does not say which figures are absent");
        return (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    // Each table is a CSV with a header and rows as wide as it.
    private static void AssertValidCsvTables(string dir, params string[] ids)
    {
        Assert.Equal(ids.Order(StringComparer.Ordinal), Directory.GetFiles(Path.Combine(dir, "tables"), "*.csv").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        foreach (var id in ids)
        {
            using var reader = new StreamReader(Path.Combine(dir, "tables", id + ".csv"));
            // A synthetic dataset's tables open with a comment line that says so (CsvTable.SyntheticLine).
            using var csv = new CsvParser(reader, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { AllowComments = true });
            Assert.True(csv.Read(), $"{id}.csv is empty");
            var width = csv.Count;
            Assert.True(width >= 2, $"{id}.csv has a header of {width} column(s)");
            while (csv.Read())
            {
                Assert.True(csv.Count == width, $"{id}.csv row {csv.Row}: {csv.Count} fields, header {width}");
            }
        }
    }
}
