using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Landrush.Cli.Files;
using Landrush.Cli.Output;
using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Core.Whois;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Sources;
using Landrush.Harvest.Store;
using Landrush.Harvest.Whois;
using Landrush.Profiles.Nl2008;
using Landrush.Reports.Text;
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
            var settings = analysis.Settings(parsed, Path.Join(outDir, DemoFiles.Export));

            var (served, servedName) = Served(parsed.GetValue(data));
            // Checked before anything starts: a harvest file the demo did not write is refused, and the served dataset
            // may not be one of the files the demo replaces.
            foreach (var file in DemoFiles.Previous(outDir).Append(DemoFiles.Store).Append(DemoFiles.Export))
            {
                CommandInputs.RefuseIfInput(Path.Join(outDir, file));
            }

            // The harvest of the served space is analysed at the end: a space the analysis cannot hold is refused now.
            AnalysisLimits.CheckSpace(served.Header, servedName);
            // The whole run (store, export, report) is made beside the previous one and swapped in at the end: stopped
            // half-way it leaves the previous run as it was, never a new partial store beside an old report.
            await using var folder = OutputFolder.Create(outDir);
            // One demo at a time in OUT, and none while a harvest runs on OUT's store (its swap would replace the store
            // under it): refused before the first line. Held until the new set is in place.
            using var demoLock = DemoFiles.Lock(outDir);
            await stdout.WriteLineAsync(Describe(served, servedName));
            await stdout.FlushAsync(ct);

            var harvested = await HarvestAsync(served, servedName, folder, clock, stderr, ct);
            var mismatch = DemoComparison.Differences(served, harvested);
            await stderr.WriteLineAsync(mismatch is null ? DemoComparison.Agreement(served, harvested) : $"demo: WARNING: {mismatch}");

            var run = await AnalysisOptions.RunAsync(settings, stderr, ct, readFrom: folder.StagedPath(DemoFiles.Export));
            var (report, files) = await ReportCommand.WriteIntoAsync(folder, run, settings, ReportCommand.CommandLine(parsed), ct);
            await folder.WriteAsync(DemoFiles.ManifestName, s => s.WriteAsync(DemoFiles.Manifest(), ct).AsTask(), ct);
            ct.ThrowIfCancellationRequested();
            folder.Commit(DemoFiles.Previous(outDir).Concat(ReportCommand.Stale(outDir, files)));

            await SayAsync(stdout, run, settings, outDir, files.Count, clock.Elapsed);
            return mismatch is null ? LandrushCli.Ok : LandrushCli.Failure;
        });
        return command;
    }

    /// <summary>What the demo found, on standard output: the four figures of the harvest, the verdict and where the report and evidence are.</summary>
    private static async Task SayAsync(TextWriter stdout, AnalysisRun run, AnalyzeSettings settings, string outDir, int fileCount, TimeSpan elapsed)
    {
        var csvPath = Path.Join(outDir, DemoFiles.Export);
        var storePath = Path.Join(outDir, DemoFiles.Store);
        await PublishedFiguresAsync(stdout, run, csvPath);
        foreach (var line in VerdictSummary.Lines(run.Verdict, run.Resolved.HolderUnknown, Path.Join(outDir, "report.md")))
        {
            await stdout.WriteLineAsync(line);
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"report: {Path.Join(outDir, "report.html")} ({fileCount} files)"));
        await stdout.WriteLineAsync($"evidence, every raw reply: {CommandHint.For($"raw --store {storePath}")} NAME");
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"seed {settings.Seed}, {settings.Sims:N0} runs per model; {elapsed.TotalSeconds:0.0} s in all"));
    }

    /// <summary>The figures the profile's publication gave (the 2008 analysis's four), as the harvest found them; nothing without such a profile.</summary>
    private static async Task PublishedFiguresAsync(TextWriter stdout, AnalysisRun run, string csvPath)
    {
        if (run.Profile?.PublishedFigures is { } published)
        {
            var known = run.Dataset.Records.LongCount(r => r.Status != DomainStatus.Unknown);
            var figures = published(run.Resolved.Allocation, known, run.Resolved.HolderUnknown);
            await stdout.WriteLineAsync($"the 2008 analysis's four figures, as the harvest of the simulator found them ({csvPath}):");
            await stdout.WriteAsync(ReproduceCommand.Text(figures, run.Dataset));
        }
    }

    /// <summary>The dataset to serve: the built-in reconstruction (built in memory from its seed), or a file.</summary>
    private static (RegistryDataset Dataset, string Name) Served(string? path)
    {
        if (path is not null)
        {
            return (DatasetFile.Read(path), Path.GetFileName(path));
        }

        var r = Nl2008Reconstruction.Build(ReconstructCommand.DefaultSeed);
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

    /// <summary>Serves <paramref name="served"/>, harvests it into the new set's store and exports it there; returns the export.</summary>
    private static async Task<RegistryDataset> HarvestAsync(
        RegistryDataset served, string servedName, OutputFolder folder, Stopwatch clock, TextWriter stderr, CancellationToken ct)
    {
        var simulatorOptions = new RegistrySimulatorOptions
        {
            Dataset = served,
            DatasetName = servedName,

            // The 2008 layout shows every fact the analysis uses (registrant and admin handles); later eras hide them.
            Whois = new WhoisServerOptions { Era = FormatEra.Indented2008, RatePerSecond = null, DailyLimit = null },
        };
        await using var sim = await RegistrySimulator.StartAsync(simulatorOptions, ct);
        await stderr.WriteLineAsync($"demo: simulator on loopback: WHOIS {sim.WhoisEndPoint} (era 2008, limits off), DNS {sim.DnsEndPoint}");
        var options = new HarvestOptions
        {
            Space = served.Header.Space,
            Tld = served.Header.Tld,
            Dns = new DnsSweepOptions { Servers = [sim.DnsEndPoint!], QueriesPerSecond = 0 },

            // The simulator's limits are off: the harvester's own bucket is the only brake.
            WhoisRate = 20_000,
            WhoisConcurrency = 16,
        };
        HarvestResult result;
        using (var store = SqliteHarvestStore.Open(folder.StagedPath(DemoFiles.Store)))
        {
            var client = new WhoisClient(new WhoisClientOptions { Host = sim.WhoisEndPoint!.Address.ToString(), Port = sim.WhoisEndPoint.Port });
            var harvester = new Harvester(options, store, new WhoisSource(client));
            // A live table on a terminal, plain lines every few seconds otherwise: the same view as 'harvest'.
            result = await HarvestProgressView.For(stderr).RunAsync(report => harvester.RunAsync(report, ct));
        }

        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"demo: harvest done in {clock.Elapsed.TotalSeconds:0.0} s: DNS delegated {result.Delegated:N0}, absent {result.Absent:N0}, unknown {result.Unknown:N0}; " +
            $"WHOIS asked {result.WhoisAsked:N0} times, registered {result.Registered:N0}, free {result.Free:N0}, failed {result.Failed:N0}"));
        if (result.Failed > 0 || result.DailyLimit)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"the harvest of the simulator left {result.Failed:N0} names without a WHOIS fact (first: {result.FirstFailure})"));
        }

        folder.Adopt(DemoFiles.Store);
        using var done = SqliteHarvestStore.Open(folder.StagedPath(DemoFiles.Store), readOnly: true);
        var (header, rows) = HarvestExport.Build(done);
        await folder.WriteAsync(DemoFiles.Export, async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            RegistryCsv.Write(writer, header, rows);
        }, ct);
        return new RegistryDataset(header, rows);
    }
}
