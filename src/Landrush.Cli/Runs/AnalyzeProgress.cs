using System.Diagnostics;
using System.Globalization;
using Landrush.Analysis.Verdict;

namespace Landrush.Cli.Runs;

/// <summary>
/// Progress of the verdict's Monte Carlo on stderr: stage, steps done, rate and ETA, one line per step
/// (synchronous, so lines come in order and none is lost at exit).
/// </summary>
internal sealed class AnalyzeProgress(TextWriter stderr) : IProgress<VerdictProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string? _stage;
    private TimeSpan _stageStart;

    public void Report(VerdictProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Stage != _stage)
        {
            _stage = value.Stage;
            _stageStart = _clock.Elapsed;
        }

        var elapsed = (_clock.Elapsed - _stageStart).TotalSeconds;
        var inv = CultureInfo.InvariantCulture;
        var line = value.Done == 0 || value.Total == 0
            ? string.Create(inv, $"analyze: {value.Stage} {value.Done}/{value.Total}")
            : string.Create(inv, $"analyze: {value.Stage} {value.Done}/{value.Total}, {value.Done / Math.Max(elapsed, 1e-9):0.##} steps/s, ETA {elapsed / value.Done * (value.Total - value.Done):0.#} s");
        stderr.WriteLine(line);
        stderr.Flush();
    }
}
