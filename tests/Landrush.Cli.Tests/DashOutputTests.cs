using System.Text;
using Landrush.Core.Dataset;
using Landrush.Harvest.Store;

namespace Landrush.Cli.Tests;

/// <summary><c>--out -</c> is standard output (README: where a command writes one file), never a file named <c>-</c>.</summary>
public sealed class DashOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-dash-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Export_to_dash_writes_the_dataset_alone_on_stdout_and_its_summary_on_stderr()
    {
        var store = Path.Combine(_dir, "h.sqlite");
        using (var s = SqliteHarvestStore.Open(store))
        {
            s.Begin(new HarvestPlan("digits:1", "nl", "1/1", "whois", 0, 16, "127.0.0.1:53", "127.0.0.1:43"));
        }

        var file = Path.Combine(_dir, "d.csv");
        var (code, stdout, stderr) = await CliRunner.RunAsync("export", "--store", store, "--out", file);
        Assert.True(code == 0, stderr);
        Assert.Contains(" rows written to ", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = await CliRunner.RunAsync("export", "--store", store, "--out", "-");
        Assert.True(code == 0, stderr);
        Assert.False(File.Exists("-"));
        Assert.Equal(await File.ReadAllTextAsync(file), stdout);
        using var csv = new MemoryStream(Encoding.UTF8.GetBytes(stdout));
        Assert.Equal("digits:1", RegistryCsv.Read(csv, "<stdout>").Header.Space.Spec);
        Assert.Contains(" rows written to standard output", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zonefile_to_dash_writes_the_zone_alone_on_stdout()
    {
        var data = Path.Combine(_dir, "d.csv");
        await File.WriteAllTextAsync(data, TestData.Header("digits:1") + TestData.Row("1", "A") + TestData.Row("2", "B"));
        var file = Path.Combine(_dir, "nl.zone");
        var (code, _, stderr) = await CliRunner.RunAsync("zonefile", "--data", data, "--out", file);
        Assert.True(code == 0, stderr);

        (code, var stdout, stderr) = await CliRunner.RunAsync("zonefile", "--data", data, "--out", "-");
        Assert.True(code == 0, stderr);
        Assert.False(File.Exists("-"));
        Assert.Equal(await File.ReadAllTextAsync(file), stdout);
        Assert.Contains("standard output: zone nl. serial", stderr, StringComparison.Ordinal);
    }
}
