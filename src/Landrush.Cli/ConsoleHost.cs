using System.Runtime.InteropServices;
using System.Text;
using Landrush.Cli.Output;

namespace Landrush.Cli;

/// <summary>
/// The process around <see cref="LandrushCli"/>: standard output and error as streams that report their
/// failures, and Ctrl-C / SIGTERM turned into cancellation, so that a command cleans up and ends with exit
/// code 130 and one line instead of being killed half-way.
/// </summary>
internal static class ConsoleHost
{
    public static async Task<int> MainAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            // Keep the process alive: the command sees the token, removes its temporary files and returns.
            context.Cancel = true;
            cancel.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var utf8 = new UTF8Encoding(false);
        ProgressLine.StderrIsTerminal = !Console.IsErrorRedirected;

        // Listing millions of names is syscall-bound unless stdout is buffered; LandrushCli flushes it
        // inside its error handling, so a failing flush is one line, not a crash.
        var stdout = new StreamWriter(new DescriptorStream(1, "standard output", swallowErrors: false), utf8, 1 << 16) { AutoFlush = false };
        var stderr = new StreamWriter(new DescriptorStream(2, "standard error", swallowErrors: true), utf8, 1 << 10) { AutoFlush = true };
        var code = await LandrushCli.RunAsync(args, stdout, stderr, cancel.Token);
        try
        {
            // Empty by now unless the run failed while writing; nothing more can be reported then.
            await stdout.DisposeAsync();
        }
        catch (IOException)
        {
        }

        return code;
    }
}
