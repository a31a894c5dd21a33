using System.Diagnostics;
using System.Globalization;

namespace Landrush.Cli.Output;

/// <summary>
/// A progress line on standard error, redrawn in place at most twice a second, with rate and (when the
/// total is known) percentage and ETA. Shown only when standard error is a terminal: a log or a test
/// gets the result, not the redraws.
/// </summary>
internal sealed class ProgressLine(TextWriter stderr, string what, bool enabled)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _next = TimeSpan.FromSeconds(0.5);
    private bool _shown;

    /// <summary>True when standard error is the process's terminal (set by <see cref="ConsoleHost"/>).</summary>
    public static bool StderrIsTerminal { get; set; }

    /// <summary>Redraws the line if half a second has passed; <paramref name="done"/> and <paramref name="total"/> in bytes.</summary>
    public void Report(long rows, long done, long total)
    {
        if (!enabled || _clock.Elapsed < _next)
        {
            return;
        }

        _next = _clock.Elapsed + TimeSpan.FromSeconds(0.5);
        var seconds = _clock.Elapsed.TotalSeconds;
        var inv = CultureInfo.InvariantCulture;
        var line = string.Create(inv, $"{what}: {rows:N0} rows, {rows / seconds:N0} rows/s");
        if (total > 0 && done > 0)
        {
            var eta = seconds * (total - done) / done;
            line += string.Create(inv, $", {100.0 * done / total:N0}% of the file, ETA {eta:N0} s");
        }

        stderr.Write($"\r{line}\u001b[K");
        _shown = true;
    }

    /// <summary>Clears the line, so the result starts on a clean line.</summary>
    public void Clear()
    {
        if (_shown)
        {
            stderr.Write("\r\u001b[K");
            _shown = false;
        }
    }
}
