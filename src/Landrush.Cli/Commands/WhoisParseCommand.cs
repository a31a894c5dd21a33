using System.CommandLine;
using Landrush.Core;
using Landrush.Core.Rdap;
using Landrush.Core.Whois;
using Landrush.Harvest.Whois;

namespace Landrush.Cli.Commands;

/// <summary><c>landrush whois-parse FILE...</c>: classify and read saved replies (WHOIS text or RDAP JSON).</summary>
internal static class WhoisParseCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("file")
        {
            Description = "Saved replies, one per file; '-' reads standard input. A file starting with '{' is read as RDAP JSON.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per file, one per line (JSON Lines)." };
        var command = new Command("whois-parse", "Classify and read saved WHOIS or RDAP replies, to check the reader on your own samples.")
        {
            files, json,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var names = parsed.GetValue(files)!;
            var cap = new WhoisClientOptions().MaxReplyBytes;
            var stdout = parsed.InvocationConfiguration.Output;
            var first = true;
            foreach (var file in names)
            {
                ct.ThrowIfCancellationRequested();
                var bytes = await ReadAsync(file, cap + 1, ct);
                WhoisReply reply;
                if (bytes.Length > cap)
                {
                    // As the client does: a reply larger than the cap is not read.
                    reply = WhoisReply.OversizeAt(cap);
                }
                else
                {
                    var text = WhoisText.Decode(bytes);
                    var isRdap = text.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal);
                    reply = isRdap ? RdapParser.Parse(text) : WhoisParser.Parse(text);
                }

                if (parsed.GetValue(json))
                {
                    await stdout.WriteLineAsync(WhoisOutput.JsonLine(w =>
                    {
                        w.WriteString("file", file);
                        WhoisOutput.WriteMembers(w, reply);
                    }));
                    continue;
                }

                if (names.Length > 1)
                {
                    await stdout.WriteAsync($"{(first ? "" : "\n")}== {Printable.Escape(file)}\n");
                }

                await stdout.WriteAsync(WhoisOutput.Text(reply));
                first = false;
            }

            return LandrushCli.Ok;
        });
        return command;
    }

    // At most limit bytes of each input, so that "- < /dev/zero" or a huge file cannot fill memory.
    private static async Task<byte[]> ReadAsync(string file, int limit, CancellationToken ct)
    {
        // Opening a directory fails as "access denied", which sends the user after permissions instead.
        if (file != "-" && Directory.Exists(file))
        {
            throw new UserInputException($"{file}: is a directory, not a saved reply");
        }

        try
        {
            await using var input = file == "-" ? Console.OpenStandardInput() : File.OpenRead(file);
            return await ReadCappedAsync(input, limit, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot read {file}: {ex.Message}", ex);
        }
    }

    /// <summary>Reads <paramref name="input"/> to its end or to <paramref name="limit"/> bytes, whichever comes first.</summary>
    internal static async Task<byte[]> ReadCappedAsync(Stream input, int limit, CancellationToken ct)
    {
        var buffer = new byte[Math.Min(limit, 64 * 1024)];
        using var kept = new MemoryStream();
        while (kept.Length < limit)
        {
            var n = await input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - kept.Length)), ct);
            if (n == 0)
            {
                break;
            }

            kept.Write(buffer, 0, n);
        }

        return kept.ToArray();
    }
}
