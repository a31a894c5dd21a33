using System.CommandLine;
using Landrush.Core;
using Landrush.Core.Rdap;
using Landrush.Core.Whois;

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
            var stdout = parsed.InvocationConfiguration.Output;
            var first = true;
            foreach (var file in names)
            {
                ct.ThrowIfCancellationRequested();
                var text = WhoisText.Decode(await ReadAsync(file, ct));
                var isRdap = text.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal);
                var reply = isRdap ? RdapParser.Parse(text) : WhoisParser.Parse(text);
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
                    await stdout.WriteAsync($"{(first ? "" : "\n")}== {file}\n");
                }

                await stdout.WriteAsync(WhoisOutput.Text(reply));
                first = false;
            }

            return LandrushCli.Ok;
        });
        return command;
    }

    private static async Task<byte[]> ReadAsync(string file, CancellationToken ct)
    {
        try
        {
            if (file == "-")
            {
                using var buffer = new MemoryStream();
                await using var stdin = Console.OpenStandardInput();
                await stdin.CopyToAsync(buffer, ct);
                return buffer.ToArray();
            }

            return await File.ReadAllBytesAsync(file, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot read {file}: {ex.Message}", ex);
        }
    }
}
