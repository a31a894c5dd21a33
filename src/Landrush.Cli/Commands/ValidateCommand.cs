using System.CommandLine;
using System.Globalization;
using Landrush.Cli.Files;
using Landrush.Core.Dataset;

namespace Landrush.Cli.Commands;

/// <summary><c>landrush validate FILE</c>: reads a registry dataset and reports what it holds, or the first defect.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A registry dataset (CSV, format in data/README.md)." };
        var command = new Command("validate", "Check a registry dataset file and summarise it; a defect is reported as file:line: column: problem.")
        {
            file,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var path = parsed.GetValue(file)!;
            RegistryDataset data;
            await using (var stream = InputFiles.OpenRead(path, "dataset file"))
            {
                data = RegistryCsv.Read(stream, path);
            }

            var stdout = parsed.InvocationConfiguration.Output;
            var inv = CultureInfo.InvariantCulture;
            await stdout.WriteLineAsync($"{Path.GetFileName(path)}: valid Landrush dataset, space {data.Header.Space.Spec} under .{data.Header.Tld}");
            if (data.Header.Provenance is { } provenance)
            {
                await stdout.WriteLineAsync($"provenance: {provenance}");
            }

            await stdout.WriteLineAsync(string.Create(inv, $"rows {data.Records.Count:N0} of {data.Header.Space.Count:N0} names ({data.MissingCount:N0} missing)"));
            foreach (var group in data.Records.GroupBy(r => r.Status).OrderBy(g => g.Key))
            {
                await stdout.WriteLineAsync(string.Create(inv, $"  {RegistryCsv.StatusText(group.Key),-10} {group.Count(),9:N0}"));
            }

            var sources = string.Join(", ", data.Records.GroupBy(r => r.Source).OrderBy(g => g.Key)
                .Select(g => string.Create(inv, $"{RegistryCsv.SourceText(g.Key)} {g.Count():N0}")));
            await stdout.WriteLineAsync($"sources: {sources}");
            if (data.Header.IsSynthetic || data.Records.Any(r => r.Source == RecordSource.Reconstruction))
            {
                await stdout.WriteLineAsync("note: rows with source 'reconstruction' are SYNTHETIC (a seeded reconstruction), not registry data");
            }

            return LandrushCli.Ok;
        });
        return command;
    }
}
