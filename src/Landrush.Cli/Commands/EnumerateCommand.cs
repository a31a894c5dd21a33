using System.CommandLine;
using System.Globalization;
using Landrush.Cli.Files;
using Landrush.Core.Enumeration;

namespace Landrush.Cli.Commands;

/// <summary><c>landrush enumerate</c>: every name of a space, one a line, or the count.</summary>
internal static class EnumerateCommand
{
    public static Command Create()
    {
        var space = CommonOptions.Space();
        var tld = CommonOptions.Tld();
        var count = new Option<bool>("--count") { Description = "Write only the number of names (computed, not enumerated)." };
        var shard = new Option<string?>("--shard") { Description = "Only shard K of N (contiguous index range), e.g. 3/8." };
        var output = CommonOptions.Out("Write to this file (whole or not at all) instead of standard output; '-' is standard output.");
        var command = new Command("enumerate", "List the names of a name space in index order (0.nl … 99999.nl by default).")
        {
            space, tld, count, shard, output,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var ns = NameSpace.Parse(parsed.GetValue(space));
            var suffix = "." + DomainName.NormalizeTld(parsed.GetValue(tld)!);
            var sh = parsed.GetValue(shard) is { } s ? Shard.Parse(s) : Shard.All;
            await TextOutput.WriteAsync(parsed.GetValue(output), parsed.InvocationConfiguration.Output,
                writer => WriteAsync(writer, ns, suffix, sh, parsed.GetValue(count), ct), ct);
            return LandrushCli.Ok;
        });
        return command;
    }

    private static async Task WriteAsync(TextWriter writer, NameSpace ns, string suffix, Shard sh, bool countOnly, CancellationToken ct)
    {
        writer.NewLine = "\n";
        if (countOnly)
        {
            var (start, end) = sh.RangeIn(ns.Count);
            await writer.WriteLineAsync((end - start).ToString(CultureInfo.InvariantCulture));
            await writer.FlushAsync(ct);
            return;
        }

        foreach (var label in ns.Enumerate(sh))
        {
            ct.ThrowIfCancellationRequested();
            writer.Write(label);
            writer.Write(suffix);
            writer.Write('\n');
        }

        await writer.FlushAsync(ct);
    }
}
