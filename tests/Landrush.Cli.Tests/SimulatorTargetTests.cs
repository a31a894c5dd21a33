using Landrush.Cli.Files;
using Landrush.Simulator;

namespace Landrush.Cli.Tests;

/// <summary>
/// A harvest of the local simulator says so at the start, with the rate the simulator allows and how to raise it on
/// both sides: the default (1 query/s, as SIDN) would otherwise take hours without a word.
/// </summary>
public sealed class SimulatorTargetTests
{
    [Fact]
    public async Task A_harvest_of_the_simulator_says_what_rate_it_allows_and_how_to_raise_both_sides()
    {
        var data = DatasetFile.Read(TestData.Reconstruction.Value);
        await using var sim = await RegistrySimulator.StartAsync(new RegistrySimulatorOptions { Dataset = data, DatasetName = "nl-2008-reconstruction.csv" });
        var store = Path.Combine(Path.GetTempPath(), $"landrush-target-{Guid.NewGuid():N}.sqlite");
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            using var stdout = new StringWriter();
            using var stderr = new CancelOnLine("--whois-rate", cts);
            await LandrushCli.RunAsync(["harvest", "--store", store, "--space", "digits:1", "--dns", $"127.0.0.1:{sim.DnsEndPoint!.Port}",
                "--whois", $"127.0.0.1:{sim.WhoisEndPoint!.Port}"], stdout, stderr, cts.Token);
            var note = stderr.ToString().Split('\n').SingleOrDefault(l => l.Contains("Landrush simulator", StringComparison.Ordinal));
            Assert.True(note is not null, stderr.ToString());
            Assert.Contains("SYNTHETIC", note, StringComparison.Ordinal);
            Assert.Contains("allows 1 WHOIS query/s", note, StringComparison.Ordinal);
            Assert.Contains("simulate --whois-rate", note, StringComparison.Ordinal);
            Assert.Contains("harvest --whois-rate", note, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(store) + "*"))
            {
                File.Delete(f);
            }
        }
    }

    [Fact]
    public async Task The_root_help_ends_with_no_stray_sentence()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("--help");
        Assert.Equal(0, code);
        Assert.DoesNotContain("comes next", stdout, StringComparison.Ordinal);
        Assert.Contains("demo", stdout[..stdout.IndexOf("Usage:", StringComparison.Ordinal)], StringComparison.Ordinal);
    }
}
