namespace Landrush.Cli.Tests;

/// <summary>Issue 14: messages in the user's words, one line, paths as typed, long values shortened.</summary>
public class MessagesTests
{
    private const string Columns = "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref\n";

    [Fact]
    public async Task A_parse_error_is_one_line_without_dotnet_type_names()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("reconstruct", "--seed", "x", "--out", "/nonexistent/x.csv");
        Assert.Equal(2, code);
        Assert.Equal("landrush: error: option '--seed': 'x' is not a whole number (see 'landrush reconstruct --help')", stderr.TrimEnd());
    }

    [Fact]
    public async Task A_long_quoted_value_is_shortened()
    {
        var spec = "digits:" + new string('9', 100_000);
        var (code, _, stderr) = await CliRunner.RunAsync("enumerate", "--space", spec);
        Assert.Equal(2, code);
        Assert.True(stderr.Length < 1000, $"error of {stderr.Length} characters");
        Assert.Contains("(100,007 characters)", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Validate_says_synthetic_only_when_it_is_and_never_a_dangling_sources()
    {
        var path = await TestData.WriteTemp("#landrush-dataset v1 space=digits:1 tld=nl\n" + Columns);
        try
        {
            var (code, stdout, _) = await CliRunner.RunAsync("validate", path);
            Assert.Equal(0, code);
            Assert.DoesNotContain("SYNTHETIC", stdout, StringComparison.Ordinal);
            Assert.Contains("sources: none (no rows)\n", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.DoesNotContain("sources: \n", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Enumerate_out_dash_is_standard_output_and_creates_no_file_named_dash()
    {
        var dir = Directory.CreateTempSubdirectory("landrush-dash-");
        var cwd = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = dir.FullName;
            var (code, stdout, _) = await CliRunner.RunAsync("enumerate", "--space", "digits:1", "--out", "-");
            Assert.Equal(0, code);
            Assert.StartsWith("0.nl\n1.nl\n", stdout, StringComparison.Ordinal);
            Assert.Empty(dir.GetFiles());
        }
        finally
        {
            Environment.CurrentDirectory = cwd;
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("/proc/x")]
    [InlineData("/nonexistent-dir/x.txt")]
    public async Task An_unwritable_output_path_says_cannot_write_it(string path)
    {
        var (code, _, stderr) = await CliRunner.RunAsync("enumerate", "--space", "digits:1", "--out", path);
        Assert.Equal(2, code);
        Assert.StartsWith($"landrush: error: cannot write {path}: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_quote_a_relative_path_as_typed()
    {
        var dir = Directory.CreateTempSubdirectory("landrush-relative-");
        var cwd = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = dir.FullName;
            Directory.CreateDirectory("sub/out.txt");
            var (code, _, stderr) = await CliRunner.RunAsync("enumerate", "--out", "sub/out.txt");
            Assert.Equal(2, code);
            Assert.Equal("landrush: error: sub/out.txt: is a directory, not a file", stderr.TrimEnd());
        }
        finally
        {
            Environment.CurrentDirectory = cwd;
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Reconstruct_never_touches_a_users_file_named_like_a_temporary()
    {
        var dir = Directory.CreateTempSubdirectory("landrush-usertmp-");
        try
        {
            var mine = Path.Combine(dir.FullName, "r.csv.tmp");
            await File.WriteAllTextAsync(mine, "mine");
            var (code, _, _) = await CliRunner.RunAsync("reconstruct", "--out", Path.Combine(dir.FullName, "r.csv"));
            Assert.Equal(0, code);
            Assert.Equal("mine", await File.ReadAllTextAsync(mine));
            Assert.Equal(4, dir.GetFiles().Length);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
