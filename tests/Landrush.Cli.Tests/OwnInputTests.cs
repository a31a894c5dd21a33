using Landrush.Core.Dataset;
using Landrush.Harvest.Store;

namespace Landrush.Cli.Tests;

/// <summary>No command writes over a file it reads: refused with one line, exit 2, the input left as it was.</summary>
public sealed class OwnInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-own-input-").FullName;

    private static string Small => TestData.Header("digits:1") + TestData.Row("1", "A") + TestData.Row("2", "A") + TestData.Row("3", "B")
        + string.Concat(Enumerable.Range(4, 6).Select(i => $"{i}.nl,1,free,,,,,,,,dns,,\n"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Export_refuses_to_write_over_its_own_store_even_through_a_link()
    {
        var store = P("h1.sqlite");
        using (var s = SqliteHarvestStore.Open(store))
        {
            s.Begin(new HarvestPlan("digits:1", "nl", "1/1", "whois", 0, 16, "127.0.0.1:53", "127.0.0.1:43"));
        }

        var before = await File.ReadAllBytesAsync(store);
        Directory.CreateSymbolicLink(P("linked"), _dir);
        foreach (var output in new[] { store, Path.Combine(P("linked"), "h1.sqlite"), Path.Combine(_dir, ".", "h1.sqlite") })
        {
            await AssertRefused(output, "export", "--store", store, "--out", output);
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(store));
    }

    [Fact]
    public async Task Zonefile_refuses_to_write_over_its_dataset()
    {
        var data = P("sc.csv");
        await File.WriteAllTextAsync(data, Small);
        await AssertRefused(data, "zonefile", "--data", data, "--out", data);
        Assert.Equal(Small, await File.ReadAllTextAsync(data));
    }

    [Fact]
    public async Task Analyze_refuses_to_write_a_table_over_its_dataset()
    {
        var same = Directory.CreateDirectory(P("same")).FullName;
        var data = Path.Combine(same, "parties.csv");
        await File.WriteAllTextAsync(data, Small);
        await AssertRefused(data, "analyze", "--data", data, "--out", same, "--sims", "100");
        Assert.Equal(Small, await File.ReadAllTextAsync(data));
        Assert.Equal([data], Directory.GetFiles(same));
    }

    [Fact]
    public async Task Report_refuses_to_write_over_its_dataset_inside_its_folder()
    {
        var data = P("small.csv");
        await File.WriteAllTextAsync(data, Small);
        var same = P("same2");
        var (code, _, err) = await CliRunner.RunAsync("report", "--data", data, "--out", same, "--sims", "100");
        Assert.True(code == 0, err);
        var table = Directory.GetFiles(Path.Combine(same, "tables"), "*.csv").Order(StringComparer.Ordinal).First();
        File.Copy(data, table, overwrite: true);
        var md = Path.Combine(same, "report.md");
        var html = await File.ReadAllTextAsync(Path.Combine(same, "report.html"));
        var mdBefore = await File.ReadAllTextAsync(md);

        await AssertRefused(table, "report", "--data", table, "--out", same, "--sims", "100");
        Assert.Equal(Small, await File.ReadAllTextAsync(table));
        Assert.Equal(mdBefore, await File.ReadAllTextAsync(md));

        File.Copy(data, md, overwrite: true);
        await AssertRefused(md, "report", "--data", md, "--out", same, "--sims", "100");
        Assert.Equal(Small, await File.ReadAllTextAsync(md));
        Assert.Equal(html, await File.ReadAllTextAsync(Path.Combine(same, "report.html")));
        Assert.Empty(Directory.GetFiles(same, "*.tmp", SearchOption.AllDirectories));
    }

    private static async Task AssertRefused(string output, params string[] args)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(args);
        Assert.True(code == 2, $"exit {code}: {stderr}");
        Assert.Equal("", stdout);
        // analyze and report know their files' names after the analysis (its progress lines come first).
        var line = Assert.Single(stderr.Trim().Split('\n'), l => l.StartsWith("landrush:", StringComparison.Ordinal));
        Assert.StartsWith("landrush: error: cannot write ", line, StringComparison.Ordinal);
        Assert.EndsWith(": it is an input of this command", line, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(output), line, StringComparison.Ordinal);
    }

    private string P(string name) => Path.Combine(_dir, name);
}
