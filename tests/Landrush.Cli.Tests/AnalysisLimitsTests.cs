namespace Landrush.Cli.Tests;

/// <summary>
/// The analysis allocates per name of the declared space: a space above the documented limit is refused before any
/// work, in one line with exit 2, whatever few rows the file has.
/// </summary>
public class AnalysisLimitsTests
{
    // One name more than the limit of 20,000,000 (10,000,000 + 10,000,000 + 1): without the check this runs at about 2 GB.
    private const string JustOverTheLimit = "digits:7+[a-j]:7+[k]:1";

    [Theory]
    [InlineData("analyze")]
    [InlineData("report")]
    public async Task A_space_over_the_limit_is_refused_before_the_analysis(string command)
    {
        var path = await TestData.WriteTemp(TestData.Header(JustOverTheLimit) + TestData.Row("1234567", "A") + TestData.Row("abcdefg", "B"));
        var outDir = Path.Combine(Path.GetTempPath(), $"landrush-test-{Guid.NewGuid():N}");
        try
        {
            var args = command == "report" ? new[] { command, "--data", path, "--out", outDir } : new[] { command, "--data", path };
            var (code, stdout, stderr) = await CliRunner.RunAsync(args);
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, stdout);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("landrush: error: ", line, StringComparison.Ordinal);
            Assert.Contains("20,000,001 names", line, StringComparison.Ordinal);
            Assert.Contains("20,000,000", line, StringComparison.Ordinal);
            Assert.False(Directory.Exists(outDir));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Demo_refuses_to_serve_a_space_it_could_not_analyse_before_the_harvest()
    {
        var path = await TestData.WriteTemp(TestData.Header("digits:9") + TestData.Row("123456789", "A"));
        var outDir = Path.Combine(Path.GetTempPath(), $"landrush-test-{Guid.NewGuid():N}");
        try
        {
            var (code, _, stderr) = await CliRunner.RunAsync("demo", "--serve", path, "--out", outDir);
            Assert.Equal(2, code);
            Assert.Contains("1,000,000,000 names", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("simulator on loopback", stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(outDir, "harvest.sqlite")));
        }
        finally
        {
            File.Delete(path);
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("report")]
    [InlineData("demo")]
    public async Task Help_states_the_space_limit(string command)
    {
        var (code, stdout, _) = await CliRunner.RunAsync(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("20,000,000 names", System.Text.RegularExpressions.Regex.Replace(stdout, @"\s+", " "), StringComparison.Ordinal);
    }
}
