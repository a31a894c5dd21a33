using System.Text.RegularExpressions;

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
    public async Task A_missing_file_is_one_line_exit_2_and_writes_nothing()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"landrush-report-{Guid.NewGuid():N}");
        var (code, stdout, stderr) = await CliRunner.RunAsync("report", "--data", Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.csv"), "--out", dir);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("landrush: error: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task Out_is_required()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("report", "--data", TestData.Reconstruction.Value);
        Assert.Equal(2, code);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }
}
