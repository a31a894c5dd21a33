using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using Landrush.Core.Whois;
using Landrush.Simulator.Whois;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Landrush.Simulator.Tests;

public class WhoisServerTests(ITestOutputHelper output)
{
    private static readonly SimulatorNotice Notice = new(TestData.SmallName, Synthetic: true);

    private static RegistrySimulatorOptions Unlimited(Action<WhoisQueryLogEntry>? log = null) => TestData.Options() with
    {
        EnableDns = false,
        Whois = new WhoisServerOptions { RatePerSecond = null, DailyLimit = null },
        OnWhoisQuery = log,
    };

    [Fact]
    public async Task A_registered_name_gets_its_rendered_record_and_a_free_name_the_free_reply()
    {
        await using var sim = await RegistrySimulator.StartAsync(Unlimited());
        var record = TestData.Small.Records.Single(r => r.Name.ToString() == "1234.nl");
        foreach (var (query, expected) in new[]
                 {
                     ("1234.nl", WhoisRenderer.Render(record, FormatEra.Indented2008, Notice)),
                     ("1234.NL.", WhoisRenderer.Render(record, FormatEra.Indented2008, Notice)),
                     ("9998.nl", WhoisRenderer.RenderFree("9998.nl", FormatEra.Indented2008, Notice)),
                     ("abc.nl", WhoisRenderer.RenderFree("abc.nl", FormatEra.Indented2008, Notice)),
                     ("1234.com", WhoisRenderer.RenderInvalid(Notice)),
                 })
        {
            var reply = await WhoisProbe.AskAsync(sim.WhoisEndPoint!, query);
            Assert.Equal(WhoisProbe.End.Closed, reply.End);
            Assert.Equal(expected, reply.Text);
        }

        Assert.Equal(ReplyClass.Inactive, WhoisParser.Parse((await WhoisProbe.AskAsync(sim.WhoisEndPoint!, "0417.nl")).Text).Class);
        Assert.Equal(ReplyClass.Quarantine, WhoisParser.Parse((await WhoisProbe.AskAsync(sim.WhoisEndPoint!, "5550.nl")).Text).Class);
    }

    [Theory]
    [InlineData(FormatEra.Flat2010s)]
    [InlineData(FormatEra.Current)]
    public async Task The_era_is_the_configured_one(FormatEra era)
    {
        await using var sim = await RegistrySimulator.StartAsync(Unlimited() with { Whois = new WhoisServerOptions { Era = era, RatePerSecond = null } });
        var reply = WhoisParser.Parse((await WhoisProbe.AskAsync(sim.WhoisEndPoint!, "4821.nl")).Text);
        Assert.Equal(era, reply.Era);
        Assert.Equal(ReplyClass.Registered, reply.Class);
    }

