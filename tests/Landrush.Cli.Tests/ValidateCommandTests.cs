namespace Landrush.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private const string Good =
        "#landrush-dataset v1 space=digits:1-2 tld=nl\n" +
        "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref\n" +
        "0.nl,1,active,Registrar 01 (synthetic),ABC000001-SYNTH,,,ns1.p.example,2008-02-28,,reconstruction,,\n" +
        "1.nl,1,free,,,,,,,,reconstruction,,\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_valid_dataset_is_summarised_and_labelled_synthetic()
    {
        var path = await WriteTemp(Good);
        var (code, stdout, stderr) = await CliRunner.RunAsync("validate", path);
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.Contains("rows 2 of 110 names (108 missing)", stdout, StringComparison.Ordinal);
        Assert.Contains("SYNTHETIC", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_dataset_gives_file_line_and_column_and_exit_code_2()
    {
        var path = await WriteTemp(Good.Replace("2008-02-28", "2008-13-01", StringComparison.Ordinal));
        var (code, _, stderr) = await CliRunner.RunAsync("validate", path);
        Assert.Equal(2, code);
        Assert.Equal($"landrush: error: {path}:3: column 'created': malformed date '2008-13-01' (want yyyy-MM-dd)", stderr.TrimEnd());
    }

    [Fact]
    public async Task A_missing_file_is_a_one_line_error()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("validate", "/nonexistent/x.csv");
        Assert.Equal(2, code);
        Assert.Equal("landrush: error: /nonexistent/x.csv: no such file", stderr.TrimEnd());
    }

    [Fact]
    public async Task A_symbolic_link_to_nothing_or_a_loop_of_links_is_a_one_line_error_with_the_path_as_typed()
    {
        var dir = Directory.CreateTempSubdirectory("landrush-links-").FullName;
        try
        {
            var dangling = Path.Combine(dir, "dangling.csv");
            File.CreateSymbolicLink(dangling, Path.Combine(dir, "gone.csv"));
            var (code, _, stderr) = await CliRunner.RunAsync("validate", dangling);
            Assert.Equal(2, code);
            Assert.Equal($"landrush: error: {dangling}: no such file (a symbolic link to {Path.Combine(dir, "gone.csv")}, which does not exist)", stderr.TrimEnd());

            var a = Path.Combine(dir, "a.csv");
            var b = Path.Combine(dir, "b.csv");
            File.CreateSymbolicLink(a, b);
            File.CreateSymbolicLink(b, a);
            (code, _, stderr) = await CliRunner.RunAsync("analyze", "--data", a);
            Assert.Equal(2, code);
            Assert.Equal($"landrush: error: {a}: a symbolic link that does not resolve (a loop of links?)", stderr.TrimEnd());

            // A harvest store is opened by SQLite, which saw such a link as an unopenable database (exit 1).
            var store = Path.Combine(dir, "store.db");
            File.CreateSymbolicLink(store, Path.Combine(dir, "gone.db"));
            (code, _, stderr) = await CliRunner.RunAsync("export", "--store", store, "--out", Path.Combine(dir, "o.csv"));
            Assert.Equal(2, code);
            Assert.Equal($"landrush: error: {store}: no such file (a symbolic link to {Path.Combine(dir, "gone.db")}, which does not exist)", stderr.TrimEnd());
            (code, _, stderr) = await CliRunner.RunAsync("raw", "--store", a, "nl");
            Assert.Equal((2, $"landrush: error: {a}: a symbolic link that does not resolve (a loop of links?)"), (code, stderr.TrimEnd()));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private async Task<string> WriteTemp(string text)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    [Fact]
    public async Task A_synthetic_provenance_is_shown_and_labelled()
    {
        var path = await WriteTemp(Good
            .Replace("tld=nl", "tld=nl provenance=synthetic-reconstruction:profile=nl-2008:seed=1", StringComparison.Ordinal)
            .Replace("reconstruction,,", "dns,,", StringComparison.Ordinal));
        var (code, stdout, _) = await CliRunner.RunAsync("validate", path);
        Assert.Equal(0, code);
        Assert.Contains("provenance: synthetic-reconstruction:profile=nl-2008:seed=1", stdout, StringComparison.Ordinal);
        Assert.Contains("SYNTHETIC", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updated_earlier_than_created_is_warned_about_with_file_and_line()
    {
        var path = await TestData.WriteTemp(TestData.Header("digits:1") +
            "1.nl,1,active,R1,H1,,,,2008-02-28,2008-02-28,dns,,\n" +
            "2.nl,1,active,R1,H2,,,,9999-12-31,0001-01-01,dns,,\n");
        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("validate", path);
            Assert.Equal(0, code);
            Assert.Contains("valid Landrush dataset", stdout, StringComparison.Ordinal);
            var warning = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal($"landrush: warning: {path}:4: column 'updated': 0001-01-01 is earlier than created 9999-12-31", warning);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
