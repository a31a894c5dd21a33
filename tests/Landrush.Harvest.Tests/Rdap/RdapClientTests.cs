using System.Net;
using System.Net.Sockets;
using System.Text;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois;
using Landrush.Harvest.Rdap;
using Microsoft.Extensions.Time.Testing;

namespace Landrush.Harvest.Tests.Rdap;

/// <summary>The RDAP client against a minimal real HTTP/1.1 server on 127.0.0.1.</summary>
public class RdapClientTests
{
    internal const string Domain =
        """
        {"objectClassName":"domain","ldhName":"1357.nl","status":["active"],
         "entities":[{"objectClassName":"entity","roles":["registrar"],
           "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","Roerdomp Registrar"]]]}],
         "nameservers":[{"objectClassName":"nameserver","ldhName":"ns1.roerdomp.example"}],
         "events":[{"eventAction":"registration","eventDate":"2008-02-29T08:59:59Z"}]}
        """;

    /// <summary>Answers every request with one canned response and records the request heads.</summary>
    internal static LoopbackServer Http(string statusLine, string body, string extraHeaders = "", int delayMs = 0,
        string? contentType = "application/rdap+json")
    {
        return new LoopbackServer(async (self, s, ct) =>
        {
            var head = await ReadHeadAsync(s, ct);
            lock (self.Queries)
            {
                self.Queries.Add(head);
            }

            await Task.Delay(delayMs, ct);
            var bytes = Encoding.UTF8.GetBytes(body);
            var type = contentType is null ? "" : $"Content-Type: {contentType}\r\n";
            var response = $"HTTP/1.1 {statusLine}\r\n{type}Content-Length: {bytes.Length}\r\n" +
                           $"Connection: close\r\n{extraHeaders}\r\n";
            await s.SendAsync(Encoding.ASCII.GetBytes(response), SocketFlags.None, ct);
            await s.SendAsync(bytes, SocketFlags.None, ct);
            s.Shutdown(SocketShutdown.Send);
        });
    }

