using System.Globalization;

namespace Landrush.Cli.Tests;

/// <summary>
/// A writer that cancels <paramref name="cts"/> once a line containing <paramref name="text"/> is written: a signal
/// (the host cancels the token on SIGINT and SIGTERM) that arrives at a chosen moment of a command, in-process.
/// </summary>
internal sealed class CancelOnLine(string text, CancellationTokenSource cts) : StringWriter(CultureInfo.InvariantCulture)
{
    public override Task WriteLineAsync(string? value)
    {
        var written = base.WriteLineAsync(value);
        Check(value);
        return written;
    }

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        Check(value);
    }

    private void Check(string? value)
    {
        if (value is not null && value.Contains(text, StringComparison.Ordinal))
        {
            cts.Cancel();
        }
    }
}
