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
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
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

    [Theory]
    [InlineData("analyze", "--sims", "2147483647", "at most 1,000,000 runs")]
    [InlineData("report", "--sims", "1000001", "at most 1,000,000 runs")]
    [InlineData("analyze", "--participants", "2147483647", "at most 10,000")]
    [InlineData("report", "--participants", "10001", "at most 10,000")]
    [InlineData("reproduce", "--participants", "20000000", "at most 10,000")]
    public async Task Huge_valid_numbers_are_refused_in_one_line_naming_the_bound(string command, string option, string value, string bound)
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"landrush-test-{Guid.NewGuid():N}");
        var args = new List<string> { command, "--data", TestData.Reconstruction.Value, option, value };
        if (command == "report")
        {
            args.AddRange(["--out", outDir]);
        }

        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync([.. args]);
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, stdout);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal($"landrush: error: {option} {value}: ", line[..$"landrush: error: {option} {value}: ".Length]);
            Assert.Contains(bound, line, StringComparison.Ordinal);
            Assert.False(Directory.Exists(outDir));
        }
        finally
        {
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("--sims")]
    [InlineData("--participants")]
    [InlineData("--seed")]
    public async Task A_number_too_large_for_its_type_is_said_to_be_out_of_range(string option)
    {
        var (code, _, stderr) = await CliRunner.RunAsync("analyze", "--data", TestData.Reconstruction.Value, option, "99999999999999999999");
        Assert.Equal(2, code);
        Assert.Equal($"landrush: error: option '{option}': '99999999999999999999' is out of range (see 'landrush analyze --help')", stderr.TrimEnd());
    }

    [Fact]
    public async Task A_malformed_number_is_still_said_to_be_no_number()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("analyze", "--data", TestData.Reconstruction.Value, "--sims", "12x");
        Assert.Equal(2, code);
        Assert.Equal("landrush: error: option '--sims': '12x' is not a whole number (see 'landrush analyze --help')", stderr.TrimEnd());
    }

    [Fact]
    public async Task An_unknown_command_is_said_to_be_unknown()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("nosuch");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("landrush: error: unknown command 'nosuch' (see 'landrush --help')", stderr.TrimEnd());
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("report")]
    public async Task Help_states_the_bounds_of_sims_and_participants(string command)
    {
        var (code, stdout, _) = await CliRunner.RunAsync(command, "--help");
        Assert.Equal(0, code);
        var text = System.Text.RegularExpressions.Regex.Replace(stdout, @"\s+", " ");
        Assert.Contains("100 to 1,000,000", text, StringComparison.Ordinal);
        Assert.Contains("at most 10,000", text, StringComparison.Ordinal);
    }
}
