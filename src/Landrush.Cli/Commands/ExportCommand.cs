using System.CommandLine;
using System.Text;
using Landrush.Cli.Files;
using Landrush.Core.Dataset;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Store;

namespace Landrush.Cli.Commands;

/// <summary><c>landrush export</c>: a harvest store as a registry dataset (format v1).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create("Harvest store to read: a SQLite file or postgres://USER[:PASSWORD]@HOST[:PORT]/DB.");
        var output = new Option<string>("--out") { Description = "Dataset file to write (format v1, data/README.md); - is standard output (the summary then goes to stderr).", Required = true };
        var command = new Command("export", "Write a harvest store as a registry dataset: one row per name, with source, fetched_at and raw_ref (see 'landrush raw'). " +
            "Prints the verify sample's estimate of registered names DNS called absent (never written into rows).")
        {
            store, output,
        };
        command.SetAction(async (parsed, ct) =>
        {
            using var theStore = StoreFile.Open(parsed.GetValue(store)!, readOnly: true);
            StoreOption.RecordInput(parsed.GetValue(store)!);
            var (header, rows) = HarvestExport.Build(theStore);
            var outPath = parsed.GetValue(output)!;
            await DatasetFile.WriteAsync(outPath, parsed.InvocationConfiguration.Output, header, rows, ct);
            var said = TextOutput.Said(outPath, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
            await said.WriteLineAsync($"{HarvestCommand.Number(rows.Count)} rows written to {TextOutput.Describe(outPath)} (provenance={header.Provenance})");
            // The estimate of what DNS missed goes beside the dataset, never into its rows.
            await said.WriteLineAsync(MissedEstimate.Of(theStore).Describe());
            if (header.IsSynthetic)
            {
                await said.WriteLineAsync("the replies carried the simulator's notice of a SYNTHETIC dataset: this export is synthetic, not registry data");
            }

            // A harvest stopped part-way or still running: said on stderr whatever the output, and in the provenance.
            if (HarvestGaps.Of(theStore) is { IsComplete: false } gaps)
            {
                await parsed.InvocationConfiguration.Error.WriteLineAsync($"landrush: warning: {gaps.Describe()}");
            }

            return LandrushCli.Ok;
        });
        return command;
    }
}