    [Fact]
    public async Task Once_the_query_log_cannot_be_written_no_query_is_answered()
    {
        await using var sim = await RegistrySimulator.StartAsync(TestData.Options() with
        {
            EnableDns = false,
            Whois = new WhoisServerOptions { RatePerSecond = null, DailyLimit = null },
            LogPath = "/dev/full",
        });
        Assert.False(sim.LogFailure.IsCompleted);
        await WhoisProbe.AskAsync(sim.WhoisEndPoint!, "1234.nl");
        var failure = await sim.LogFailure.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.IsType<IOException>(failure);

        // Nothing more is served unlogged: the next query's connection is reset without a reply.
        var next = await WhoisProbe.AskAsync(sim.WhoisEndPoint!, "1234.nl");
        Assert.DoesNotContain("1234.nl", next.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_the_rate_a_client_gets_the_throttle_line_and_the_log_says_so()
    {
        var log = new ConcurrentQueue<WhoisQueryLogEntry>();
        var path = Path.GetTempFileName();
        // The server's clock moves only when the test moves it: the two first queries come at the same moment however
        // slow the machine, and a second passes when the test says so.
        var clock = new FakeTimeProvider();
        try
        {
            await using (var sim = await RegistrySimulator.StartAsync(TestData.Options() with
            {
                EnableDns = false,
                Whois = new WhoisServerOptions { RatePerSecond = 1, DailyLimit = null },
                OnWhoisQuery = log.Enqueue,
                LogPath = path,
                Clock = clock,
            }))
            {
                var first = await WhoisProbe.AskAsync(sim.WhoisEndPoint!, "1234.nl");
                var second = await WhoisProbe.AskAsync(sim.WhoisEndPoint!, "1234.nl");
                Assert.Equal(ReplyClass.Registered, WhoisParser.Parse(first.Text).Class);
                Assert.StartsWith(SidnMessages.Throttled() + "\r\n", second.Text, StringComparison.Ordinal);
                clock.Advance(TimeSpan.FromSeconds(1.1));
                Assert.Equal(ReplyClass.Free, WhoisParser.Parse((await WhoisProbe.AskAsync(sim.WhoisEndPoint!, "9998.nl")).Text).Class);
            }

            Assert.Equal([WhoisAnswer.Record, WhoisAnswer.Throttle, WhoisAnswer.Free], log.Select(e => e.Answer));
            var lines = File.ReadAllLines(path);
            Assert.Equal(3, lines.Length);
            var fields = lines[1].Split('\t');
            Assert.Equal(4, fields.Length);
            Assert.EndsWith("Z", fields[0], StringComparison.Ordinal);
            Assert.Equal(["127.0.0.1", "1234.nl", "throttle"], fields[1..]);
            Assert.EndsWith("\t9998.nl\tfree", lines[2], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Past_the_daily_cap_a_client_gets_the_daily_limit_line()
    {
        await using var sim = await RegistrySimulator.StartAsync(Unlimited() with { Whois = new WhoisServerOptions { RatePerSecond = null, DailyLimit = 3 } });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ReplyClass.Registered, WhoisParser.Parse((await WhoisProbe.AskAsync(sim.WhoisEndPoint!, "1234.nl")).Text).Class);
        }

        var over = await WhoisProbe.AskAsync(sim.WhoisEndPoint!, "1234.nl");
        Assert.StartsWith(SidnMessages.DailyLimit("127.0.0.1") + "\r\n", over.Text, StringComparison.Ordinal);
        Assert.Equal(ReplyClass.DailyLimit, WhoisParser.Parse(over.Text).Class);
    }

    [Fact]
    public async Task Long_lines_binary_bytes_silent_and_deaf_clients_are_answered_or_dropped_and_the_server_goes_on()
    {
        var log = new ConcurrentQueue<WhoisQueryLogEntry>();
        await using var sim = await RegistrySimulator.StartAsync(Unlimited(log.Enqueue) with
        {
            Whois = new WhoisServerOptions { RatePerSecond = null, DailyLimit = null, ReadTimeout = TimeSpan.FromMilliseconds(300), WriteTimeout = TimeSpan.FromMilliseconds(500) },
        });
        var ep = sim.WhoisEndPoint!;
        var invalid = WhoisRenderer.RenderInvalid(Notice);

        // A line over 1 KiB (no line end in sight): an error line, without waiting for the rest.
        var longLine = await WhoisProbe.SendAsync(ep, Encoding.ASCII.GetBytes(new string('9', 5000) + ".nl\r\n"));
        Assert.Equal(invalid, longLine.Text);

        // Binary bytes, NULs and an escape sequence.
        var binary = await WhoisProbe.SendAsync(ep, [0, 1, 2, 0xff, 0xfe, 0x1b, (byte)'[', (byte)'2', (byte)'J', 0x80, (byte)'\r', (byte)'\n']);
        Assert.Equal(invalid, binary.Text);

        // Slowloris: connects, sends half a line, never finishes — dropped (when, the test below checks on a fake clock).
        var slow = await WhoisProbe.SendAsync(ep, Encoding.ASCII.GetBytes("1234"), TimeSpan.FromSeconds(5));
        Assert.NotEqual(WhoisProbe.End.TimedOut, slow.End);

        // Clients that send a query and never read: 50 of them at once.
        var deaf = new List<Socket>();
        for (var i = 0; i < 50; i++)
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
            await s.ConnectAsync(ep);
            await s.SendAsync(Encoding.ASCII.GetBytes("1234.nl\r\n"), SocketFlags.None);
            deaf.Add(s);
        }

        // The server still answers, and lets go of the deaf ones.
        Assert.Equal(ReplyClass.Registered, WhoisParser.Parse((await WhoisProbe.AskAsync(ep, "4821.nl")).Text).Class);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (sim.WhoisActiveConnections > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, sim.WhoisActiveConnections);
        deaf.ForEach(s => s.Dispose());
        Assert.Contains(log, e => e.Answer == WhoisAnswer.Timeout && e.Query == "1234");
        Assert.Equal(2, log.Count(e => e.Answer == WhoisAnswer.Invalid));
        Assert.DoesNotContain(log, e => e.ToLine().Any(c => c is '\n' or '\r' or '\u001b' or '\0'));
    }

    [Fact]
    public async Task A_client_that_never_finishes_its_line_is_dropped_once_the_read_timeout_has_passed()
    {
        var log = new ConcurrentQueue<WhoisQueryLogEntry>();
        var clock = new FakeTimeProvider();
        var readTimeout = TimeSpan.FromMinutes(1);
        await using var sim = await RegistrySimulator.StartAsync(Unlimited(log.Enqueue) with
        {
            Whois = new WhoisServerOptions { RatePerSecond = null, DailyLimit = null, ReadTimeout = readTimeout },
            Clock = clock,
        });

        // Half a line, then silence: the server's clock moves on once it holds the connection.
        var slow = WhoisProbe.SendAsync(sim.WhoisEndPoint!, Encoding.ASCII.GetBytes("1234"), ClockDriver.Hang);
        var waited = await ClockDriver.RunAsync(clock, slow, readTimeout / 20, () => sim.WhoisActiveConnections > 0);

        Assert.NotEqual(WhoisProbe.End.TimedOut, (await slow).End);
        Assert.True(waited >= readTimeout, $"dropped after {waited}");
        Assert.Contains(log, e => e.Answer == WhoisAnswer.Timeout && e.Query == "1234");
    }

    [Fact]
    public async Task More_connections_than_allowed_get_the_busy_line()
    {
        // On a fake clock that never moves, the two silent clients hold their places however slow the machine is.
        await using var sim = await RegistrySimulator.StartAsync(Unlimited() with
        {
            Whois = new WhoisServerOptions { RatePerSecond = null, DailyLimit = null, MaxConnections = 2, ReadTimeout = TimeSpan.FromSeconds(3) },
            Clock = new FakeTimeProvider(),
        });
        var silent = new List<Socket>();
        for (var i = 0; i < 2; i++)
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await s.ConnectAsync(sim.WhoisEndPoint!);
            silent.Add(s);
        }

        // Both accepted (a connect completes before the server's accept loop takes it).
        using var hang = new CancellationTokenSource(ClockDriver.Hang);
        while (sim.WhoisActiveConnections < 2 && !hang.IsCancellationRequested)
        {
            await Task.Delay(5, CancellationToken.None);
        }

        Assert.Equal(2, sim.WhoisActiveConnections);
        var third = await WhoisProbe.AskAsync(sim.WhoisEndPoint!, "1234.nl");
        Assert.Equal(WhoisRenderer.RenderBusy(Notice), third.Text);
        silent.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task A_thousand_concurrent_clients_all_get_their_reply()
    {
        await using var sim = await RegistrySimulator.StartAsync(Unlimited());
        var ep = sim.WhoisEndPoint!;
        var names = new[] { "1234.nl", "4821.nl", "0417.nl", "5550.nl", "9998.nl" };
        var expected = names.ToDictionary(n => n, n => WhoisRenderer.Render(TestData.Small.Records.Single(r => r.Name.ToString() == n), FormatEra.Indented2008, Notice));
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, 1000).Select(async i =>
        {
            await start.WaitAsync();
            var name = names[i % names.Length];
            return (name, await WhoisProbe.AskAsync(ep, name, TimeSpan.FromSeconds(60)));
        }).ToList();
        start.Release(1000);
        var results = await Task.WhenAll(tasks);
        var failures = results.Where(r => r.Item2.End != WhoisProbe.End.Closed || r.Item2.Text != expected[r.name]).ToList();
        output.WriteLine($"{results.Length} clients, {failures.Count} failures, slowest {results.Max(r => r.Item2.Elapsed).TotalMilliseconds:F0} ms");
        Assert.Empty(failures);
    }
}
