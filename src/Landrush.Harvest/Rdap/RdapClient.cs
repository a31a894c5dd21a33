using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Landrush.Core.Enumeration;
using Landrush.Core.Rdap;
using Landrush.Core.Whois;

namespace Landrush.Harvest.Rdap;

/// <summary>
/// An RDAP client for domain lookups (RFC 9082 §3.1.3, RFC 9083): <c>GET {base}/domain/{name}</c>.
/// 200 → the record; 404 → free, when it comes from an RDAP server (media type <c>application/rdap+json</c>
/// or an RFC 9083 error object with <c>errorCode</c> 404); 429 → throttled with the <c>Retry-After</c> wait;
/// any other status, or a 404 from something else → <see cref="HttpRequestException"/> carrying the status.
/// The caller owns the <see cref="HttpClient"/>. The harvester uses it through <see cref="Sources.RdapSource"/>,
/// which turns these exceptions into <see cref="Sources.ExchangeFailure"/> kinds.
/// </summary>
public sealed class RdapClient
{
    private static readonly MediaTypeWithQualityHeaderValue RdapJson = new("application/rdap+json");
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json", 0.9);

    private readonly HttpClient _http;
    private readonly TimeProvider _clock;

    /// <param name="http">The client the requests go through.</param>
    /// <param name="options">Where and how to ask; the defaults when null.</param>
    /// <param name="clock">What the timeout and the reply's time run on (the system's by default), so tests can move
    /// time on rather than wait for it.</param>
    public RdapClient(HttpClient http, RdapClientOptions? options = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        Options = options ?? new RdapClientOptions();
        _clock = clock ?? TimeProvider.System;
    }

    public RdapClientOptions Options { get; }

    /// <exception cref="HttpRequestException">Not reachable, a status other than 200, 404 and 429, or a 404 that is not an RDAP reply.</exception>
    /// <exception cref="TimeoutException">No complete response within <see cref="RdapClientOptions.Timeout"/>.</exception>
    public async Task<RdapResponse> LookupAsync(DomainName name, CancellationToken cancellationToken = default)
    {
        var uri = Options.DomainUri(name);
        var started = _clock.GetTimestamp();
        using var timer = new CancellationTokenSource(Options.Timeout, _clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(RdapJson);
        request.Headers.Accept.Add(Json);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var kept = await CappedBuffer.ReadAsync(stream, Options.MaxResponseBytes, timeout.Token);
            var raw = kept.ToArray();
            var body = WhoisText.Decode(raw);
            var reply = Classify(response, name, body, kept.Truncated);
            return new RdapResponse(name, uri, response.StatusCode, raw, body, kept.Truncated, reply, _clock.GetUtcNow(), _clock.GetElapsedTime(started));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"{uri} did not answer within {Options.Timeout.TotalSeconds:0.###} s"), ex);
        }
    }

    private static WhoisReply Classify(HttpResponseMessage response, DomainName name, string body, bool truncated)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK when truncated:
                return new WhoisReply(ReplyClass.Oversize, FormatEra.Rdap, Message: "body larger than the cap; cut");
            case HttpStatusCode.OK:
                return RdapParser.Parse(body, name).CheckedAgainst(name);
            case HttpStatusCode.NotFound when IsRdapNotFound(response, body, truncated):
                return new WhoisReply(ReplyClass.Free, FormatEra.Rdap, name.ToString());
            case HttpStatusCode.NotFound:
                // A wrong base URL answers 404 for every name: read as free, it would free every name.
                var type = response.Content.Headers.ContentType?.MediaType ?? "no content type";
                throw new HttpRequestException(
                    $"{response.RequestMessage?.RequestUri} answered 404 {response.ReasonPhrase} ({type}), not an RDAP error object: is the base URL right?",
                    null, response.StatusCode);
            case HttpStatusCode.TooManyRequests:
                return new WhoisReply(ReplyClass.Throttled, FormatEra.Rdap, RetryAfter: RetryAfter(response), Message: "429 Too Many Requests");
            default:
                throw new HttpRequestException(
                    $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} {response.ReasonPhrase}",
                    null, response.StatusCode);
        }
    }

    // An RDAP server says "not found" with its media type or an RFC 9083 §6 error object; anything else
    // (a web server's HTML page, some other JSON) is a 404 from something that is not an RDAP service.
    private static bool IsRdapNotFound(HttpResponseMessage response, string body, bool truncated)
    {
        if (string.Equals(response.Content.Headers.ContentType?.MediaType, "application/rdap+json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (truncated)
        {
            return false;
        }

        try
        {
            // A byte-order mark is not JSON (RdapParser skips it too).
            using var doc = JsonDocument.Parse(body.StartsWith('\uFEFF') ? body.AsMemory(1) : body.AsMemory());
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("errorCode", out var code)
                && code.ValueKind == JsonValueKind.Number
                && code.TryGetInt32(out var n) && n == 404;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3); a date is read against the server's Date.
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var now = response.Headers.Date ?? DateTimeOffset.UtcNow;
            return date > now ? date - now : TimeSpan.Zero;
        }

        return null;
    }
}
