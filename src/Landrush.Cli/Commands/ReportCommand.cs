using System.CommandLine;
using System.Globalization;
using Landrush.Core.Dataset;
using Landrush.Reports.Building;
using Landrush.Reports.Documents;
using Landrush.Reports.Model;

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
            "Analyse a registry dataset as 'analyze' does and write the report: the verdict in plain words, the reproduced 2008 figures, " +
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
            if (header.IsSynthetic)
            {
                await stdout.WriteLineAsync($"SYNTHETIC data ({header.Provenance}): the report says so at the top.");
            }

            await stdout.WriteLineAsync(report.Verdict.Count > 0 ? report.Verdict[0] : "no verdict");
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"report written to {Path.Combine(outDir, "report.html")} ({files.Count} files in {outDir}, seed {settings.Seed})"));
            return LandrushCli.Ok;
        });
        return command;
    }

    /// <summary>
    /// Builds the report of <paramref name="run"/> and writes all its files into <paramref name="outDir"/> (replaced
    /// together or not at all, and an earlier report's figures and tables that this one lacks removed);
    /// <paramref name="commandLine"/> is recorded in the report as the command that made it.
    /// </summary>
    internal static async Task<(Report Report, IReadOnlyList<ReportFile> Files)> WriteAsync(
        AnalysisRun run, AnalyzeSettings settings, string commandLine, string outDir, CancellationToken ct)
    {
        var header = run.Dataset.Header;
        var known = run.Dataset.Records.LongCount(r => r.Status != DomainStatus.Unknown);
        var inputs = new ReportInputs(run.Resolved.Allocation, DataLabel(header, settings.DataPath), header.IsSynthetic,
            Path.GetFileName(settings.DataPath), commandLine, settings.Seed)
        {
            KnownNames = known < header.Space.Count ? known : null,
            HolderUnknown = run.Resolved.HolderUnknown,
            Provenance =
            [
                $"Dataset {settings.DataPath}: {(header.Provenance is null ? "no provenance declared" : "provenance " + header.Provenance)}.",
                string.Create(CultureInfo.InvariantCulture, $"{run.Dataset.Records.Count:N0} rows, {known:N0} names with a known status."),
            ],
        };
        var report = ReportBuilder.Build(VerdictReport.With(inputs, run.Verdict));
        var files = ReportBundle.Files(report);
        ct.ThrowIfCancellationRequested();

        // AtomicFile writes beside its target: every folder must exist before the first file is opened.
        foreach (var dir in files.Select(f => Path.GetDirectoryName(Path.Combine(outDir, f.RelativePath))!).Distinct(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(dir);
        }

        await AnalysisOptions.WriteAllAsync(
            [.. files.Select(f => (Path.Combine(outDir, f.RelativePath), (Func<Stream, Task>)(s => s.WriteAsync(f.Content, ct).AsTask())))], ct);
        RemoveStale(outDir, files);
        return (report, files);
    }

    /// <summary>
    /// The folder holds one report: figures and tables an earlier report wrote there that this one does not have are
    /// removed (only <c>figures/*.png</c>, <c>figures/*.svg</c> and <c>tables/*.csv</c>), so that a regenerated
    /// report never keeps a figure or table its data no longer gives.
    /// </summary>
    private static void RemoveStale(string outDir, IReadOnlyList<ReportFile> files)
    {
        var current = files.Select(f => Path.GetFullPath(Path.Combine(outDir, f.RelativePath))).ToHashSet(StringComparer.Ordinal);
        foreach (var (folder, patterns) in new[] { ("figures", new[] { "*.png", "*.svg" }), ("tables", new[] { "*.csv" }) })
        {
            var dir = Path.Combine(outDir, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var stale in patterns.SelectMany(p => Directory.EnumerateFiles(dir, p)).Where(f => !current.Contains(Path.GetFullPath(f))).ToList())
            {
                File.Delete(stale);
            }
        }
    }

    private static string DataLabel(RegistryDatasetHeader header, string path) => header.IsSynthetic
        ? $"SYNTHETIC dataset ({header.Provenance}), {Path.GetFileName(path)}"
        : $"{Path.GetFileName(path)} ({header.Provenance ?? "no provenance declared"})";

    // The exact command, quoted so it can be pasted back into a shell.
    internal static string CommandLine(ParseResult parsed) =>
        "landrush " + string.Join(' ', parsed.Tokens.Select(t => Quote(t.Value)));

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or ',')
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
