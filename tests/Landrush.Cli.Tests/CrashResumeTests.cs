using System.Collections.Concurrent;
using System.Diagnostics;
using Landrush.Cli.Files;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Store;
using Landrush.Simulator;
using Landrush.Simulator.Faults;
using Landrush.Simulator.Whois;
using Xunit.Abstractions;

namespace Landrush.Cli.Tests;

/// <summary>
/// The harvest as a child process, killed with SIGKILL at seeded moments against a simulator with faults on,
/// and resumed each time (the small version; benchmarks/crash-resume.sh does 20 kills over the whole space).
/// </summary>
public sealed class CrashResumeTests(ITestOutputHelper output) : IDisposable
{
    private const string Space = "digits:1-3";
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-cli-crash-").FullName;

    [Fact]
    public async Task Killed_three_times_and_resumed_the_harvest_ends_as_an_uninterrupted_one()
    {
        const int seed = 1126;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var data = DatasetFile.Read(Path.Combine(RepositoryFiles.Root, "data", "nl-2008-reconstruction.csv"));
        var recording = false;
        long answered = 0;
        var queries = new ConcurrentQueue<WhoisQueryLogEntry>();
        await using var sim = await RegistrySimulator.StartAsync(new RegistrySimulatorOptions
        {
            Dataset = data,
            DatasetName = "nl-2008-reconstruction.csv",
            Whois = new WhoisServerOptions
            {
                RatePerSecond = null,
                DailyLimit = null,
                Faults = new WhoisFaults { Reset = 0.01, Empty = 0.01, Busy = 0.01, Truncated = 0.01 },
            },
            Dns = new Landrush.Simulator.Dns.RegistryDnsServerOptions { Faults = new DnsFaults { Drop = 0.01 } },
            Seed = seed,
            OnWhoisQuery = e =>
            {
                if (Volatile.Read(ref recording))
                {
                    queries.Enqueue(e);
                    Interlocked.Increment(ref answered);
                }
            },
        });
        string[] Args(string store) => ["harvest", "--space", Space, "--store", store, "--dns", $"127.0.0.1:{sim.DnsEndPoint!.Port}",
            "--whois", $"127.0.0.1:{sim.WhoisEndPoint!.Port}", "--whois-rate", "400", "--whois-concurrency", "16"];

        // The uninterrupted run, in-process.
        var reference = Path.Combine(_dir, "reference.db");
        var (code, _, err) = await CliRunner.RunAsync(Args(reference));
        Assert.True(code == 0, err);

        Volatile.Write(ref recording, true);
        var store = Path.Combine(_dir, "killed.db");
        var kept = new HashSet<string>(StringComparer.Ordinal);
        for (var kill = 0; kill < 3; kill++)
        {
            // The moment: after a seeded number of WHOIS queries of this run, so that every kill falls in the WHOIS
            // stage however slowly a loaded machine starts the process.
            var after = Interlocked.Read(ref answered) + random.Next(30, 250);
            using var child = Start(Args(store));
            var watch = Stopwatch.StartNew();
            while (Interlocked.Read(ref answered) < after && !child.HasExited && watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(1);
            }

            Assert.False(child.HasExited, $"run {kill + 1} ended before its kill (exit {(child.HasExited ? child.ExitCode : 0)})");
            child.Kill(); // SIGKILL
            await child.WaitForExitAsync();
            output.WriteLine($"kill {kill + 1} after {after} WHOIS queries in all, {watch.ElapsedMilliseconds} ms into the run");

            // No raw reply lost: what one run stored, every later open still holds.
            var now = Evidence(store);
            Assert.Empty(kept.Except(now));
            Assert.True(now.Count > kept.Count, "a run stored nothing before its kill");
            kept = now;
        }

        using (var last = Start(Args(store)))
        {
            await last.WaitForExitAsync();
            Assert.True(last.ExitCode == 0, await last.StandardError.ReadToEndAsync());
        }

        Assert.Empty(kept.Except(Evidence(store)));
        var whole = Export(reference);
        var resumed = Export(store);
        // No name missing or duplicated, and the same facts as the uninterrupted run (and as the served data).
        Assert.Equal(NameSpace.Parse(Space).Enumerate().Select(l => l + ".nl"), resumed.Select(r => r.Name.ToString()));
        Assert.Equal(whole.Select(Facts), resumed.Select(Facts));
        Assert.Equal(data.Records.Where(r => r.Length <= 3).Select(Facts), resumed.Select(Facts));

        // No WHOIS name asked again after its answer was stored: every query about a name came before the reply kept as its fact.
        var last2 = queries.GroupBy(q => q.Query).ToDictionary(g => g.Key, g => g.Max(q => q.Time));
        foreach (var row in resumed.Where(r => r.Source == RecordSource.Whois))
        {
            Assert.True(last2[row.Name.ToString()] <= row.FetchedAt, $"{row.Name} asked at {last2[row.Name.ToString()]:O}, after its answer was stored at {row.FetchedAt:O}");
        }
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
        // Drained in the background so that a full pipe never stalls the child.
        _ = p.StandardOutput.ReadToEndAsync();
        return p;
    }

    /// <summary>Every reply the store keeps, as name, source, time and bytes.</summary>
    private static HashSet<string> Evidence(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var store = SqliteHarvestStore.Open(path, mustExist: true);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in store.States().Values.Select(s => s.Name))
        {
            foreach (var r in store.Replies(name))
            {
                set.Add($"{r.Name} {r.Source} {r.At.UtcTicks} {Convert.ToBase64String(r.Raw.Span)}");
            }
        }

        return set;
    }

    private static List<RegistryRecord> Export(string path)
    {
        using var store = SqliteHarvestStore.Open(path, mustExist: true);
        return [.. Landrush.Harvest.Pipeline.HarvestExport.Build(store).Rows];
    }

    private static object Facts(RegistryRecord r) => (r.Name, r.Status, r.Registrar, r.RegistrantHandle, r.RegistrantName, r.AdminHandle,
        string.Join(';', r.NameServerList), r.Created, r.Updated);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
