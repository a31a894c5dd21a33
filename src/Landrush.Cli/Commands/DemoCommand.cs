using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Landrush.Cli.Files;
using Landrush.Cli.Output;
using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Core.Reconstruction;
using Landrush.Core.Whois;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Sources;
using Landrush.Harvest.Store;
using Landrush.Harvest.Whois;
using Landrush.Reports.Reproduction;
using Landrush.Simulator;
using Landrush.Simulator.Whois;

namespace Landrush.Cli.Commands;

/// <summary>
/// <c>landrush demo</c>: the whole pipeline on the embedded default, in one process. The local simulator serves the
/// synthetic reconstruction of the 2008 landrush on free loopback ports (limits off); the harvester sweeps the
/// space by DNS and asks WHOIS about what DNS cannot settle, into a fresh store; the store is exported as a
/// dataset, which is read back, analysed and written as a report. The figures printed come from the harvest,
/// never from the served dataset directly; the served dataset is only used to check the harvest got every row right.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var analysis = new AnalysisOptions();
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Directory for the demo's files: the harvest store (harvest.sqlite, started afresh), the exported dataset " +
                          "(harvest.csv) and the report (report.md, report.html, figures/, tables/); an earlier demo's files there are removed first.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("reports", "demo")),
        };
        var data = new Option<string?>("--serve")
        {
            Description = string.Create(CultureInfo.InvariantCulture,
                $"Registry dataset the simulator serves instead of the built-in synthetic reconstruction of the 2008 .nl landrush; its declared space may hold at most {AnalysisLimits.MaxSpaceNames:N0} names."),
        };
        var command = new Command("demo",
            "Run the whole pipeline on the embedded default: start the registry simulator on loopback serving the SYNTHETIC " +
            "reconstruction of the 2008 .nl landrush (limits raised), harvest the whole space through DNS and WHOIS into a fresh " +
            "store, export the dataset, analyse it and write the report; print the 2008 analysis's four figures as the harvest " +
            "found them, the verdict and where the report is.")
        {
            output, data,
        };
        foreach (var option in analysis.AllButData)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, ct) =>
        {
            var stdout = parsed.InvocationConfiguration.Output;
            var stderr = parsed.InvocationConfiguration.Error;
            var clock = Stopwatch.StartNew();
            var outDir = AnalysisOptions.OutDirectory(parsed.GetValue(output))!;
            var storePath = Path.Combine(outDir, "harvest.sqlite");
            var csvPath = Path.Combine(outDir, "harvest.csv");
            var settings = analysis.Settings(parsed, csvPath);

            var (served, servedName) = Served(parsed.GetValue(data));
            var previous = PreviousOutputs(outDir, storePath);
            foreach (var file in previous)
            {
                // Checked before anything starts: the served dataset may not be one of the files the demo replaces.
                CommandInputs.RefuseIfInput(file);
            }

            // The harvest of the served space is analysed at the end: a space the analysis cannot hold is refused now.
            AnalysisLimits.CheckSpace(served.Header, servedName);
            // One demo at a time in OUT: a second would delete the first's store under it and harvest into the same file.
            // Held until the export: the store is then complete.
            Directory.CreateDirectory(outDir);
            using var demoLock = SqliteHarvestLock.Acquire(storePath);
            await stdout.WriteLineAsync(Describe(served, servedName));
            await stdout.FlushAsync(ct);

            var simulatorOptions = new RegistrySimulatorOptions
            {
                Dataset = served,
                DatasetName = servedName,

                // The 2008 layout shows every fact the analysis uses (registrant and admin handles); later eras hide them.
                Whois = new WhoisServerOptions { Era = FormatEra.Indented2008, RatePerSecond = null, DailyLimit = null },
            };
            RegistryDataset harvested;
            await using (var sim = await RegistrySimulator.StartAsync(simulatorOptions, ct))
            {
                await stderr.WriteLineAsync($"demo: simulator on loopback: WHOIS {sim.WhoisEndPoint} (era 2008, limits off), DNS {sim.DnsEndPoint}");
                Directory.CreateDirectory(outDir);
                foreach (var file in previous)
                {
                    File.Delete(file);
                }

                var result = await HarvestAsync(sim, served.Header, storePath, stderr, ct);
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"demo: harvest done in {clock.Elapsed.TotalSeconds:0.0} s: DNS delegated {result.Delegated:N0}, absent {result.Absent:N0}, unknown {result.Unknown:N0}; " +
                    $"WHOIS asked {result.WhoisAsked:N0} times, registered {result.Registered:N0}, free {result.Free:N0}, failed {result.Failed:N0}"));
                if (result.Failed > 0 || result.DailyLimit)
                {
                    throw new IOException($"the harvest of the simulator left {result.Failed:N0} names without a WHOIS fact (first: {result.FirstFailure})");
                }

                harvested = await ExportAsync(storePath, csvPath, ct);
            }

            var mismatch = Compare(served, harvested);
            await stderr.WriteLineAsync(mismatch is null
                ? string.Create(CultureInfo.InvariantCulture, $"demo: the exported dataset equals the served one on every fact of all {harvested.Records.Count:N0} names")
                : $"demo: WARNING: {mismatch}");

            var run = await AnalysisOptions.RunAsync(settings, stderr, ct);
            var (report, files) = await ReportCommand.WriteAsync(run, settings, ReportCommand.CommandLine(parsed), outDir, ct);

            var known = run.Dataset.Records.LongCount(r => r.Status != DomainStatus.Unknown);
            var figures = SeedBlogFigures.Compute(run.Resolved.Allocation, known, run.Resolved.HolderUnknown);
            await stdout.WriteLineAsync($"the 2008 analysis's four figures, as the harvest of the simulator found them ({csvPath}):");
            await stdout.WriteAsync(ReproduceCommand.Text(figures, run.Dataset));
            await stdout.WriteLineAsync("verdict: " + (report.Verdict.Count > 0 ? report.Verdict[0] : "none"));
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"report: {Path.Combine(outDir, "report.html")} (and report.md; {files.Count} files); evidence: 'landrush raw --store {storePath} NAME'; " +
                $"seed {settings.Seed}, {settings.Sims:N0} runs per model; {clock.Elapsed.TotalSeconds:0.0} s in all"));
            return mismatch is null ? LandrushCli.Ok : LandrushCli.Failure;
        });
        return command;
    }

    /// <summary>The dataset to serve: the built-in reconstruction (built in memory from its seed), or a file.</summary>
    private static (RegistryDataset Dataset, string Name) Served(string? path)
    {
        if (path is not null)
        {
            return (DatasetFile.Read(path), Path.GetFileName(path));
        }

        var r = ReconstructionProfiles.Build(Nl2008Reconstruction.ProfileName, ReconstructCommand.DefaultSeed);
        return (new RegistryDataset(ReconstructionWriter.Header(r), r.Records), "nl-2008-reconstruction.csv");
    }

    private static string Describe(RegistryDataset dataset, string name)
    {
        var header = dataset.Header;
        var what = dataset.IsSynthetic
            ? $"SYNTHETIC dataset {name} ({dataset.SyntheticBecause}), not registry data"
            : $"dataset {name} ({header.Provenance ?? "no provenance declared"})";
        return string.Create(CultureInfo.InvariantCulture,
            $"demo: the local registry simulator serves {what}: {header.Space.Spec} under .{header.Tld}, {header.Space.Count:N0} names; harvesting it through DNS and WHOIS");
    }

    /// <summary>
    /// Every file an earlier demo wrote in <paramref name="outDir"/>: its store (fresh, for a store left there would be
    /// resumed and the demo shows a whole harvest), its export and its report. All are removed before the harvest, so
    /// that a run stopped half-way never leaves the previous run's report and dataset beside a new, partial store.
    /// </summary>
    private static string[] PreviousOutputs(string outDir, string storePath) =>
    [
        storePath, storePath + "-wal", storePath + "-shm", storePath + "-journal",
        .. ((IEnumerable<string>)["harvest.csv", "report.md", "report.html", ReportCommand.ManifestName]).Concat(ReportCommand.Previous(outDir))
            .Select(name => Path.Combine(outDir, name)),
    ];

    private static async Task<HarvestResult> HarvestAsync(RegistrySimulator sim, RegistryDatasetHeader header, string storePath, TextWriter stderr, CancellationToken ct)
    {
        var whois = sim.WhoisEndPoint ?? throw new InvalidOperationException("the simulator serves no WHOIS");
        var dns = sim.DnsEndPoint ?? throw new InvalidOperationException("the simulator serves no DNS");
        var options = new HarvestOptions
        {
            Space = header.Space,
            Tld = header.Tld,
            Dns = new DnsSweepOptions { Servers = [dns], QueriesPerSecond = 0 },

            // The simulator's limits are off: the harvester's own bucket is the only brake.
            WhoisRate = 20_000,
            WhoisConcurrency = 16,
        };
        using var store = SqliteHarvestStore.Open(storePath);
        var client = new WhoisClient(new WhoisClientOptions { Host = whois.Address.ToString(), Port = whois.Port });
        var harvester = new Harvester(options, store, new WhoisSource(client));
        // A live table on a terminal, plain lines every few seconds otherwise: the same view as 'harvest'.
        return await HarvestProgressView.For(stderr).RunAsync(report => harvester.RunAsync(report, ct));
    }

    private static async Task<RegistryDataset> ExportAsync(string storePath, string csvPath, CancellationToken ct)
    {
        using var store = SqliteHarvestStore.Open(storePath, mustExist: true);
        var (header, rows) = HarvestExport.Build(store);
        await DatasetFile.WriteAsync(csvPath, header, rows, ct);
        return new RegistryDataset(header, rows);
    }

    /// <summary>Null when the harvest has every served row's facts; otherwise what differs, for the first row that does.</summary>
    private static string? Compare(RegistryDataset served, RegistryDataset harvested)
    {
        var byName = harvested.Records.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var differing = 0;
        string? first = null;
        foreach (var row in served.Records)
        {
            var fields = byName.TryGetValue(row.Name, out var got) ? RecordFacts.Differences(row, got) : ["missing"];
            if (fields.Count > 0)
            {
                differing++;
                first ??= $"{row.Name} ({string.Join(", ", fields)})";
            }
        }

        return differing == 0 && harvested.Records.Count == served.Records.Count
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"the harvest differs from the served dataset on {differing:N0} names (first: {first ?? "extra rows"})");
    }
}
