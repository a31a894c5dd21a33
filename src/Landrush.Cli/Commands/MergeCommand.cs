using System.CommandLine;
using System.Globalization;
using Landrush.Cli.Files;
using Landrush.Core;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Store;

namespace Landrush.Cli.Commands;

/// <summary><c>landrush merge</c>: joins the stores of several shards of one harvest into a new store.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The merged store to create: a SQLite file that must not exist yet, or postgres://USER[:PASSWORD]@HOST[:PORT]/DB holding no harvest yet.", Required = true };
        var inputs = new Argument<string[]>("stores") { Description = "The stores to join: shards (--shard K/N) or runs of one harvest.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("merge",
            "Join the harvest stores of several shards (machines, addresses) into one new store: every name, raw reply and record. " +
            "The stores must be one harvest (space, TLD, source, seed; --verify-absent may differ); a name they disagree on is refused (one line, exit 2) and nothing is written. " +
            "Each shard's verify sample stays a stratum of its own: the printed estimate of what DNS missed is stratified.")
        {
            output, inputs,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var target = parsed.GetValue(output)!;
            var paths = parsed.GetValue(inputs)!;
            if (HarvestStores.IsShared(target))
            {
                return await IntoDatabaseAsync(parsed, target, paths, ct);
            }

            var full = Path.GetFullPath(target);
            if (File.Exists(full) || Directory.Exists(full))
            {
                throw new UserInputException($"{target}: exists; merge writes a new store (give another --out)");
            }

            FileKind.RefuseKernelFileSystem(target);
            if (FileKind.NoFolder(target) is { } why)
            {
                throw new UserInputException($"cannot write {target}: {why}");
            }

            var opened = new List<(string Label, IHarvestStore Store)>();
            // Written beside the target and renamed when whole: a failed merge leaves no store behind.
            var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.merge.tmp");
            var done = false;
            try
            {
                foreach (var p in paths)
                {
                    opened.Add((p, StoreFile.Open(p, readOnly: true)));
                    StoreOption.RecordInput(p);
                }

                HarvestMergeResult result;
                MissedEstimate missed;
                using (var merged = SqliteHarvestStore.Open(temp))
                {
                    result = HarvestMerge.Merge(opened, merged, ct);
                    missed = MissedEstimate.Of(merged);
                }

                File.Move(temp, full);
                done = true;
                await SayAsync(parsed.InvocationConfiguration.Output, paths.Length, target, result, missed);
                return LandrushCli.Ok;
            }
            finally
            {
                foreach (var (_, store) in opened)
                {
                    store.Dispose();
                }

                if (!done)
                {
                    foreach (var f in new[] { temp, temp + "-wal", temp + "-shm" })
                    {
                        File.Delete(f);
                    }
                }
            }
        });
        return command;
    }

    /// <summary>
    /// A merge into a PostgreSQL database holding no harvest yet (its tables are created). The names are checked to agree
    /// before any is written, as into a file; a failure while writing (the server gone) leaves the names written so far:
    /// merge again into a fresh database.
    /// </summary>
    private static async Task<int> IntoDatabaseAsync(ParseResult parsed, string target, string[] paths, CancellationToken ct)
    {
        var opened = new List<(string Label, IHarvestStore Store)>();
        try
        {
            using var merged = HarvestStores.Open(target);
            if (merged.Plan is not null)
            {
                throw new UserInputException($"{merged.Location}: holds a harvest already; merge writes a new store (give an empty database)");
            }

            foreach (var p in paths)
            {
                opened.Add((p, StoreFile.Open(p, readOnly: true)));
                StoreOption.RecordInput(p);
            }

            var result = HarvestMerge.Merge(opened, merged, ct);
            await SayAsync(parsed.InvocationConfiguration.Output, paths.Length, merged.Location, result, MissedEstimate.Of(merged));
            return LandrushCli.Ok;
        }
        finally
        {
            foreach (var (_, store) in opened)
            {
                store.Dispose();
            }
        }
    }

    private static async Task SayAsync(TextWriter stdout, int inputs, string target, HarvestMergeResult result, MissedEstimate missed)
    {
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"merged {inputs} stores into {target}: {result.Names:N0} names ({result.Overlaps:N0} held by more than one, all agreeing), " +
            $"{result.Replies:N0} raw replies, shard {result.Shard}"));
        if (result.StrataSetAside > 0)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{result.StrataSetAside} verify sample(s) overlap a wider one kept and stay out of the estimate (their names stay answered)"));
        }

        await stdout.WriteLineAsync(missed.Describe());
    }
}
