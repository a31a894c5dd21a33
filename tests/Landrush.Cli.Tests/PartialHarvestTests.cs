using System.Globalization;
using System.Text;
using System.Text.Json;
using Landrush.Cli.Files;
using Landrush.Simulator;

namespace Landrush.Cli.Tests;

/// <summary>
/// A harvest stopped part-way: its export still says what it is (synthetic when the simulator served it, incomplete
/// when names have no answer), and every later output counts its DNS-only names as registered with an unknown holder.
/// </summary>
public sealed class PartialHarvestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-partial-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_harvest_of_the_simulator_stopped_after_the_dns_sweep_exports_as_synthetic_and_incomplete()
    {
        var store = await HarvestDnsOnlyAsync();
        var csv = Path.Combine(_dir, "partial.csv");
        var (code, stdout, stderr) = await CliRunner.RunAsync("export", "--store", store, "--out", csv);
        Assert.True(code == 0, stderr);
        var header = (await File.ReadAllLinesAsync(csv))[0];
        Assert.Contains(" provenance=synthetic-harvest:", header, StringComparison.Ordinal);
        Assert.Contains(":incomplete:", header, StringComparison.Ordinal);
        Assert.Contains("SYNTHETIC", stdout, StringComparison.Ordinal);
        Assert.Contains("incomplete harvest: ", stderr, StringComparison.Ordinal);
        Assert.Contains("without a WHOIS answer", stderr, StringComparison.Ordinal);

        (code, stdout, _) = await CliRunner.RunAsync("validate", csv);
        Assert.Equal(0, code);
        Assert.Contains("SYNTHETIC", stdout, StringComparison.Ordinal);
        (code, stdout, _) = await CliRunner.RunAsync("reproduce", "--data", csv);
        Assert.Equal(0, code);
        Assert.StartsWith("SYNTHETIC", stdout, StringComparison.Ordinal);
        var report = Path.Combine(_dir, "report");
        (code, _, stderr) = await CliRunner.RunAsync("report", "--data", csv, "--out", report, "--sims", "100");
        Assert.True(code == 0, stderr);
        Assert.Contains("SYNTHETIC", await File.ReadAllTextAsync(Path.Combine(report, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_and_report_count_dns_only_names_as_registered_with_an_unknown_holder()
    {
        var data = Path.Combine(_dir, "dns-only.csv");
        var text = new StringBuilder(TestData.Header("digits:1-2"));
        for (var i = 0; i < 100; i++)
        {
            var label = i.ToString("00", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{label}.nl,2,{(i % 4 == 0 ? "active" : "free")},,,,,,,,dns,,\n");
        }

        await File.WriteAllTextAsync(data, text.ToString());
        var (code, stdout, stderr) = await CliRunner.RunAsync("analyze", "--data", data, "--sims", "100");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("registered 0", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("no registered name", stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("registered 25", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = await CliRunner.RunAsync("analyze", "--data", data, "--sims", "100", "--json");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(25, json.RootElement.GetProperty("registered").GetInt32());
        Assert.Equal(25, json.RootElement.GetProperty("registered_holder_unknown").GetInt32());
        Assert.DoesNotContain("no registered name", json.RootElement.GetProperty("verdict").GetProperty("plain").GetString()!, StringComparison.OrdinalIgnoreCase);

        var report = Path.Combine(_dir, "report");
        (code, stdout, stderr) = await CliRunner.RunAsync("report", "--data", data, "--out", report, "--sims", "100");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("no registered name", stdout, StringComparison.OrdinalIgnoreCase);
        var md = await File.ReadAllTextAsync(Path.Combine(report, "report.md"));
        Assert.DoesNotContain("no registered name", md, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("25 registered", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_of_an_empty_file_writes_nothing_into_it()
    {
        var empty = Path.Combine(_dir, "empty.sqlite");
        await File.WriteAllBytesAsync(empty, []);
        var (code, _, stderr) = await CliRunner.RunAsync("export", "--store", empty, "--out", Path.Combine(_dir, "x.csv"));
        Assert.Equal(2, code);
        Assert.StartsWith($"landrush: error: {empty}: ", stderr, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(empty).Length);
        Assert.Equal([empty], Directory.GetFiles(_dir));
    }

    private const int Delegated = 25;

    /// <summary>
    /// Harvests a synthetic digits:1-2 registry from the simulator and stops (as Ctrl-C would) once the WHOIS stage has
    /// reported itself, so the DNS sweep is in the store ("dns 110/110" counts names swept, which the writer may store a
    /// moment later: cancelled there, a loaded machine left none stored); WHOIS points at a closed port, so no WHOIS
    /// reply (and no notice in one) ever reaches the store.
    /// </summary>
    private async Task<string> HarvestDnsOnlyAsync()
    {
        var path = Path.Combine(_dir, "served.csv");
        var text = new StringBuilder("#landrush-dataset v1 space=digits:1-2 tld=nl provenance=synthetic-test\n" +
            "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref\n");
        var registered = 0;
        foreach (var label in Enumerable.Range(0, 10).Select(i => i.ToString(CultureInfo.InvariantCulture))
                     .Concat(Enumerable.Range(0, 100).Select(i => i.ToString("00", CultureInfo.InvariantCulture))))
        {
            var active = label.Length == 2 && int.Parse(label, CultureInfo.InvariantCulture) % 4 == 0;
            registered += active ? 1 : 0;
            text.Append(active
                ? $"{label}.nl,2,active,R1,H{label},,,ns1.{label}.nl,2008-02-28,,reconstruction,,\n"
                : $"{label}.nl,{label.Length},free,,,,,,,,reconstruction,,\n");
        }

        Assert.Equal(Delegated, registered);
        await File.WriteAllTextAsync(path, text.ToString());
        await using var sim = await RegistrySimulator.StartAsync(new RegistrySimulatorOptions { Dataset = DatasetFile.Read(path), DatasetName = "served.csv", EnableWhois = false });
        var store = Path.Combine(_dir, "partial.sqlite");
        using var cts = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new CancelOnLine("  throttled ", cts);
        var code = await LandrushCli.RunAsync(
            ["harvest", "--store", store, "--space", "digits:1-2", "--dns", $"127.0.0.1:{sim.DnsEndPoint!.Port}", "--whois", "127.0.0.1:9"],
            stdout, stderr, cts.Token);
        Assert.True(code == LandrushCli.Cancelled, stderr.ToString());
        return store;
    }
}
