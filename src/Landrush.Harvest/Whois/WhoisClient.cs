using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois;
using Landrush.Harvest.Sources;

namespace Landrush.Harvest.Whois;

/// <summary>
/// An RFC 3912 WHOIS client: connect over TCP, send the query and CRLF, read until the server closes.
/// One query per connection, as the protocol has it. Thread-safe: every call has its own socket.
/// </summary>
/// <remarks>
/// Bounded in every dimension: <see cref="WhoisClientOptions.ConnectTimeout"/> for the connection,
/// <see cref="WhoisClientOptions.ReadTimeout"/> for any silence, <see cref="WhoisClientOptions.OverallTimeout"/>
/// for the whole exchange, and <see cref="WhoisClientOptions.MaxReplyBytes"/> for memory. Failures are
/// <see cref="WhoisException"/>; cancellation by the caller is <see cref="OperationCanceledException"/>.
/// Rate limiting is not this class's job (the harvester's scheduler does it). The harvester uses it through
/// <see cref="Sources.WhoisSource"/>, which turns failures into <see cref="Sources.ExchangeFailure"/> kinds.
/// Every timeout and the reply's time run on <paramref name="clock"/> (the system's by default), so tests can
/// move time on rather than wait for it.
/// </remarks>
public sealed class WhoisClient(WhoisClientOptions? options = null, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public WhoisClientOptions Options { get; } = options ?? new WhoisClientOptions();

    /// <summary>
    /// Asks the server about <paramref name="name"/> (for .nl the query is the name as
    /// <see cref="DomainName"/> writes it) and classifies the reply; a reply about another name is
    /// <see cref="ReplyClass.Unparseable"/>.
    /// </summary>
    /// <exception cref="WhoisException">No complete reply: refused, timed out or reset.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ArgumentException">The name's text is empty or holds a line break (a
    /// <see cref="DomainName"/> built without <see cref="DomainName.Parse"/>).</exception>
    public Task<WhoisResponse> QueryAsync(DomainName name, CancellationToken cancellationToken = default) => QueryAsync(name, null, cancellationToken);

    /// <summary>
    /// As <see cref="QueryAsync(DomainName, CancellationToken)"/>, the query line written through
    /// <paramref name="gate"/> when given (a rate limiter's, entered once connected, so that connecting is not
    /// part of the paced moment). The wait at the gate counts toward the overall timeout.
    /// </summary>
    public async Task<WhoisResponse> QueryAsync(DomainName name, ISendGate? gate, CancellationToken cancellationToken = default)
    {
        var query = name.ToString();
        // A line break in the query would let it smuggle a second query (RFC 3912 §2: one line).
        if (query.Length == 0 || query.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("a WHOIS query is one non-empty line", nameof(name));
        }

        var server = Options.Server;
        var started = _clock.GetTimestamp();
        using var overallTimer = new CancellationTokenSource(Options.OverallTimeout, _clock);
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overallTimer.Token);
        using var socket = Options.LocalAddress is { } local
            ? new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (Options.LocalAddress is { } from)
        {
            try
            {
                socket.Bind(new System.Net.IPEndPoint(from, 0));
            }
            catch (SocketException ex)
            {
                throw new WhoisException(WhoisFailure.ConnectFailed, server, $"cannot send from {from}: {ex.Message}", default, ex);
            }
        }

        await ConnectAsync(socket, server, overall, cancellationToken);
        if (gate is not null)
        {
            await gate.EnterAsync(cancellationToken);
        }

        var received = new CappedBuffer(Options.MaxReplyBytes);
        // ASCII in practice (.nl names are LDH or punycode); UTF-8 leaves ASCII unchanged.
        var request = Encoding.UTF8.GetBytes(query + "\r\n");
        try
        {
            await Step(t => socket.SendAsync(request, SocketFlags.None, t).AsTask());
        }
        finally
        {
            gate?.Sent();
        }

        await received.FillAsync((memory, _) => new ValueTask<int>(Step(t => socket.ReceiveAsync(memory, SocketFlags.None, t).AsTask())), overall.Token);

        var elapsed = _clock.GetElapsedTime(started);
        var raw = received.ToArray();
        var text = WhoisText.Decode(raw, out var encoding);
        var reply = Classify(name, text, received.Truncated ? received.Cap : null);
        return new WhoisResponse(name, server, raw, text, encoding, received.Truncated, reply, _clock.GetUtcNow(), elapsed);

        // Each send or read gets its own silence timer, linked to the overall one.
        async Task<T> Step<T>(Func<CancellationToken, Task<T>> io)
        {
            using var idleTimer = new CancellationTokenSource(Options.ReadTimeout, _clock);
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(overall.Token, idleTimer.Token);
            try
            {
                return await io(idle.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var message = overall.IsCancellationRequested
                    ? $"{server} did not finish its reply within {Seconds(Options.OverallTimeout)} ({received.Length} bytes received)"
                    : $"{server} sent nothing for {Seconds(Options.ReadTimeout)} ({received.Length} bytes received)";
                throw new WhoisException(
                    overall.IsCancellationRequested ? WhoisFailure.OverallTimeout : WhoisFailure.ReadTimeout, server, message, received.ToArray());
            }
            catch (SocketException ex)
            {
                throw new WhoisException(WhoisFailure.Reset, server,
                    $"{server} broke the connection after {received.Length} bytes: {ex.Message}", received.ToArray(), ex);
            }
        }
    }

    private async Task ConnectAsync(Socket socket, string server, CancellationTokenSource overall, CancellationToken cancellationToken)
    {
        using var connectTimer = new CancellationTokenSource(Options.ConnectTimeout, _clock);
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(overall.Token, connectTimer.Token);
        try
        {
            await socket.ConnectAsync(Options.Host, Options.Port, connect.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WhoisException(WhoisFailure.ConnectTimeout, server,
                $"cannot connect to {server}: no answer within {Seconds(overall.IsCancellationRequested ? Options.OverallTimeout : Options.ConnectTimeout)}");
        }
        catch (SocketException ex)
        {
            throw new WhoisException(WhoisFailure.ConnectFailed, server, $"cannot connect to {server}: {ex.Message}", default, ex);
        }
    }

    private static WhoisReply Classify(DomainName name, string text, int? cutAt)
    {
        if (cutAt is { } cap)
        {
            return WhoisReply.OversizeAt(cap);
        }

        if (text.AsSpan().Trim().IsEmpty)
        {
            // The server accepted and closed without a word: it declined to answer.
            return new WhoisReply(ReplyClass.Unavailable, Message: "empty reply");
        }

        return WhoisParser.Parse(text).CheckedAgainst(name);
    }

    private static string Seconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.###} s");
}
