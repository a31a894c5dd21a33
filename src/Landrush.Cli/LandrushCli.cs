using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Landrush.Cli.Commands;
using Landrush.Cli.Output;
using Landrush.Core;

namespace Landrush.Cli;

/// <summary>
/// The <c>landrush</c> command line: builds the command tree and turns every failure into one line on
/// stderr and an exit code, so that no user ever sees a stack trace.
/// </summary>
public static partial class LandrushCli
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for a failure that is not the user's input (network, disk, internal).</summary>
    public const int Failure = 1;

    /// <summary>Exit code for bad input: a malformed option, spec or file.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code after Ctrl-C or SIGTERM (128 + SIGINT): temporary files removed, nothing half-written.</summary>
    public const int Cancelled = 130;

    /// <summary>Exit code when the reader of standard output went away (128 + SIGPIPE), said nothing.</summary>
    public const int ReaderGone = 141;

    public static RootCommand Build()
    {
        var root = new RootCommand(
            "Landrush: tells whether the allocation of a domain-name landrush was fair. " +
            "Enumerate a name space, serve a dataset as a local registry (simulate), harvest a registry (DNS, then " +
            "WHOIS), analyse who holds what against fair-allocation models, and write the report; 'demo' runs them all in a row.");
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(EnumerateCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(HarvestCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(RawCommand.Create());
        root.Subcommands.Add(ReconstructCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ReproduceCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(WhoisCommand.Create());
        root.Subcommands.Add(WhoisParseCommand.Create());
        root.Subcommands.Add(ZonefileCommand.Create());
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
        // Exceptions are ours to report (one line, no stack trace), not the library's; signals are the
        // host's (ConsoleHost), which cancels the token.
        var config = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        if (parsed.Errors.Count > 0)
        {
            await stderr.WriteLineAsync(ParseErrors.Line(parsed, root));
            return BadInput;
        }

        try
        {
            // What this run reads, so that it never writes over it (Files/CommandInputs).
            Files.CommandInputs.Begin();
            var code = await parsed.InvokeAsync(config, cancellationToken);
            // Inside the handler: standard output that cannot be written is one line, not a crash. Not cancellable: the
            // command has returned, its work is done and in place, and 130 must mean that nothing changed.
            await stdout.FlushAsync(CancellationToken.None);
            return code;
        }
        catch (ReaderGoneException)
        {
            return ReaderGone;
        }
        catch (UserInputException ex)
        {
            await stderr.WriteLineAsync($"landrush: error: {OneLine(ex.Message)}");
            return BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("landrush: cancelled");
            return Cancelled;
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

    // Messages may quote user or server text: no line break or terminal escape gets through, and no
    // quoted value over 200 characters (a 100,000-character --space must not give a 200 KB error line).
    internal static string OneLine(string message) => Printable.Escape(ShortenQuoted(message.ReplaceLineEndings(" ").Trim()));

    internal static string ShortenQuoted(string message) => LongWord().Replace(LongQuote().Replace(message, m =>
        string.Create(CultureInfo.InvariantCulture, $"'{m.Groups[1].Value[..100]}…' ({m.Groups[1].Value.Length:N0} characters)")), m =>
        string.Create(CultureInfo.InvariantCulture, $"{m.Value[..100]}… ({m.Value.Length:N0} characters)"));

    [GeneratedRegex("'([^']{201,})'")]
    private static partial Regex LongQuote();

    // A value quoted without quotes (a path in "cannot write PATH: why") is shortened all the same.
    [GeneratedRegex("[^\\s']{201,}")]
    private static partial Regex LongWord();
}
