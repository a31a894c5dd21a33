using System.Globalization;
using Landrush.Cli.Commands;
using Landrush.Harvest.Pipeline;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Landrush.Cli.Output;

/// <summary>
/// The harvest's progress on standard error: a live Spectre table (one row per stage: done/total, rate, ETA
/// and the counts) when standard error is this process's terminal, else one plain line every few seconds
/// and at the end of each stage, so that logs, pipes and the in-process tests get lines, not redraws.
/// </summary>
internal sealed class HarvestProgressView
{
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(3);

    private readonly TextWriter _stderr;
    private readonly IAnsiConsole? _console;
    private DateTime _lastLine = DateTime.MinValue;
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private HarvestProgress? _dns, _whois;

    /// <param name="stderr">The command's standard error.</param>
    /// <param name="console">The console to draw the live table on; null for plain lines on <paramref name="stderr"/>.</param>
    public HarvestProgressView(TextWriter stderr, IAnsiConsole? console)
    {
        _stderr = stderr;
        _console = console;
    }

    /// <summary>
    /// Live on a terminal only: standard error not redirected and <paramref name="stderr"/> the process's own
    /// (the in-process tests hand the command a StringWriter and must keep getting the plain lines).
    /// </summary>
    public static HarvestProgressView For(TextWriter stderr)
    {
        var terminal = ProgressLine.StderrIsTerminal && !Console.IsErrorRedirected && stderr is StreamWriter { BaseStream: DescriptorStream };
        if (!terminal)
        {
            return new HarvestProgressView(stderr, null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(stderr),
        });
        // Spectre only measures the window for Console.Error itself; this writer is the same descriptor.
        try
        {
            if (Console.WindowWidth > 0)
            {
                console.Profile.Width = Console.WindowWidth;
            }
        }
        catch (IOException)
        {
        }

        return new HarvestProgressView(stderr, console);
    }

    /// <summary>True when the view draws the live table rather than plain lines.</summary>
    public bool IsLive => _console is not null;

    /// <summary>Runs <paramref name="work"/> with a progress callback; the live table stays on screen after it.</summary>
    public async Task<T> RunAsync<T>(Func<Action<HarvestProgress>, Task<T>> work)
    {
        if (_console is null)
        {
            return await work(Plain);
        }

        var result = default(T)!;
        await _console.Live(Render(_dns, _whois)).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async ctx =>
        {
            result = await work(p =>
            {
                Remember(p);
                ctx.UpdateTarget(Render(_dns, _whois));
            });
        });
        return result;
    }

    /// <summary>The live table: one row per stage seen so far.</summary>
    internal static IRenderable Render(HarvestProgress? dns, HarvestProgress? whois)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("harvest");
        foreach (var header in new[] { "stage", "done/total", "%", "rate", "ETA" })
        {
            table.AddColumn(new TableColumn(header) { NoWrap = true });
        }

        // Only the counts wrap: on a narrow terminal they take a second line rather than squeezing the figures.
        table.AddColumn(new TableColumn("counts"));
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        table.Columns[3].RightAligned();
        if (dns is null && whois is null)
        {
            table.AddRow(new Text("dns"), new Text("starting"), Text.Empty, Text.Empty, Text.Empty, Text.Empty);
        }

        foreach (var p in new[] { dns, whois })
        {
            if (p is null)
            {
                continue;
            }

            var inv = CultureInfo.InvariantCulture;
            var counts = p.Stage == "dns"
                ? string.Create(inv, $"delegated {p.Delegated:N0}  absent {p.Absent:N0}  unknown {p.Unknown:N0}")
                : string.Create(inv, $"registered {p.Registered:N0}  free {p.Free:N0}  throttled {p.Throttled:N0}  failed {p.Failed:N0}");
            var failed = p.Failed > 0 ? new Style(Color.Red) : Style.Plain;
            table.AddRow(
                new Text(p.Stage),
                new Text(string.Create(inv, $"{p.Done:N0}/{p.Total:N0}")),
                new Text(p.Total > 0 ? string.Create(inv, $"{100.0 * p.Done / p.Total:N0}%") : ""),
                new Text(p.Stage == "dns" ? string.Create(inv, $"{p.Rate:N0}/s") : string.Create(inv, $"{p.Rate:N1}/s")),
                new Text(p.Done >= p.Total ? "done" : HarvestCommand.Eta(p.Eta)),
                new Text(counts, failed));
        }

        return table;
    }

    private void Remember(HarvestProgress p)
    {
        if (p.Stage == "dns")
        {
            _dns = p;
        }
        else
        {
            _whois = p;
        }
    }

    private void Plain(HarvestProgress p)
    {
        // Every few seconds, and once when a stage is done (the DNS stage reports done names as they are answered,
        // then again when the store has taken the last batch: one line for both).
        var finished = p.Done >= p.Total;
        if ((DateTime.UtcNow - _lastLine < PlainEvery && !finished) || (finished && _finished.Contains(p.Stage)))
        {
            return;
        }

        if (finished)
        {
            _finished.Add(p.Stage);
        }

        _lastLine = DateTime.UtcNow;
        _stderr.WriteLine(HarvestCommand.Progress(p));
    }
}
