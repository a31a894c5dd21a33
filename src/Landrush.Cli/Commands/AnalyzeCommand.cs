using System.CommandLine;
using System.Globalization;
using System.Text;
using Landrush.Analysis;
using Landrush.Analysis.Concentration;
using Landrush.Analysis.Indicators;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Cli.Files;
using Landrush.Core;

namespace Landrush.Cli.Commands;

/// <summary>
/// <c>landrush analyze</c>: reads a registry dataset, resolves parties and measures concentration and the fraud
/// indicators; prints a summary (or one JSON object) and writes the tables as CSV.
/// </summary>
internal static class AnalyzeCommand
{
    /// <summary>Fewest Monte Carlo runs accepted: below this a p-value cannot go under 0.01.</summary>
    public const int MinSims = 100;

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Registry dataset (format v1, data/README.md).", Required = true };
        var partyKey = new Option<string>("--party-key")
        {
            Description = "What makes a party: 'resolved' (registrant handles joined by shared admin handle, normalised registrant " +
                          "name or own name-server set), 'registrant' (each handle) or 'registrar'.",
            DefaultValueFactory = _ => "resolved",
        };
        partyKey.AcceptOnlyFromAmong("resolved", "registrant", "registrar");
        var sharedHosting = new Option<int>("--shared-hosting")
        {
            Description = "K: a name-server set seen with more than K unrelated registrant handles is shared hosting and links nothing.",
            DefaultValueFactory = _ => new PartyResolutionOptions().SharedHostingThreshold,
        };
        var participants = new Option<int?>("--participants")
        {
            Description = "Participants known from elsewhere, those who won nothing included; Gini, Theil and normalised HHI are then also given over all of them.",
        };
        var excess = new Option<double>("--excess-threshold")
        {
            Description = "k of the verdict: a party is flagged only when its capacity is significantly above k times a typical participant's.",
            DefaultValueFactory = _ => 2.0,
        };
        var sims = new Option<int>("--sims") { Description = $"Monte Carlo runs per null model (at least {MinSims}).", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<long>("--seed") { Description = "Seed of every random draw; printed, and the same seed gives the same output.", DefaultValueFactory = _ => 0 };
        var block = new Option<string>("--block")
        {
            Description = "Numeric block for the range indicators, LOW-HIGH (numbers written without a leading zero).",
            DefaultValueFactory = _ => "0-2100",
        };
        var top = new Option<int>("--top") { Description = "Per-party indicators for this many of the largest holders.", DefaultValueFactory = _ => 3 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write the tables to as CSV (created if missing; files replaced whole)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the text summary." };
        var command = new Command("analyze",
            "Resolve parties in a registry dataset and measure concentration (CR-k, HHI, Gini, Theil) and the fraud indicators " +
            "(range capture, premium capture, timing, identity splitting, registrar fronts).")
        {
            data, partyKey, sharedHosting, participants, excess, sims, seed, block, top, output, json,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var inv = CultureInfo.InvariantCulture;
            var n = parsed.GetValue(sims);
            if (n < MinSims)
            {
                throw new UserInputException(string.Create(inv, $"--sims {n}: at least {MinSims} runs are needed (a p-value from fewer cannot go below 0.01)"));
            }

            var k = parsed.GetValue(excess);
            if (!(k >= 1) || !double.IsFinite(k))
            {
                throw new UserInputException(string.Create(inv, $"--excess-threshold {k}: must be a finite number of at least 1"));
            }

            var settings = new AnalyzeSettings(
                parsed.GetValue(data)!,
                Options(parsed.GetValue(partyKey)!, parsed.GetValue(sharedHosting), parsed.GetValue(participants)),
                Indicators(parsed.GetValue(block)!, parsed.GetValue(top)),
                k, n, parsed.GetValue(seed));
            var outDir = parsed.GetValue(output)?.FullName;
            if (outDir is not null && File.Exists(outDir))
            {
                throw new UserInputException($"{outDir}: is a file, not a directory");
            }

            var dataset = DatasetFile.Read(settings.DataPath);
            ct.ThrowIfCancellationRequested();
            var resolved = AllocationBuilder.Build(dataset.Header, dataset.Records, settings.Parties);
            var measures = AllocationMeasures.Of(resolved, settings.Indicators);
            var stderr = parsed.InvocationConfiguration.Error;
            await stderr.WriteLineAsync(string.Create(inv, $"analyze: seed {settings.Seed}, {settings.Sims:N0} runs per null model, excess threshold k = {settings.ExcessThreshold}"));
            var verdict = VerdictAnalysis.Run(resolved.Allocation,
                new VerdictOptions { Sims = settings.Sims, ExcessThreshold = settings.ExcessThreshold, Seed = settings.Seed },
                new AnalyzeProgress(stderr), ct);
            var report = new AnalyzeReport(settings, dataset.Header, dataset.Records.Count, measures, verdict);

            if (outDir is not null)
            {
                Directory.CreateDirectory(outDir);
                await WriteTablesAsync(report.Tables(outDir), ct);
            }

            var stdout = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json))
            {
                await stdout.WriteLineAsync(report.Json());
            }
            else
            {
                await stdout.WriteAsync(report.Text());
                if (outDir is not null)
                {
                    await stdout.WriteLineAsync($"tables written to {outDir}");
                }
            }

            return LandrushCli.Ok;
        });
        return command;
    }

    // The tables belong together: all are replaced, or none (temporary files renamed when all are written).
    private static async Task WriteTablesAsync(IReadOnlyList<(string Path, Action<TextWriter> Write)> tables, CancellationToken ct)
    {
        var files = await AtomicFile.CreateAllAsync([.. tables.Select(t => t.Path)]);
        try
        {
            for (var i = 0; i < tables.Count; i++)
            {
                await using var writer = new StreamWriter(files[i].Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                tables[i].Write(writer);
            }

            await AtomicFile.CommitAllAsync(files, ct);
        }
        finally
        {
            foreach (var f in files)
            {
                await f.DisposeAsync();
            }
        }
    }

    private static PartyResolutionOptions Options(string key, int sharedHosting, int? participants)
    {
        if (sharedHosting < 1)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"--shared-hosting {sharedHosting}: must be at least 1"));
        }

        if (participants is < 1)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"--participants {participants}: must be at least 1"));
        }

        return new PartyResolutionOptions
        {
            Key = key switch { "registrar" => PartyKey.Registrar, "registrant" => PartyKey.Registrant, _ => PartyKey.Resolved },
            SharedHostingThreshold = sharedHosting,
            Participants = participants,
        };
    }

    private static IndicatorOptions Indicators(string block, int top)
    {
        if (top < 1)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"--top {top}: must be at least 1"));
        }

        var dash = block.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !long.TryParse(block[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            || !long.TryParse(block[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var high)
            || high < low)
        {
            throw new UserInputException($"--block '{block}': want LOW-HIGH with 0 <= LOW <= HIGH, e.g. 0-2100");
        }

        return new IndicatorOptions { BlockLow = low, BlockHigh = high, TopParties = top };
    }
}