    private static async Task<string> ReadHeadAsync(Socket s, CancellationToken ct)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await s.ReceiveAsync(one, SocketFlags.None, ct) > 0)
        {
            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    // No proxy: a proxy from the environment would take the request off loopback.
    internal static HttpClient NoProxy() => new(new SocketsHttpHandler { UseProxy = false });

    private static RdapClient ClientFor(LoopbackServer server, HttpClient http, TimeSpan? timeout = null) =>
        new(http, new RdapClientOptions
        {
            BaseUri = new Uri($"http://127.0.0.1:{server.Port}/rdap/"),
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
        });

    [Fact]
    public async Task Status_200_is_the_record_read_from_the_body()
    {
        await using var server = Http("200 OK", Domain);
        using var http = NoProxy();

        var response = await ClientFor(server, http).LookupAsync(DomainName.Parse("1357.NL"));

        Assert.StartsWith("GET /rdap/domain/1357.nl HTTP/1.1\r\n", Assert.Single(server.Queries), StringComparison.Ordinal);
        Assert.Contains("application/rdap+json", server.Queries[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReplyClass.Registered, response.Reply.Class);
        Assert.Equal("Roerdomp Registrar", response.Reply.Record!.Registrar!.Name);
        Assert.Equal(new DateOnly(2008, 2, 29), response.Reply.Record.Created);
        Assert.Equal("ns1.roerdomp.example", Assert.Single(response.Reply.Record.NameServers).Host);
    }

    [Fact]
    public async Task A_body_that_starts_with_a_byte_order_mark_is_read()
    {
        await using var server = Http("200 OK", "\uFEFF" + Domain);
        using var http = NoProxy();

        var response = await ClientFor(server, http).LookupAsync(DomainName.Parse("1357.nl"));

        Assert.Equal([0xEF, 0xBB, 0xBF], response.Raw[..3].ToArray());
        Assert.Equal(ReplyClass.Registered, response.Reply.Class);
        Assert.Equal("Roerdomp Registrar", response.Reply.Record!.Registrar!.Name);
    }

    [Fact]
    public async Task A_record_about_another_name_is_not_a_fact()
    {
        await using var server = Http("200 OK", Domain);
        using var http = NoProxy();

        var response = await ClientFor(server, http).LookupAsync(DomainName.Parse("2468.nl"));

        Assert.Equal(ReplyClass.Unparseable, response.Reply.Class);
        Assert.Equal("reply is about 1357.nl, not 2468.nl", response.Reply.Message);
    }

    [Fact]
    public async Task Status_404_is_free()
    {
        await using var server = Http("404 Not Found", """{"errorCode":404,"title":"not found"}""");
        using var http = NoProxy();

        var response = await ClientFor(server, http).LookupAsync(DomainName.Parse("24680.nl"));

        Assert.Equal(ReplyClass.Free, response.Reply.Class);
        Assert.Equal("24680.nl", response.Reply.Domain);
    }

    [Theory]
    [InlineData("application/rdap+json", "")]
    [InlineData("application/rdap+json; charset=utf-8", "<html>not found</html>")]
    [InlineData("application/json", """{"errorCode":404,"title":"Not Found"}""")]
    [InlineData(null, """{"errorCode": 404}""")]
    public async Task Status_404_is_free_only_from_an_rdap_server(string? contentType, string body)
    {
        await using var server = Http("404 Not Found", body, contentType: contentType);
        using var http = NoProxy();

        var response = await ClientFor(server, http).LookupAsync(DomainName.Parse("24680.nl"));

        Assert.Equal(ReplyClass.Free, response.Reply.Class);
    }

    [Theory]
    [InlineData("text/html", "<html><body>Not Found</body></html>", "text/html")]
    [InlineData("application/json", """{"error":"no such route"}""", "application/json")]
    [InlineData("application/json", """{"errorCode":500,"title":"oops"}""", "application/json")]
    [InlineData("application/json", """[{"errorCode":404}]""", "application/json")]
    [InlineData(null, "", "no content type")]
    public async Task Status_404_that_is_not_an_rdap_reply_is_an_error_not_free(string? contentType, string body, string shown)
    {
        // A wrong base URL answers 404 for every name; read as "free", it would free every name.
        await using var server = Http("404 Not Found", body, contentType: contentType);
        using var http = NoProxy();

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => ClientFor(server, http).LookupAsync(DomainName.Parse("24680.nl")));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal($"http://127.0.0.1:{server.Port}/rdap/domain/24680.nl answered 404 Not Found ({shown}), not an RDAP " +
            "error object: is the base URL right?", ex.Message);
    }

    [Theory]
    [InlineData("Retry-After: 7\r\n", 7.0)]
    [InlineData("Date: Wed, 25 Nov 2026 12:00:00 GMT\r\nRetry-After: Wed, 25 Nov 2026 12:00:30 GMT\r\n", 30.0)]
    [InlineData("", -1.0)]
    public async Task Status_429_is_throttled_with_the_retry_after_wait(string headers, double seconds)
    {
        await using var server = Http("429 Too Many Requests", "", headers);
        using var http = NoProxy();

        var response = await ClientFor(server, http).LookupAsync(DomainName.Parse("1.nl"));

        Assert.Equal(ReplyClass.Throttled, response.Reply.Class);
        Assert.Equal(seconds < 0 ? null : TimeSpan.FromSeconds(seconds), response.Reply.RetryAfter);
        Assert.Null(response.Reply.ToRegistryRecord(Landrush.Core.Dataset.RecordSource.Rdap));
    }

    [Fact]
    public async Task Status_500_is_an_error_carrying_the_status()
    {
        await using var server = Http("500 Internal Server Error", "{}");
        using var http = NoProxy();

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => ClientFor(server, http).LookupAsync(DomainName.Parse("1.nl")));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Contains("500", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversize_body_is_cut_and_classified_oversize()
    {
        await using var server = Http("200 OK", Domain + new string(' ', 10_000));
        using var http = NoProxy();
        var client = new RdapClient(http, new RdapClientOptions { BaseUri = new Uri($"http://127.0.0.1:{server.Port}/"), MaxResponseBytes = 1000 });

        var response = await client.LookupAsync(DomainName.Parse("1357.nl"));

        Assert.True(response.Truncated);
        Assert.Equal(1000, Encoding.UTF8.GetByteCount(response.Body));
        Assert.Equal(1000, response.Raw.Length);
        Assert.Equal(ReplyClass.Oversize, response.Reply.Class);
    }

    [Fact]
    public async Task Slow_server_is_a_timeout_within_the_limit()
    {
        // The server would answer after a minute of real time; the client's timeout of a minute runs on a fake clock
        // that moves on once the server has the request, so only the timeout can end the lookup.
        await using var server = Http("200 OK", Domain, delayMs: 60_000);
        using var http = NoProxy();
        var clock = new FakeTimeProvider();
        var timeout = TimeSpan.FromMinutes(1);
        var client = new RdapClient(http, new RdapClientOptions { BaseUri = new Uri($"http://127.0.0.1:{server.Port}/rdap/"), Timeout = timeout }, clock);

        var lookup = client.LookupAsync(DomainName.Parse("1357.nl"));
        var waited = await ClockDriver.RunAsync(clock, lookup, timeout / 20, () => server.Queries.Count > 0);

        await Assert.ThrowsAsync<TimeoutException>(() => lookup);
        Assert.True(waited >= timeout, $"gave up after {waited}");
    }

    [Fact]
    public async Task A_timeout_is_said_with_a_decimal_point_under_a_comma_culture()
    {
        // The seconds were formatted with the current culture: "60,5 s".
        await using var server = Http("200 OK", Domain, delayMs: 120_000);
        using var http = NoProxy();
        var clock = new FakeTimeProvider();
        var timeout = TimeSpan.FromSeconds(60.5);
        var client = new RdapClient(http, new RdapClientOptions { BaseUri = new Uri($"http://127.0.0.1:{server.Port}/rdap/"), Timeout = timeout }, clock);

        var ex = await CommaCulture.RunAsync(async () =>
        {
            var lookup = client.LookupAsync(DomainName.Parse("1357.nl"));
            await ClockDriver.RunAsync(clock, lookup, timeout / 20, () => server.Queries.Count > 0);
            return await Assert.ThrowsAsync<TimeoutException>(() => lookup);
        });

        Assert.EndsWith(" did not answer within 60.5 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_port_is_an_http_request_exception()
    {
        using var http = NoProxy();
        var client = new RdapClient(http, new RdapClientOptions { BaseUri = new Uri($"http://127.0.0.1:{LoopbackServer.ClosedPort()}/") });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.LookupAsync(DomainName.Parse("1.nl")));
    }

    [Fact]
    public void Options_defaults_and_url_building()
    {
        var o = new RdapClientOptions();
        Assert.Equal(new Uri("https://rdap.sidn.nl/"), o.BaseUri);
        Assert.Equal(TimeSpan.FromSeconds(10), o.Timeout);
        Assert.Equal(1 << 20, o.MaxResponseBytes);
        Assert.Equal(new Uri("https://rdap.sidn.nl/domain/0123.nl"), o.DomainUri(DomainName.Parse("0123.NL.")));
        Assert.Equal(new Uri("http://127.0.0.1:8080/rdap/domain/0123.nl"),
            (o with { BaseUri = new Uri("http://127.0.0.1:8080/rdap") }).DomainUri(DomainName.Parse("0123.nl")));
        Assert.Throws<ArgumentException>(() => o with { BaseUri = new Uri("ftp://127.0.0.1/") });
    }
}
