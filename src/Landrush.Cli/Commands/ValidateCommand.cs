using System.CommandLine;
using System.Globalization;
using Landrush.Cli.Files;
using Landrush.Cli.Output;
using Landrush.Core.Dataset;

namespace Landrush.Cli.Commands;

/// <summary>
/// <c>landrush validate FILE</c>: reads a registry dataset as a stream, checking every row, and reports
/// what it holds, or the first defect. Memory does not grow with the file.
/// </summary>
internal static class ValidateCommand
{
    /// <summary>Rows warned about one by one; beyond them only the total is said.</summary>
    private const int MaxWarnings = 10;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A registry dataset (CSV, format in data/README.md); '-' reads standard input." };
        var command = new Command("validate", "Check a registry dataset file and summarise it; a defect is reported as file:line: column: problem.")
        {
            file,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var path = parsed.GetValue(file)!;
            var label = InputFiles.Label(path);
            var statuses = new long[Enum.GetValues<DomainStatus>().Length];
            var sources = new long[Enum.GetValues<RecordSource>().Length];
            var stderr = parsed.InvocationConfiguration.Error;
            long earlier = 0;
            RegistryDatasetHeader header;
            long rows;
            await using (var stream = InputFiles.OpenRead(path, "dataset file"))
            {
                using var reader = RegistryDatasetReader.Open(stream, label);
                header = reader.Header;
                var total = stream.CanSeek ? stream.Length : 0;
                var progress = new ProgressLine(parsed.InvocationConfiguration.Error, $"validate {label}", ProgressLine.StderrIsTerminal);
                try
                {
                    while (reader.TryRead(out var record))
                    {
                        if (record.Updated < record.Created)
                        {
                            // The format allows it (a registry's record is kept as it was read, never corrected); a
                            // record updated before it was created is said, so that an edited or shifted file shows.
                            earlier++;
                            if (earlier <= MaxWarnings)
                            {
                                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                                    $"landrush: warning: {label}:{reader.LastLine}: column 'updated': {record.Updated:yyyy-MM-dd} is earlier than created {record.Created:yyyy-MM-dd}"));
                            }
                        }

                        statuses[(int)record.Status]++;
                        sources[(int)record.Source]++;
                        if ((reader.RowCount & 0x3fff) == 0)
                        {
                            ct.ThrowIfCancellationRequested();
                            progress.Report(reader.RowCount, reader.BytesRead, total);
                        }
                    }
                }
                finally
                {
                    progress.Clear();
                }

                rows = reader.RowCount;
            }

            if (earlier > MaxWarnings)
            {
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"landrush: warning: {label}: {earlier:N0} rows in all have 'updated' earlier than 'created' (the first {MaxWarnings} shown)"));
            }

            await Summarise(parsed.InvocationConfiguration.Output, path == "-" ? label : Path.GetFileName(path), header, rows, statuses, sources);
            return LandrushCli.Ok;
        });
        return command;
    }

    private static async Task Summarise(TextWriter stdout, string name, RegistryDatasetHeader header, long rows, long[] statuses, long[] sources)
    {
        var inv = CultureInfo.InvariantCulture;
        await stdout.WriteLineAsync($"{name}: valid Landrush dataset, space {header.Space.Spec} under .{header.Tld}");
        if (header.Provenance is { } provenance)
        {
            await stdout.WriteLineAsync($"provenance: {provenance}");
        }

        await stdout.WriteLineAsync(string.Create(inv, $"rows {rows:N0} of {header.Space.Count:N0} names ({header.Space.Count - rows:N0} missing)"));
        foreach (var status in Enum.GetValues<DomainStatus>().Where(s => statuses[(int)s] > 0).OrderBy(s => s))
        {
            await stdout.WriteLineAsync(string.Create(inv, $"  {RegistryCsv.StatusText(status),-10} {statuses[(int)status],9:N0}"));
        }

        var present = Enum.GetValues<RecordSource>().Where(s => sources[(int)s] > 0).OrderBy(s => s)
            .Select(s => string.Create(inv, $"{RegistryCsv.SourceText(s)} {sources[(int)s]:N0}")).ToList();
        await stdout.WriteLineAsync(present.Count == 0 ? "sources: none (no rows)" : $"sources: {string.Join(", ", present)}");
        if (header.IsSynthetic)
        {
            await stdout.WriteLineAsync($"note: the file declares itself SYNTHETIC (provenance {header.Provenance}), not registry data");
        }

        var reconstructed = sources[(int)RecordSource.Reconstruction];
        if (reconstructed > 0)
        {
            await stdout.WriteLineAsync(string.Create(inv,
                $"note: {reconstructed:N0} rows with source 'reconstruction' are SYNTHETIC (a seeded reconstruction), not registry data"));
        }
    }
}
