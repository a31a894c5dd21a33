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
        var output = new Option<string>("--out") { Description = "The merged store to create (must not exist yet).", Required = true };
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
            var full = Path.GetFullPath(target);
            if (File.Exists(full) || Directory.Exists(full))
            {
                throw new UserInputException($"{target}: exists; merge writes a new store (give another --out)");
            }

            FileKind.RefuseKernelFileSystem(target);
            if (!Directory.Exists(Path.GetDirectoryName(full)))
            {
                throw new UserInputException($"cannot write {target}: directory {Path.GetDirectoryName(target)} does not exist");
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
                    CommandInputs.Record(p);
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
                await parsed.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"merged {paths.Length} stores into {target}: {result.Names:N0} names ({result.Overlaps:N0} held by more than one, all agreeing), " +
                    $"{result.Replies:N0} raw replies, shard {result.Shard}"));
                if (result.StrataSetAside > 0)
                {
                    await parsed.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{result.StrataSetAside} verify sample(s) overlap a wider one kept and stay out of the estimate (their names stay answered)"));
                }

                await parsed.InvocationConfiguration.Output.WriteLineAsync(missed.Describe());
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
}
