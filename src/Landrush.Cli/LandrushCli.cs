using System.CommandLine;
using System.Net.Sockets;
using Landrush.Cli.Commands;
using Landrush.Core;

namespace Landrush.Cli;

/// <summary>
/// The <c>landrush</c> command line: builds the command tree and turns every failure into one line on
/// stderr and an exit code, so that no user ever sees a stack trace.
/// </summary>
public static class LandrushCli
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for a failure that is not the user's input (network, disk, internal).</summary>
    public const int Failure = 1;

    /// <summary>Exit code for bad input: a malformed option, spec or file.</summary>
    public const int BadInput = 2;

    public static RootCommand Build()
    {
        var root = new RootCommand(
            "Landrush: tells whether the allocation of a domain-name landrush was fair. " +
            "So far: enumerate a name space, read registry datasets, ask and read WHOIS, and build a seeded " +
            "synthetic reconstruction of the 2008 .nl landrush. Harvest, statistics and report come next.");
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(EnumerateCommand.Create());
        root.Subcommands.Add(ReconstructCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(WhoisCommand.Create());
        root.Subcommands.Add(WhoisParseCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var root = Build();
        var parsed = root.Parse(args);
        // Exceptions are ours to report (one line, no stack trace), not the library's.
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"landrush: error: {error.Message}");
            }

            await stderr.WriteLineAsync("Try 'landrush --help'.");
            return BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(config, cancellationToken);
        }
        catch (UserInputException ex)
        {
            await stderr.WriteLineAsync($"landrush: error: {OneLine(ex.Message)}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("landrush: cancelled");
            return Failure;
        }
        catch (Exception ex) when (ex is IOException or SocketException or TimeoutException or UnauthorizedAccessException or HttpRequestException)
        {
            await stderr.WriteLineAsync($"landrush: error: {OneLine(ex.Message)}");
            return Failure;
        }
#pragma warning disable CA1031 // The last line of defence: a user gets one line, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"landrush: internal error ({ex.GetType().Name}): {OneLine(ex.Message)}");
            if (Environment.GetEnvironmentVariable("LANDRUSH_DEBUG") == "1")
            {
                await stderr.WriteLineAsync(ex.ToString());
            }

            return Failure;
        }
    }

    // Messages may quote user or server text: no line break or terminal escape gets through.
    private static string OneLine(string message) => Printable.Escape(message.ReplaceLineEndings(" ").Trim());
}
