using System.CommandLine;
using Landrush.Cli.Files;
using Landrush.Cli.Output;
using Landrush.Core;
using Landrush.Core.Whois;
using Landrush.Reports.Json;

namespace Landrush.Cli.Commands;

/// <summary><c>landrush whois-parse FILE...</c>: classify and read saved replies (WHOIS text or RDAP JSON).</summary>
/// <remarks>
/// Files are opened as every command opens them (<see cref="InputFiles"/>). A file that cannot be opened
/// or read is reported on stderr (one line) and the rest are still read; the exit code at the end is the
/// worst seen, with the same codes as <c>validate</c>: <see cref="LandrushCli.BadInput"/> for a path to
/// fix (missing, a directory, not readable), <see cref="LandrushCli.Failure"/> for an I/O error while
/// reading. An empty file name is bad input before anything is read.
/// </remarks>
internal static class WhoisParseCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("file")
        {
            Description = "Saved replies, one per file; '-' reads standard input. A file starting with '{' (after an optional byte-order mark) is read as RDAP JSON.",
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
            if (names.Any(string.IsNullOrWhiteSpace))
            {
                throw new UserInputException("an empty path is not a saved reply: write a path, or - for standard input");
            }

            var stdout = parsed.InvocationConfiguration.Output;
            var stderr = parsed.InvocationConfiguration.Error;
            var exit = LandrushCli.Ok;
            var first = true;
            foreach (var file in names)
            {
                ct.ThrowIfCancellationRequested();
                CappedBuffer input;
                try
                {
                    input = await ReadAsync(file, ct);
                }
                catch (UserInputException ex)
                {
                    await stderr.WriteLineAsync($"landrush: error: {Printable.Escape(ex.Message)}");
                    exit = Math.Max(exit, LandrushCli.BadInput);
                    continue;
                }
                catch (IOException ex)
                {
                    await stderr.WriteLineAsync($"landrush: error: cannot read {Printable.Escape(InputFiles.Label(file))}: {Printable.Escape(ex.Message)}");
                    exit = Math.Max(exit, LandrushCli.Failure);
                    continue;
                }

                var reply = SavedReply.Read(input);
                if (parsed.GetValue(json))
                {
                    await stdout.WriteLineAsync(JsonOutput.Line(new WhoisFileJson(file, reply)));
                    continue;
                }

                if (names.Length > 1)
                {
                    await stdout.WriteAsync($"{(first ? "" : "\n")}== {Printable.Escape(file)}\n");
                }

                await stdout.WriteAsync(WhoisOutput.Text(reply));
                first = false;
            }

            return exit;
        });
        return command;
    }

    // At most the cap and one byte of each input, so that "- < /dev/zero" or a huge file cannot fill memory.
    private static async Task<CappedBuffer> ReadAsync(string file, CancellationToken ct)
    {
        await using var input = InputFiles.OpenRead(file, "saved reply");
        return await CappedBuffer.ReadAsync(input, CappedBuffer.DefaultReplyCap, ct);
    }
}
