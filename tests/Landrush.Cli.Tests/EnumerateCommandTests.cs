namespace Landrush.Cli.Tests;

public class EnumerateCommandTests
{
    [Fact]
    public async Task Count_of_the_default_space_is_111110()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("enumerate", "--space", "digits:1-5", "--tld", "nl", "--count");
        Assert.Equal(0, code);
        Assert.Equal("111110", stdout.Trim());
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Full_listing_has_111110_distinct_names_from_0_nl_to_99999_nl()
    {
        var path = Path.Combine(Path.GetTempPath(), $"landrush-enum-{Guid.NewGuid():N}.txt");
        try
        {
            var (code, _, stderr) = await CliRunner.RunAsync("enumerate", "--out", path);
            Assert.Equal(0, code);
            Assert.Empty(stderr);
            var lines = await File.ReadAllLinesAsync(path);
            Assert.Equal(111_110, lines.Length);
            Assert.Equal("0.nl", lines[0]);
            Assert.Equal("99999.nl", lines[^1]);
            Assert.Equal(111_110, lines.Distinct(StringComparer.Ordinal).Count());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Shards_of_the_listing_concatenate_to_the_whole()
    {
        var whole = (await CliRunner.RunAsync("enumerate", "--space", "digits:1-3", "--tld", "example")).Out;
        var joined = string.Concat(await Task.WhenAll(Enumerable.Range(1, 8)
            .Select(async k => (await CliRunner.RunAsync("enumerate", "--space", "digits:1-3", "--tld", "example", "--shard", $"{k}/8")).Out)));
        Assert.Equal(whole, joined);
        Assert.StartsWith("0.example\n", whole, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("digits:0")]
    [InlineData("digits:5-3")]
    [InlineData("digits:1-99")]
    [InlineData("hex:3")]
    [InlineData("")]
    [InlineData("digits:1-12")]
    public async Task Bad_specs_give_one_line_and_exit_code_2(string spec)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("enumerate", "--space", spec, "--count");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("landrush: error: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain(" at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--shard", "0/4")]
    [InlineData("--tld", "n l")]
    [InlineData("--bogus", "x")]
    public async Task Bad_options_exit_with_code_2(string option, string value)
    {
        var (code, _, stderr) = await CliRunner.RunAsync("enumerate", option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("landrush: error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_with_out_writes_the_count_to_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"landrush-count-{Guid.NewGuid():N}.txt");
        try
        {
            var (code, stdout, _) = await CliRunner.RunAsync("enumerate", "--count", "--out", path);
            Assert.Equal(0, code);
            Assert.Empty(stdout);
            Assert.Equal("111110\n", await File.ReadAllTextAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Out_to_a_directory_or_a_missing_directory_is_bad_input()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("enumerate", "--out", Path.GetTempPath());
        Assert.Equal(2, code);
        Assert.Contains("is a directory", stderr, StringComparison.Ordinal);
        (code, _, stderr) = await CliRunner.RunAsync("enumerate", "--out", "/nonexistent-landrush-dir/x.txt");
        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);

        // A path through a file: the file is named for what it is, not as a folder that does not exist.
        var file = Path.GetTempFileName();
        try
        {
            (code, _, stderr) = await CliRunner.RunAsync("enumerate", "--out", Path.Combine(file, "x.txt"));
            Assert.Equal((2, $"landrush: error: cannot write {Path.Combine(file, "x.txt")}: {file} is a file, not a directory"), (code, stderr.TrimEnd()));
            (code, _, stderr) = await CliRunner.RunAsync("enumerate", "--out", Path.Combine(file, "sub", "x.txt"));
            Assert.Equal((2, $"landrush: error: cannot write {Path.Combine(file, "sub", "x.txt")}: {file} is a file, not a directory"), (code, stderr.TrimEnd()));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
