using System.CommandLine;
using System.Text;
using Landrush.Cli.Files;
using Landrush.Cli.Output;
using Landrush.Reports;
using Landrush.Reports.Json;
using Landrush.Reports.Text;

namespace Landrush.Cli.Commands;

/// <summary>
/// <c>landrush analyze</c>: reads a registry dataset, resolves parties and measures concentration and the fraud
/// indicators; prints a summary (or one JSON object) and writes the tables as CSV.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var options = new AnalysisOptions();
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write the tables to as CSV (created if missing; files replaced whole)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the text summary." };
        var command = new Command("analyze",
            "Resolve parties in a registry dataset and measure concentration (CR-k, HHI, Gini, Theil) and the fraud indicators " +
            "(range capture, premium capture, timing, identity splitting, registrar fronts).");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.Options.Add(output);
        command.Options.Add(json);
        command.SetAction(async (parsed, ct) =>
        {
            var settings = options.Settings(parsed);
            var outDir = AnalysisOptions.OutDirectory(parsed.GetValue(output));
            var run = await AnalysisOptions.RunAsync(settings, parsed.InvocationConfiguration.Error, ct);
            var result = Result(settings, run);

            if (outDir is not null)
            {
                // All tables or none: written beside the old ones and swapped in (OutputFolder); not cancelled once swapped.
                await using var folder = OutputFolder.Create(outDir);
                foreach (var (name, write) in AnalyzeTables.Of(result))
                {
                    await folder.WriteAsync(name, async stream =>
                    {
                        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                        write(writer);
                    }, ct);
                }

                ct.ThrowIfCancellationRequested();
                folder.Commit([]);
            }

            var stdout = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonOutput.Serialize(AnalyzeJson.From(result)));
            }
            else
            {
                // The verdict's headline and a line per party: its whole text is in --json and in the report.
                var verdict = VerdictSummary.Lines(run.Verdict, run.Measures.Resolved.HolderUnknown, "in --json (verdict.plain) and in report.md ('landrush report --out DIR')");
                await stdout.WriteAsync(AnalyzeText.Render(result, verdict));
                if (outDir is not null)
                {
                    await stdout.WriteLineAsync($"tables written to {outDir}");
                }
            }

            return LandrushCli.Ok;
        });
        return command;
    }

    private static AnalyzeResult Result(AnalyzeSettings settings, AnalysisRun run) => new(
        settings.DataPath, run.Dataset.Header, run.Dataset.Records.Count, run.Measures, run.Verdict, settings.Parties, settings.Indicators,
        settings.ExcessThreshold, settings.Sims, settings.Seed)
    {
        SyntheticBecause = run.Dataset.IsSynthetic ? run.Dataset.SyntheticBecause : null,
        ProfileNote = run.ProfileNote(settings.Profile),
    };
}
