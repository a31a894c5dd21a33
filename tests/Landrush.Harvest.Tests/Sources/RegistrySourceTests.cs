using System.Net.Sockets;
using System.Text;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois;
using Landrush.Harvest.Rdap;
using Landrush.Harvest.Sources;
using Landrush.Harvest.Tests.Rdap;
using Landrush.Harvest.Whois;

namespace Landrush.Harvest.Tests.Sources;

/// <summary>
/// WHOIS and RDAP behind one <see cref="IRegistrySource"/>, against real servers on 127.0.0.1: every
/// outcome is one <see cref="RegistryExchange"/>, never an exception, and one rule says what to retry.
/// </summary>
public class RegistrySourceTests
{
    private static readonly DomainName Name = DomainName.Parse("1357.nl");

    private const string WhoisRecord =
        "Domain name: 1357.nl\r\nStatus:      active\r\n\r\nRegistrar:\r\n   Roerdomp Registrar\r\n\r\n" +
        "Domain nameservers:\r\n   ns1.roerdomp.example\r\n\r\nRecord maintained by: SIDN BV\r\n";

    private static WhoisSource WhoisAt(int port, TimeSpan? read = null, int cap = CappedBuffer.DefaultReplyCap) => new(new WhoisClientOptions
    {
        Host = "127.0.0.1",
        Port = port,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        ReadTimeout = read ?? TimeSpan.FromSeconds(2),
        OverallTimeout = TimeSpan.FromSeconds(5),
        MaxReplyBytes = cap,
    });

    private static RdapSource RdapAt(int port, HttpClient http, TimeSpan? timeout = null) =>
        new(new RdapClient(http, new RdapClientOptions { BaseUri = new Uri($"http://127.0.0.1:{port}/"), Timeout = timeout ?? TimeSpan.FromSeconds(5) }));

    private static LoopbackServer WhoisServer(string reply) => new(async (self, s, ct) =>
    {
        await self.ReadQueryAsync(s, ct);
        await s.SendAsync(Encoding.ASCII.GetBytes(reply), SocketFlags.None, ct);
    });

    [Fact]
    public async Task Whois_and_rdap_answers_come_back_in_the_same_shape()
    {
        await using var whoisServer = WhoisServer(WhoisRecord);
        await using var rdapServer = RdapClientTests.Http("200 OK", RdapClientTests.Domain);
        using var http = RdapClientTests.NoProxy();
        var before = DateTimeOffset.UtcNow;

        IRegistrySource[] sources = [WhoisAt(whoisServer.Port), RdapAt(rdapServer.Port, http)];
        foreach (var source in sources)
        {
            var x = await source.QueryAsync(Name);

            Assert.Equal(ExchangeFailure.None, x.Failure);
            Assert.False(x.IsTransientFailure);
            Assert.Null(x.FailureMessage);
            Assert.Equal(Name, x.Query);
            Assert.Equal(ReplyClass.Registered, x.Reply!.Class);
            Assert.Equal("Roerdomp Registrar", x.Reply.Record!.Registrar!.Name);
            Assert.Equal("1357.nl", x.Reply.ToRegistryRecord(x.Protocol)!.Name.ToString());
            Assert.True(x.Raw.Length > 0);
            Assert.InRange(x.At, before, DateTimeOffset.UtcNow);
            Assert.Equal(TimeSpan.Zero, x.At.Offset);
            Assert.True(x.Elapsed > TimeSpan.Zero);
        }

        Assert.Equal(RecordSource.Whois, sources[0].Protocol);
        Assert.Equal($"127.0.0.1:{whoisServer.Port}", sources[0].Server);
        Assert.Equal(RecordSource.Rdap, sources[1].Protocol);
        Assert.Equal($"http://127.0.0.1:{rdapServer.Port}/", sources[1].Server);
    }

