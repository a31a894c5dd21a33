using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois;
using Landrush.Harvest.Whois;
using Microsoft.Extensions.Time.Testing;

namespace Landrush.Harvest.Tests.Whois;

/// <summary>
/// The client against real TCP servers on 127.0.0.1 that behave well and badly. Every case must end with the right
/// classification or failure; the timeouts run on a fake clock that only the test moves, so what they assert does
/// not depend on how loaded the machine is.
/// </summary>
public class WhoisClientTests
{
    private const string Reply =
        "Domain name: 4321.nl\r\nStatus:      active\r\n\r\nRegistrar:\r\n   Tapuit Hosting\r\n   Heiweg 4\r\n\r\n" +
        "DNSSEC:      no\r\n\r\nDomain nameservers:\r\n   ns1.tapuit.example   192.0.2.43\r\n\r\n" +
        "Record maintained by: NL Domain Registry\r\n";

    // Generous: this test checks that a timeout ends the exchange, not how fast the machine is.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(3);

    // The timeout under test on the fake clock, and the overall one far beyond it, so the two cannot be confused.
    private static readonly TimeSpan LongTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FarOverall = TimeSpan.FromHours(1); // the options' largest

    private static WhoisClient ClientFor(LoopbackServer server, Func<WhoisClientOptions, WhoisClientOptions>? tune = null, TimeProvider? clock = null)
    {
        var options = new WhoisClientOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            ConnectTimeout = TimeSpan.FromSeconds(2),
            ReadTimeout = TimeSpan.FromSeconds(2),
            OverallTimeout = TimeSpan.FromSeconds(5),
        };
        return new WhoisClient(tune is null ? options : tune(options), clock);
    }

    /// <summary>
    /// <paramref name="act"/>'s failure with <paramref name="clock"/> moved on in steps of a twentieth of
    /// <see cref="LongTimeout"/> (<see cref="ClockDriver"/>), and how far it moved until the failure came.
    /// </summary>
    private static async Task<(WhoisException Error, TimeSpan Waited)> FailsOnTheClock(FakeTimeProvider clock, Func<Task> act, Func<bool>? ready = null)
    {
        var query = act();
        var waited = await ClockDriver.RunAsync(clock, query, LongTimeout / 20, ready);
        return (await Assert.ThrowsAsync<WhoisException>(() => query), waited);
    }

    /// <summary><paramref name="act"/>'s failure, with the fake clock never moved: no timeout can have caused it.</summary>
    private static async Task<WhoisException> FailsWithNoTimePassing(Func<TimeProvider, Task> act)
    {
        var clock = new FakeTimeProvider();
        var start = clock.GetUtcNow();
        var ex = await Assert.ThrowsAsync<WhoisException>(() => act(clock).WaitAsync(ClockDriver.Hang));
        Assert.Equal(start, clock.GetUtcNow());
        return ex;
    }

    /// <summary>
    /// In real time, for the one case whose server drips in real time: on a fake clock each gap between the drips would
    /// be as long as the machine is slow, and the read timeout would race the overall one.
    /// </summary>
    private static async Task<WhoisException> FailsWithin(TimeSpan limit, Func<Task> act)
    {
        var sw = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<WhoisException>(act);
        sw.Stop();
        Assert.True(sw.Elapsed < limit + Slack, $"took {sw.Elapsed}, limit {limit}");
        return ex;
    }

    /// <summary>Records what the server had seen when the client entered the gate and when it said it had sent.</summary>
    private sealed class RecordingGate(LoopbackServer server, TaskCompletionSource connected) : Landrush.Harvest.Sources.ISendGate
    {
        public List<string> Events { get; } = [];

        public Task EnterAsync(CancellationToken cancellationToken)
        {
            Events.Add($"enter: connected {connected.Task.IsCompleted}, queries {server.Queries.Count}");
            return Task.CompletedTask;
        }

        public void Sent() => Events.Add("sent");
    }

    [Fact]
    public async Task The_gate_is_entered_once_connected_and_before_the_query_and_released_after_it()
    {
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            connected.TrySetResult();
            await self.ReadQueryAsync(s, ct);
            await s.SendAsync(Encoding.ASCII.GetBytes(Reply), SocketFlags.None, ct);
        });
        var client = ClientFor(server);
        // The server's handler runs once it accepted: the gate waits for that, then records what the server had.
        var gate = new RecordingGate(server, connected);
        var response = await client.QueryAsync(DomainName.Parse("4321.nl"), new DelayedGate(gate, connected.Task), CancellationToken.None);

        Assert.Equal(ReplyClass.Registered, response.Reply.Class);
        Assert.Equal(["enter: connected True, queries 0", "sent"], gate.Events);
    }

    /// <summary>Waits for the server's accept before entering, so that "connected" is observable.</summary>
    private sealed class DelayedGate(Landrush.Harvest.Sources.ISendGate inner, Task accepted) : Landrush.Harvest.Sources.ISendGate
    {
        public async Task EnterAsync(CancellationToken cancellationToken)
        {
            await accepted.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken); // a hang guard: accept needs a connection
            await inner.EnterAsync(cancellationToken);
        }

        public void Sent() => inner.Sent();
    }

    [Fact]
    public async Task The_gate_is_released_when_the_connection_breaks_before_the_query()
    {
        await using var server = new LoopbackServer((_, s, _) =>
        {
            s.LingerState = new LingerOption(true, 0);
            s.Close(); // reset at once
            return Task.CompletedTask;
        });
        var events = new List<string>();
        var gate = new ActionGate(() => events.Add("enter"), () => events.Add("sent"));
        WhoisFailure? failure = null;
        try
        {
            await ClientFor(server).QueryAsync(DomainName.Parse("4321.nl"), gate, CancellationToken.None);
        }
        catch (WhoisException ex)
        {
            // A reset may show at the write or at the read; either way the gate must have been left.
            failure = ex.Failure;
        }

        // On a loaded machine the reset can beat the client's own view of the connect: then the gate was never entered
        // and the failure is the connect's. Entered, it is always left.
        if (events.Count == 0)
        {
            Assert.Equal(WhoisFailure.ConnectFailed, failure);
        }
        else
        {
            Assert.Equal(["enter", "sent"], events);
        }
    }

    private sealed class ActionGate(Action enter, Action sent) : Landrush.Harvest.Sources.ISendGate
    {
        public Task EnterAsync(CancellationToken cancellationToken)
        {
            enter();
            return Task.CompletedTask;
        }

        public void Sent() => sent();
    }

    [Fact]
    public async Task Normal_server_gets_query_and_crlf_and_the_reply_is_classified()
    {
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            await s.SendAsync(Encoding.ASCII.GetBytes(Reply), SocketFlags.None, ct);
        });

        var response = await ClientFor(server).QueryAsync(DomainName.Parse("4321.nl"));

        Assert.Equal(["4321.nl\r\n"], server.Queries);
        Assert.Equal(Reply, response.Text);
        Assert.Equal(Encoding.ASCII.GetBytes(Reply), response.Raw.ToArray());
        Assert.Equal("utf-8", response.Encoding);
        Assert.False(response.Truncated);
        Assert.Equal(ReplyClass.Registered, response.Reply.Class);
        Assert.Equal([IPAddress.Parse("192.0.2.43")], response.Reply.Record!.NameServers[0].Addresses);
        Assert.Equal($"127.0.0.1:{server.Port}", response.Server);
    }

    [Fact]
    public async Task Invalid_utf8_is_kept_as_bytes_and_decoded_as_latin1()
    {
        var bytes = Encoding.Latin1.GetBytes(Reply.Replace("Tapuit Hosting", "Tapuit & Zoë Hosting", StringComparison.Ordinal));
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            await s.SendAsync(bytes, SocketFlags.None, ct);
        });

        var response = await ClientFor(server).QueryAsync(DomainName.Parse("4321.nl"));

        Assert.Equal(bytes, response.Raw.ToArray());
        Assert.Equal("latin-1", response.Encoding);
        Assert.Equal("Tapuit & Zoë Hosting", response.Reply.Record!.Registrar!.Name);
    }

    [Fact]
    public async Task A_reply_mixing_utf8_and_a_latin1_byte_decodes_each_as_itself()
    {
        // "Zoë" in UTF-8 for the registrar, a lone Latin-1 0xEB in its address.
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Reply.Replace("Tapuit Hosting", "Zoë Hosting", StringComparison.Ordinal)
            .Replace("Heiweg 4", "Heiweg \u0001", StringComparison.Ordinal))];
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xEB;
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            await s.SendAsync(bytes, SocketFlags.None, ct);
        });

        var response = await ClientFor(server).QueryAsync(DomainName.Parse("4321.nl"));

        Assert.Equal(bytes, response.Raw.ToArray());
        Assert.Equal("utf-8+latin-1", response.Encoding);
        Assert.Equal("Zoë Hosting", response.Reply.Record!.Registrar!.Name);
        Assert.Equal(["Heiweg ë"], response.Reply.Record.Registrar.AddressLines);
    }

    [Fact]
    public async Task Slow_drip_within_the_read_timeout_is_read_to_the_end()
    {
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            foreach (var chunk in Encoding.ASCII.GetBytes(Reply).Chunk(40))
            {
                await s.SendAsync(chunk, SocketFlags.None, ct);
                await Task.Delay(20, ct);
            }
        });

        // Gaps of 20 ms against a 3 s read timeout: a wide margin on a loaded machine.
        var response = await ClientFor(server, o => o with { ReadTimeout = TimeSpan.FromSeconds(3), OverallTimeout = TimeSpan.FromSeconds(20) })
            .QueryAsync(DomainName.Parse("4321.nl"));

        Assert.Equal(Reply, response.Text);
        Assert.Equal(ReplyClass.Registered, response.Reply.Class);
    }

    [Fact]
    public async Task Silence_longer_than_the_read_timeout_fails_and_keeps_what_arrived()
    {
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            await s.SendAsync(Encoding.ASCII.GetBytes("Domain name: 4321.nl\r\n"), SocketFlags.None, ct);
            await Task.Delay(ClockDriver.Hang, ct);
        });
        var clock = new FakeTimeProvider();

        var (ex, waited) = await FailsOnTheClock(clock,
            () => ClientFor(server, o => o with { ReadTimeout = LongTimeout, OverallTimeout = FarOverall }, clock).QueryAsync(DomainName.Parse("4321.nl")),
            () => server.Queries.Count > 0);

        // Not before the silence reached the read timeout; the overall one, far off, did not end it.
        Assert.True(waited >= LongTimeout, $"failed after {waited} of silence");
        Assert.Equal(WhoisFailure.ReadTimeout, ex.Failure);
        Assert.True(ex.IsTimeout);
        Assert.Equal("Domain name: 4321.nl\r\n", Encoding.ASCII.GetString(ex.Received.Span));
    }

    [Fact]
    public async Task A_timeout_is_said_with_a_decimal_point_under_a_comma_culture()
    {
        // The seconds were formatted with the current culture: "60,5 s".
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            await Task.Delay(ClockDriver.Hang, ct);
        });
        var clock = new FakeTimeProvider();
        var read = LongTimeout + TimeSpan.FromMilliseconds(500);

        var (ex, _) = await CommaCulture.RunAsync(() => FailsOnTheClock(clock,
            () => ClientFor(server, o => o with { ReadTimeout = read, OverallTimeout = FarOverall }, clock).QueryAsync(DomainName.Parse("4321.nl")),
            () => server.Queries.Count > 0));

        Assert.Equal(WhoisFailure.ReadTimeout, ex.Failure);
        Assert.EndsWith(" sent nothing for 60.5 s (0 bytes received)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drip_that_never_pauses_long_is_ended_by_the_overall_timeout()
    {
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            while (true)
            {
                await s.SendAsync("x"u8.ToArray(), SocketFlags.None, ct);
                await Task.Delay(50, ct);
            }
        });
        var overall = TimeSpan.FromMilliseconds(1500);

        var ex = await FailsWithin(overall, () =>
            ClientFor(server, o => o with { ReadTimeout = TimeSpan.FromSeconds(5), OverallTimeout = overall }).QueryAsync(DomainName.Parse("4321.nl")));

        Assert.Equal(WhoisFailure.OverallTimeout, ex.Failure);
        Assert.True(ex.Received.Length > 0);
    }

    [Fact]
    public async Task Server_that_accepts_and_never_answers_times_out()
    {
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            await Task.Delay(ClockDriver.Hang, ct);
        });
        var clock = new FakeTimeProvider();

        var (ex, waited) = await FailsOnTheClock(clock,
            () => ClientFor(server, o => o with { ReadTimeout = LongTimeout, OverallTimeout = FarOverall }, clock).QueryAsync(DomainName.Parse("4321.nl")),
            () => server.Queries.Count > 0);

        Assert.True(waited >= LongTimeout, $"failed after {waited} of silence");
        Assert.Equal(WhoisFailure.ReadTimeout, ex.Failure);
        Assert.Equal(0, ex.Received.Length);
    }

    [Fact]
    public async Task Endless_reply_is_cut_at_the_cap_and_classified_oversize()
    {
        const int cap = 64 * 1024;
        long sent = 0;
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            var block = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Domain name: 4321.nl\r\n", 400)));
            // Keeps sending until the client hangs up: only the cap may be kept.
            while (true)
            {
                sent += await s.SendAsync(block, SocketFlags.None, ct);
            }
        });

        // The cap ends it, not a timeout: the fake clock never moves.
        var clock = new FakeTimeProvider();
        var response = await ClientFor(server, o => o with { MaxReplyBytes = cap }, clock).QueryAsync(DomainName.Parse("4321.nl")).WaitAsync(ClockDriver.Hang);

        Assert.Equal(TimeSpan.Zero, response.Elapsed);
        Assert.True(response.Truncated);
        Assert.Equal(cap, response.Raw.Length);
        Assert.Equal(ReplyClass.Oversize, response.Reply.Class);
        Assert.Null(response.Reply.Record);
        Assert.True(Interlocked.Read(ref sent) > cap);
    }

    [Fact]
    public async Task Reply_of_exactly_the_cap_is_not_cut()
    {
        const int cap = 4096;
        var body = Encoding.ASCII.GetBytes(Reply.PadRight(cap, ' '));
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            await s.SendAsync(body, SocketFlags.None, ct);
        });

        var response = await ClientFor(server, o => o with { MaxReplyBytes = cap }).QueryAsync(DomainName.Parse("4321.nl"));

        Assert.False(response.Truncated);
        Assert.Equal(cap, response.Raw.Length);
        Assert.Equal(ReplyClass.Registered, response.Reply.Class);
    }

    [Fact]
    public async Task Connection_reset_mid_reply_is_a_reset_failure_not_a_reply()
    {
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            await s.SendAsync(Encoding.ASCII.GetBytes("Domain name: 4321.nl\r\nStat"), SocketFlags.None, ct);
            await Task.Delay(100, ct);
            // Linger zero: close sends RST instead of FIN.
            s.LingerState = new LingerOption(true, 0);
            s.Close();
        });

        var ex = await FailsWithNoTimePassing(clock => ClientFor(server, clock: clock).QueryAsync(DomainName.Parse("4321.nl")));

        Assert.Equal(WhoisFailure.Reset, ex.Failure);
        Assert.False(ex.IsTimeout);
    }

    [Fact]
    public async Task Closed_port_is_refused_at_once()
    {
        var port = LoopbackServer.ClosedPort();
        var ex = await FailsWithNoTimePassing(clock =>
            new WhoisClient(new WhoisClientOptions { Host = "127.0.0.1", Port = port, ConnectTimeout = TimeSpan.FromSeconds(2) }, clock).QueryAsync(DomainName.Parse("4321.nl")));

        Assert.Equal(WhoisFailure.ConnectFailed, ex.Failure);
        Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listener_whose_queue_is_full_is_a_connect_timeout()
    {
        // A listener that never accepts, with a backlog of 1: once its queue is full the kernel drops new
        // SYNs, so a connect hangs as it would towards a host that does not answer, without leaving loopback.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = new List<Socket>();
        try
        {
            // Fill the queue: connects complete at once until it is full; the first that hangs (2 s, far
            // beyond any loopback connect even on a loaded machine) shows that it is.
            var full = false;
            for (var i = 0; i < 16 && !full; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(filler);
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await filler.ConnectAsync(IPAddress.Loopback, port, quick.Token);
                }
                catch (OperationCanceledException)
                {
                    full = true;
                }
            }

            Assert.True(full, "the listen queue never filled up");
            var clock = new FakeTimeProvider();
            var client = new WhoisClient(
                new WhoisClientOptions { Host = "127.0.0.1", Port = port, ConnectTimeout = LongTimeout, ReadTimeout = LongTimeout, OverallTimeout = FarOverall }, clock);

            var (ex, waited) = await FailsOnTheClock(clock, () => client.QueryAsync(DomainName.Parse("4321.nl")));

            Assert.True(waited >= LongTimeout, $"gave up connecting after {waited}");
            Assert.True(ex.Failure == WhoisFailure.ConnectTimeout, $"{ex.Failure}: {ex.Message}");
        }
        finally
        {
            fillers.ForEach(f => f.Dispose());
        }
    }

    [Fact]
    public async Task Accept_and_close_without_a_word_is_unavailable()
    {
        await using var server = new LoopbackServer(async (self, s, ct) => await self.ReadQueryAsync(s, ct));

        var response = await ClientFor(server).QueryAsync(DomainName.Parse("4321.nl"));

        Assert.Equal(ReplyClass.Unavailable, response.Reply.Class);
        Assert.Equal(0, response.Raw.Length);
    }

    [Fact]
    public async Task Reply_about_another_name_is_not_a_fact()
    {
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            await s.SendAsync(Encoding.ASCII.GetBytes("9999.nl is free\r\n"), SocketFlags.None, ct);
        });

        var response = await ClientFor(server).QueryAsync(DomainName.Parse("4321.nl"));

        Assert.Equal(ReplyClass.Unparseable, response.Reply.Class);
        Assert.Contains("9999.nl", response.Reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttle_reply_over_the_wire_is_throttled()
    {
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            await s.SendAsync("whois.domain-registry.nl: only 1 request per second allowed, try again later\r\n"u8.ToArray(), SocketFlags.None, ct);
        });

        var response = await ClientFor(server).QueryAsync(DomainName.Parse("4321.nl"));

        Assert.Equal(ReplyClass.Throttled, response.Reply.Class);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Reply.RetryAfter);
    }

    [Fact]
    public async Task Caller_cancellation_is_cancellation_not_a_timeout()
    {
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            await Task.Delay(ClockDriver.Hang, ct);
        });
        // The caller gives up after 300 ms on the same fake clock as the client's timeouts of 20 s, and only that
        // much time passes: the end can only be the caller's.
        var clock = new FakeTimeProvider();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300), clock);
        var query = ClientFor(server, o => o with { ReadTimeout = TimeSpan.FromSeconds(20), OverallTimeout = TimeSpan.FromSeconds(20) }, clock)
            .QueryAsync(DomainName.Parse("4321.nl"), cts.Token);
        using var hang = new CancellationTokenSource(ClockDriver.Hang);
        while (server.Queries.Count == 0 && !query.IsCompleted && !hang.IsCancellationRequested)
        {
            await Task.Delay(5, CancellationToken.None);
        }

        Assert.False(query.IsCompleted, "the query ended before the caller gave up");
        clock.Advance(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query.WaitAsync(ClockDriver.Hang));
    }

    [Fact]
    public async Task A_query_with_a_line_break_is_refused_before_connecting()
    {
        var client = new WhoisClient(new WhoisClientOptions { Host = "127.0.0.1", Port = LoopbackServer.ClosedPort() });
        await Assert.ThrowsAsync<ArgumentException>(() => client.QueryAsync(new DomainName("1.nl\r\n2", "nl")));
    }

    [Fact]
    public void Options_defaults_are_the_documented_ones_and_bad_values_are_refused()
    {
        var o = new WhoisClientOptions();
        Assert.Equal("whois.domain-registry.nl", o.Host);
        Assert.Equal(43, o.Port);
        Assert.Equal(TimeSpan.FromSeconds(10), o.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), o.ReadTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), o.OverallTimeout);
        Assert.Equal(1 << 20, o.MaxReplyBytes);
        Assert.Equal("[::1]:4343", (o with { Host = "::1", Port = 4343 }).Server);
        Assert.Throws<ArgumentOutOfRangeException>(() => o with { Port = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => o with { MaxReplyBytes = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => o with { ReadTimeout = TimeSpan.Zero });
        Assert.Throws<ArgumentException>(() => o with { Host = " " });
    }
}
