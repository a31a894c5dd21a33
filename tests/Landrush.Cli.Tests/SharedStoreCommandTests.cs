using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Landrush.Cli.Files;
using Landrush.Harvest.Store;
using Landrush.Simulator;
using Landrush.Simulator.Whois;

namespace Landrush.Cli.Tests;

/// <summary>One harvester at a time on a SQLite store; any number on PostgreSQL; <c>harvest status</c> on both.</summary>
public sealed class SharedStoreCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-cli-shared-").FullName;

    private static Task<RegistrySimulator> StartAsync(double? rate) => RegistrySimulator.StartAsync(new RegistrySimulatorOptions
    {
        Dataset = DatasetFile.Read(Path.Combine(RepositoryFiles.Root, "data", "nl-2008-reconstruction.csv")),
        DatasetName = "nl-2008-reconstruction.csv",
        Whois = new WhoisServerOptions { RatePerSecond = rate, DailyLimit = null },
    });

    private static string[] Args(RegistrySimulator sim, string store, string space, double rate, params string[] more) =>
    [
        "harvest", "--space", space, "--store", store, "--dns", $"127.0.0.1:{sim.DnsEndPoint!.Port}", "--whois", $"127.0.0.1:{sim.WhoisEndPoint!.Port}",
        "--whois-rate", rate.ToString(System.Globalization.CultureInfo.InvariantCulture), .. more,
    ];

    [Fact]
    public async Task A_second_harvest_of_a_sqlite_store_is_refused_without_touching_it_and_a_killed_holders_lock_is_taken_over()
    {
        await using var sim = await StartAsync(rate: null);
        var store = Path.Combine(_dir, "one.sqlite");
        // The first harvest, slow (20 queries a second over 1,039 names), as a process of its own.
        using var first = Start(Args(sim, store, "digits:1-3", 20));
        var watch = Stopwatch.StartNew();
        while (!(File.Exists(SqliteHarvestLock.PathFor(store) + ".holder") && File.ReadAllText(SqliteHarvestLock.PathFor(store) + ".holder").Contains($"pid {first.Id} ")
                 && Answered(store) > 0) && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(first.HasExited, "the first harvest ended before the second started");
            await Task.Delay(100);
        }

        // Stopped, so that nothing else writes while the second one runs: the store's files must be the same after it.
        Signal("STOP", first.Id);
        try
        {
            var before = Digest(store);
            var (code, _, err) = await CliRunner.RunAsync(Args(sim, store, "digits:1-3", 2000));
            Assert.Equal(2, code);
            Assert.Matches($@"^landrush: error: {Regex(store)}: store in use by pid {first.Id} on {Regex(Environment.MachineName)} since \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ; use a PostgreSQL store for several harvesters$", err.Trim().Split('\n')[^1]);
            Assert.Equal(before, Digest(store));

            // A demo into the same folder is refused the same way (its store is OUT/harvest.sqlite).
            using (SqliteHarvestLock.Acquire(Path.Combine(_dir, "harvest.sqlite")))
            {
                var demo = await CliRunner.RunAsync("demo", "--out", _dir, "--sims", "100");
                Assert.Equal(2, demo.Code);
                Assert.Contains("store in use by pid", demo.Err);
            }
        }
        finally
        {
            first.Kill(); // SIGKILL, while stopped: its lock is the kernel's, gone with it
            await first.WaitForExitAsync();
        }

        var (again, output, error) = await CliRunner.RunAsync(Args(sim, store, "digits:1-3", 2000));
        Assert.True(again == 0, error);
        Assert.Contains("names 1,110", output);
        var status = await CliRunner.RunAsync("harvest", "status", "--store", store, "--json");
        Assert.Equal(0, status.Code);
        using var json = JsonDocument.Parse(status.Out);
        Assert.Equal(1110, json.RootElement.GetProperty("dns").GetProperty("swept").GetInt64());
        var whois = json.RootElement.GetProperty("whois");
        Assert.Equal(whois.GetProperty("needed").GetInt64(), whois.GetProperty("answered").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("workers").GetArrayLength()); // the killed run and the last one
        Assert.Equal(0, json.RootElement.GetProperty("eta_seconds").GetDouble());

        // The analysis reads a store as the dataset export makes of it.
        var reproduce = await CliRunner.RunAsync("reproduce", "--data", store);
        Assert.True(reproduce.Code == 0, reproduce.Err);
        Assert.Contains("1110", reproduce.Out.Replace(",", ""));
    }

    [SkippableFact]
    public async Task Two_workers_from_their_own_addresses_harvest_one_postgresql_store_and_status_lists_them()
    {
        var url = PostgresServer.Get().NewDatabase();
        await using var sim = await StartAsync(rate: 200);
        var runs = await Task.WhenAll(
            CliRunner.RunAsync(Args(sim, url, "digits:1-2", 150, "--worker", "left", "--source-address", "127.0.0.2")),
            CliRunner.RunAsync(Args(sim, url, "digits:1-2", 150, "--worker", "right", "--source-address", "127.0.0.3")));
        Assert.All(runs, r => Assert.True(r.Code == 0, r.Err));
        Assert.All(runs, r => Assert.DoesNotContain(PostgresServer.Password, r.Out + r.Err));

        var status = await CliRunner.RunAsync("harvest", "status", "--store", url);
        Assert.Equal(0, status.Code);
        Assert.Matches(@"dns    110/110 names swept \(100\.0%\)", status.Out);
        Assert.Matches(@"left  from 127\.0\.0\.2 .* whois \d+ exchanges", status.Out);
        Assert.Matches(@"right  from 127\.0\.0\.3 .* whois \d+ exchanges", status.Out);
        Assert.DoesNotContain(PostgresServer.Password, status.Out);

        var csv = Path.Combine(_dir, "export.csv");
        var export = await CliRunner.RunAsync("export", "--store", url, "--out", csv);
        Assert.True(export.Code == 0, export.Err);
        Assert.Equal(111, File.ReadAllLines(csv).Length - 1); // the declaration, the header and 110 rows
        var raw = await CliRunner.RunAsync("raw", "--store", url, "42.nl", "--all");
        Assert.Contains("\tdns\t", raw.Out);
        var reproduce = await CliRunner.RunAsync("reproduce", "--data", url);
        Assert.True(reproduce.Code == 0, reproduce.Err);
        Assert.DoesNotContain(PostgresServer.Password, reproduce.Out + reproduce.Err);
    }

    [SkippableFact]
    public async Task Shards_harvested_into_sqlite_files_merge_into_a_postgresql_store()
    {
        var url = PostgresServer.Get().NewDatabase();
        await using var sim = await StartAsync(rate: null);
        var a = Path.Combine(_dir, "a.sqlite");
        var b = Path.Combine(_dir, "b.sqlite");
        Assert.Equal(0, (await CliRunner.RunAsync(Args(sim, a, "digits:1-2", 2000, "--shard", "1/2"))).Code);
        Assert.Equal(0, (await CliRunner.RunAsync(Args(sim, b, "digits:1-2", 2000, "--shard", "2/2"))).Code);
        var merge = await CliRunner.RunAsync("merge", "--out", url, a, b);
        Assert.True(merge.Code == 0, merge.Err);
        Assert.Contains("110 names", merge.Out);
        Assert.DoesNotContain(PostgresServer.Password, merge.Out);
        var again = await CliRunner.RunAsync("merge", "--out", url, a, b);
        Assert.Equal(2, again.Code);
        Assert.Contains("holds a harvest already", again.Err);

        var fromShards = Path.Combine(_dir, "shards.csv");
        var whole = Path.Combine(_dir, "whole.csv");
        Assert.Equal(0, (await CliRunner.RunAsync("export", "--store", url, "--out", fromShards)).Code);
        Assert.Equal(0, (await CliRunner.RunAsync(Args(sim, url, "digits:1-2", 2000))).Code); // the merged store resumes as shard 1/1: nothing left to ask
        Assert.Equal(0, (await CliRunner.RunAsync("export", "--store", url, "--out", whole)).Code);
        static IEnumerable<string> Facts(string csv) => File.ReadLines(csv).Skip(2).Select(l => string.Join(',', l.Split(',')[..11]));
        Assert.Equal(110, Facts(fromShards).Count());
        Assert.Equal(Facts(fromShards), Facts(whole));
    }

    [Fact]
    public async Task Bad_worker_options_are_refused_before_anything_is_asked()
    {
        var store = Path.Combine(_dir, "s.sqlite");
        var (code, _, err) = await CliRunner.RunAsync("harvest", "--store", store, "--space", "digits:1", "--dns", "127.0.0.1:9", "--whois", "127.0.0.1:9", "--source-address", "192.0.2.1");
        Assert.Equal(2, code);
        Assert.Contains("--source-address 192.0.2.1: not an address of this machine", err);
        (code, _, err) = await CliRunner.RunAsync("harvest", "--store", store, "--space", "digits:1", "--dns", "127.0.0.1:9", "--whois", "127.0.0.1:9", "--lease", "0");
        Assert.Equal(2, code);
        Assert.Contains("--lease must be 1 to 86,400 seconds", err);
        Assert.False(File.Exists(store));
    }

    private static long Answered(string store)
    {
        try
        {
            using var s = SqliteHarvestStore.Open(store, mustExist: true, readOnly: true);
            return s.Counts().WhoisAnswered;
        }
        catch (Exception ex) when (ex is IOException or Landrush.Core.UserInputException)
        {
            return 0;
        }
    }

    private static string Digest(string store) => string.Join(",", new[] { store, store + "-wal" }.Where(File.Exists)
        .Select(f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    private static Process Start(string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "landrush.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var p = Process.Start(psi)!;
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        return p;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