    [Fact]
    public async Task A_closed_port_is_refused_and_transient_for_both()
    {
        var port = LoopbackServer.ClosedPort();
        using var http = RdapClientTests.NoProxy();

        foreach (var source in new IRegistrySource[] { WhoisAt(port), RdapAt(port, http) })
        {
            var x = await source.QueryAsync(Name);

            Assert.Equal(ExchangeFailure.Refused, x.Failure);
            Assert.True(x.IsTransientFailure);
            Assert.Null(x.Reply);
            Assert.Equal(0, x.Raw.Length);
            Assert.Contains($"127.0.0.1:{port}", x.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Silence_is_a_timeout_for_both_and_whois_keeps_what_arrived()
    {
        await using var whoisServer = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            await s.SendAsync("Domain name: 1357.nl\r\n"u8.ToArray(), SocketFlags.None, ct);
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
        });
        await using var rdapServer = RdapClientTests.Http("200 OK", RdapClientTests.Domain, delayMs: 30_000);
        using var http = RdapClientTests.NoProxy();

        // 2 s, not less: on a loaded machine (CI's parallel tests) the server's first bytes took longer than 400 ms to come.
        var w = await WhoisAt(whoisServer.Port, read: TimeSpan.FromSeconds(2)).QueryAsync(Name);
        var r = await RdapAt(rdapServer.Port, http, TimeSpan.FromMilliseconds(400)).QueryAsync(Name);

        Assert.Equal(ExchangeFailure.Timeout, w.Failure);
        Assert.Equal("Domain name: 1357.nl\r\n", Encoding.ASCII.GetString(w.Raw.Span));
        Assert.Null(w.Reply);
        Assert.Equal(ExchangeFailure.Timeout, r.Failure);
        Assert.True(w.IsTransientFailure && r.IsTransientFailure);
    }

    [Fact]
    public async Task A_reset_connection_is_a_transient_reset()
    {
        await using var server = new LoopbackServer(async (self, s, ct) =>
        {
            await self.ReadQueryAsync(s, ct);
            await s.SendAsync("Domain name: 1357.nl\r\nStat"u8.ToArray(), SocketFlags.None, ct);
            await Task.Delay(100, ct);
            s.LingerState = new LingerOption(true, 0);
            s.Close();
        });

        var x = await WhoisAt(server.Port).QueryAsync(Name);

        Assert.Equal(ExchangeFailure.Reset, x.Failure);
        Assert.True(x.IsTransientFailure);
    }

    [Fact]
    public async Task An_oversize_reply_is_kept_to_the_cap_classified_and_not_transient()
    {
        await using var whoisServer = WhoisServer(WhoisRecord + new string(' ', 5000));
        await using var rdapServer = RdapClientTests.Http("200 OK", RdapClientTests.Domain + new string(' ', 5000));
        using var http = RdapClientTests.NoProxy();
        var rdap = new RdapSource(new RdapClient(http, new RdapClientOptions { BaseUri = new Uri($"http://127.0.0.1:{rdapServer.Port}/"), MaxResponseBytes = 1000 }));

        foreach (var source in new IRegistrySource[] { WhoisAt(whoisServer.Port, cap: 1000), rdap })
        {
            var x = await source.QueryAsync(Name);

            Assert.Equal(ExchangeFailure.Oversize, x.Failure);
            Assert.False(x.IsTransientFailure);
            Assert.Equal(1000, x.Raw.Length);
            Assert.Equal(ReplyClass.Oversize, x.Reply!.Class);
            Assert.Null(x.Reply.ToRegistryRecord(x.Protocol));
        }
    }

    [Theory]
    [InlineData("500 Internal Server Error", ExchangeFailure.ServerError, true)]
    [InlineData("503 Service Unavailable", ExchangeFailure.ServerError, true)]
    [InlineData("400 Bad Request", ExchangeFailure.ProtocolError, false)]
    [InlineData("403 Forbidden", ExchangeFailure.ProtocolError, false)]
    public async Task Rdap_http_errors_are_failures_by_status(string statusLine, ExchangeFailure expected, bool transient)
    {
        await using var server = RdapClientTests.Http(statusLine, "{}");
        using var http = RdapClientTests.NoProxy();

        var x = await RdapAt(server.Port, http).QueryAsync(Name);

        Assert.Equal(expected, x.Failure);
        Assert.Equal(transient, x.IsTransientFailure);
        Assert.Null(x.Reply);
        Assert.Contains(statusLine[..3], x.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_that_is_not_rdap_is_a_protocol_error_not_free()
    {
        await using var server = RdapClientTests.Http("404 Not Found", "<html>no</html>", contentType: "text/html");
        using var http = RdapClientTests.NoProxy();

        var x = await RdapAt(server.Port, http).QueryAsync(Name);

        Assert.Equal(ExchangeFailure.ProtocolError, x.Failure);
        Assert.False(x.IsTransientFailure);
    }

    [Fact]
    public async Task Throttle_replies_are_replies_not_failures()
    {
        await using var whoisServer = WhoisServer(SidnMessages.Throttled() + "\r\n");
        await using var rdapServer = RdapClientTests.Http("429 Too Many Requests", "", "Retry-After: 2\r\n");
        using var http = RdapClientTests.NoProxy();

        var w = await WhoisAt(whoisServer.Port).QueryAsync(Name);
        var r = await RdapAt(rdapServer.Port, http).QueryAsync(Name);

        Assert.Equal(ExchangeFailure.None, w.Failure);
        Assert.Equal(ReplyClass.Throttled, w.Reply!.Class);
        Assert.Equal(TimeSpan.FromSeconds(1), w.Reply.RetryAfter);
        Assert.Equal(ExchangeFailure.None, r.Failure);
        Assert.Equal(ReplyClass.Throttled, r.Reply!.Class);
        Assert.Equal(TimeSpan.FromSeconds(2), r.Reply.RetryAfter);
    }

    [Fact]
    public async Task Caller_cancellation_is_thrown_not_reported_as_a_failure()
    {
        await using var server = new LoopbackServer(async (self, s, ct) => await Task.Delay(TimeSpan.FromSeconds(30), ct));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WhoisAt(server.Port, read: TimeSpan.FromSeconds(10)).QueryAsync(Name, cts.Token));
    }

    [Theory]
    [InlineData(ExchangeFailure.None, false)]
    [InlineData(ExchangeFailure.Refused, true)]
    [InlineData(ExchangeFailure.Timeout, true)]
    [InlineData(ExchangeFailure.Reset, true)]
    [InlineData(ExchangeFailure.ServerError, true)]
    [InlineData(ExchangeFailure.Oversize, false)]
    [InlineData(ExchangeFailure.ProtocolError, false)]
    public void One_rule_says_which_failures_are_transient(ExchangeFailure failure, bool transient)
    {
        Assert.Equal(transient, failure.IsTransient());
    }

    [Fact]
    public void Every_failure_kind_has_a_transience_decided_in_the_table_above()
    {
        // A new kind must be added to the theory above, with its reason in ExchangeFailures.IsTransient.
        Assert.Equal(7, Enum.GetValues<ExchangeFailure>().Length);
    }

    [Theory]
    [InlineData(WhoisFailure.ConnectFailed, ExchangeFailure.Refused)]
    [InlineData(WhoisFailure.ConnectTimeout, ExchangeFailure.Timeout)]
    [InlineData(WhoisFailure.ReadTimeout, ExchangeFailure.Timeout)]
    [InlineData(WhoisFailure.OverallTimeout, ExchangeFailure.Timeout)]
    [InlineData(WhoisFailure.Reset, ExchangeFailure.Reset)]
    public void Whois_failures_map_to_exchange_failures(WhoisFailure failure, ExchangeFailure expected)
    {
        Assert.Equal(expected, WhoisSource.KindOf(failure));
    }
}
