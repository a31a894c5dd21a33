using Landrush.Cli.Output;
using Landrush.Harvest.Pipeline;
using Spectre.Console.Testing;

namespace Landrush.Cli.Tests;

/// <summary>The harvest's progress view: the live Spectre table on a (test) terminal, plain lines elsewhere.</summary>
public sealed class HarvestProgressViewTests
{
    private static readonly HarvestProgress Dns = new("dns", 600, 1_110, 600, TimeSpan.FromSeconds(2), 123, 477, 0, 0, 0, 0);
    private static readonly HarvestProgress Whois = new("whois", 40, 123, 40, TimeSpan.FromSeconds(8), 0, 0, 31, 6, 2, 1);

    [Fact]
    public void The_table_shows_each_stage_with_done_total_rate_eta_and_counts()
    {
        var console = new TestConsole().Width(200);
        console.Write(HarvestProgressView.Render(Dns, Whois));
        var text = console.Output;

        Assert.Contains("600/1,110", text);
        Assert.Contains("54%", text);
        Assert.Contains("300/s", text);
        Assert.Contains("0m01s", text); // 510 names left at 300/s
        Assert.Contains("delegated 123  absent 477", text);
        Assert.Contains("40/123", text);
        Assert.Contains("5.0/s", text);
        Assert.Contains("0m16s", text); // 83 names left at 5/s
        Assert.Contains("registered 31  free 6  throttled 2  failed 1", text);
    }

    [Fact]
    public async Task The_live_view_draws_the_latest_figures_and_not_on_the_plain_writer()
    {
        var console = new TestConsole().Width(200).Interactive().EmitAnsiSequences();
        var plain = new StringWriter();
        var view = new HarvestProgressView(plain, console);

        var result = await view.RunAsync(report =>
        {
            report(Dns);
            report(Dns with { Done = 1_110, DoneThisRun = 1_110, Delegated = 200, Absent = 910 });
            report(Whois);
            return Task.FromResult(42);
        });

        Assert.Equal(42, result);
        Assert.True(view.IsLive);
        Assert.Equal("", plain.ToString());
        Assert.Contains("1,110/1,110", console.Output);
        Assert.Contains("delegated 200  absent 910", console.Output);
        Assert.Contains("registered 31  free 6  throttled 2  failed 1", console.Output);
    }

    [Fact]
    public async Task Off_a_terminal_the_view_writes_plain_lines_on_the_given_writer()
    {
        var plain = new StringWriter();
        var view = HarvestProgressView.For(plain);

        await view.RunAsync(report =>
        {
            report(Dns);
            report(Dns with { Done = 1_110, Delegated = 200, Absent = 910 });
            return Task.FromResult(0);
        });

        Assert.False(view.IsLive);
        var lines = plain.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("dns   600/1,110", lines[0]);
        Assert.Contains("delegated 200  absent 910", lines[1]);
    }

    [Fact]
    public async Task A_finished_stage_is_one_plain_line_with_its_unknown_names()
    {
        // The DNS stage reports done when the last name is answered, and again when the store has its last batch.
        var plain = new StringWriter();
        await new HarvestProgressView(plain, null).RunAsync(report =>
        {
            report(Dns with { Done = 1_110, Delegated = 200, Absent = 900, Unknown = 10 });
            report(Dns with { Done = 1_110, Delegated = 200, Absent = 900, Unknown = 10, Elapsed = TimeSpan.FromSeconds(3) });
            report(Whois with { Done = 123 });
            report(Whois with { Done = 123 });
            return Task.FromResult(0);
        });

        var lines = plain.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("dns   1,110/1,110", lines[0]);
        Assert.EndsWith("delegated 200  absent 900  unknown 10", lines[0].TrimEnd());
        Assert.StartsWith("whois 123/123", lines[1]);
    }
}
