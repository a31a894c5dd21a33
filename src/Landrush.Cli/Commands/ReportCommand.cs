using System.CommandLine;
using System.Globalization;
using System.Text;
using Landrush.Cli.Files;
using Landrush.Cli.Output;
using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Reports.Building;
using Landrush.Reports.Documents;
using Landrush.Reports.Model;
using Landrush.Reports.Text;

namespace Landrush.Cli.Commands;

/// <summary>
/// <c>landrush report</c>: runs the analysis of <c>analyze</c> and writes the report (Markdown, self-contained HTML,
/// figures as PNG and SVG, tables as CSV) into a folder, all files replaced together or none.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var options = new AnalysisOptions();
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Directory to write the report to (created if missing; report.md, report.html, figures/, tables/ replaced whole: an earlier report's figures and tables that this one lacks are removed).",
            Required = true,
        };
        var command = new Command("report",
            "Analyse a registry dataset as 'analyze' does and write the report: the verdict in plain words, the published figures reproduced (the profile's, e.g. 2008), " +
            "the figures (PNG and SVG), every table (CSV), the indicators, assumptions and provenance.");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.Options.Add(output);
        command.SetAction(async (parsed, ct) =>
        {
            var settings = options.Settings(parsed);
            var outDir = AnalysisOptions.OutDirectory(parsed.GetValue(output))!;
            var run = await AnalysisOptions.RunAsync(settings, parsed.InvocationConfiguration.Error, ct);
            var (report, files) = await WriteAsync(run, settings, CommandLine(parsed), outDir, ct);
            var header = run.Dataset.Header;
            var stdout = parsed.InvocationConfiguration.Output;
            if (run.Dataset.IsSynthetic)
            {
                await stdout.WriteLineAsync($"SYNTHETIC data ({run.Dataset.SyntheticBecause}): the report says so at the top.");
            }

            foreach (var line in VerdictSummary.Lines(run.Verdict, run.Resolved.HolderUnknown, Path.Join(outDir, "report.md")))
            {
                await stdout.WriteLineAsync(line);
            }

            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"report written to {Path.Join(outDir, "report.html")} ({files.Count} files in {outDir}, seed {settings.Seed})"));
            return LandrushCli.Ok;
        });
        return command;
    }

    /// <summary>
    /// Builds the report of <paramref name="run"/> and writes all its files into <paramref name="outDir"/> (as typed; replaced
    /// together or not at all, with a manifest of them, and an earlier report's figures and tables that this one lacks removed);
    /// <paramref name="commandLine"/> is recorded in the report as the command that made it.
    /// </summary>
    internal static async Task<(Report Report, IReadOnlyList<ReportFile> Files)> WriteAsync(
        AnalysisRun run, AnalyzeSettings settings, string commandLine, string outDir, CancellationToken ct)
    {
        // The whole set is written beside the old one and swapped in at the end (OutputFolder): all files or none.
        await using var folder = OutputFolder.Create(outDir);
        var (report, files) = await WriteIntoAsync(folder, run, settings, commandLine, ct);
        ct.ThrowIfCancellationRequested();
        // From here on nothing cancels: once the new report is in place, the command finishes (exit 0).
        folder.Commit(Stale(outDir, files));
        return (report, files);
    }

    /// <summary>Builds the report of <paramref name="run"/> and writes its files and manifest into <paramref name="folder"/>'s new set.</summary>
    internal static async Task<(Report Report, IReadOnlyList<ReportFile> Files)> WriteIntoAsync(
        OutputFolder folder, AnalysisRun run, AnalyzeSettings settings, string commandLine, CancellationToken ct)
    {
        var header = run.Dataset.Header;
        var known = run.Dataset.Records.LongCount(r => r.Status != DomainStatus.Unknown);
        var inputs = new ReportInputs(run.Resolved.Allocation, DataLabel(run.Dataset, settings.DataPath), run.Dataset.IsSynthetic,
            Path.GetFileName(settings.DataPath), commandLine, settings.Seed)
        {
            SyntheticBecause = run.Dataset.IsSynthetic ? run.Dataset.SyntheticBecause : null,
            KnownNames = known < header.Space.Count ? known : null,
            HolderUnknownNames = run.Resolved.HolderUnknownNames,
            Reproduced = run.Profile?.PublishedFigures?.Invoke(run.Resolved.Allocation, known, run.Resolved.HolderUnknown).ToTable(),
            Provenance =
            [
                $"Dataset {settings.DataPath}: {(header.Provenance is null ? "no provenance declared" : "provenance " + header.Provenance)}.",
                string.Create(CultureInfo.InvariantCulture, $"{run.Dataset.Records.Count:N0} rows, {known:N0} names with a known status."),
                run.ProfileNote(settings.Profile),
            ],
        };
        var report = ReportBuilder.Build(VerdictReport.With(inputs, run.Verdict));
        var files = ReportBundle.Files(report);
        var manifest = Encoding.UTF8.GetBytes(string.Concat(files.Select(f => f.RelativePath + "\n")));
        foreach (var f in files)
        {
            await folder.WriteAsync(f.RelativePath, s => s.WriteAsync(f.Content, ct).AsTask(), ct);
        }

        await folder.WriteAsync(ManifestName, s => s.WriteAsync(manifest, ct).AsTask(), ct);
        return (report, files);
    }

    /// <summary>What the earlier report in <paramref name="outDir"/> wrote that <paramref name="files"/> lack: to be removed with the swap.</summary>
    internal static IEnumerable<string> Stale(string outDir, IReadOnlyList<ReportFile> files)
    {
        var current = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        return Previous(outDir).Where(p => !current.Contains(p));
    }

    /// <summary>
    /// The file in the report folder that lists what the last report wrote there (relative paths, one a line): a
    /// regenerated report removes what its predecessor wrote and it does not, and nothing else — a user's own files
    /// beside the report are never touched.
    /// </summary>
    internal const string ManifestName = ".landrush-report-files";

    /// <summary>What the manifest in <paramref name="outDir"/> says the last report wrote (only names a report can write).</summary>
    internal static IReadOnlyList<string> Previous(string outDir)
    {
        var manifest = Path.Combine(outDir, ManifestName);
        if (!File.Exists(manifest))
        {
            return [];
        }

        // An edited manifest cannot reach a user's file: only the names a report writes are taken.
        return [.. File.ReadLines(manifest).Where(IsReportFileName)];
    }

    private static bool IsReportFileName(string name) =>
        name.Split('/') is [var dir, var file] && !file.StartsWith('.') && !file.Contains("..", StringComparison.Ordinal)
        && file.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')
        && (dir == "figures" && (file.EndsWith(".png", StringComparison.Ordinal) || file.EndsWith(".svg", StringComparison.Ordinal))
            || dir == "tables" && file.EndsWith(".csv", StringComparison.Ordinal));

    private static string DataLabel(RegistryDataset dataset, string path) => dataset.IsSynthetic
        ? $"SYNTHETIC dataset ({dataset.SyntheticBecause}), {Path.GetFileName(path)}"
        : $"{Path.GetFileName(path)} ({dataset.Header.Provenance ?? "no provenance declared"})";

    // The exact command, quoted so it can be pasted back into a shell.
    internal static string CommandLine(ParseResult parsed) =>
        "landrush " + string.Join(' ', parsed.Tokens.Select(t => Quote(t.Value)));

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or ',')
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
