using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Landrush.Core.Whois;

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
/// Rate limiting is not this class's job (the harvester's scheduler does it).
/// </remarks>
public sealed class WhoisClient(WhoisClientOptions? options = null)
{
    private const int ChunkSize = 16 * 1024;

    public WhoisClientOptions Options { get; } = options ?? new WhoisClientOptions();

    /// <summary>Asks the server about <paramref name="query"/> (for .nl: the domain name) and classifies the reply.</summary>
    /// <exception cref="WhoisException">No complete reply: refused, timed out or reset.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<WhoisResponse> QueryAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        // A line break in the query would let it smuggle a second query (RFC 3912 §2: one line).
        if (query.Length == 0 || query.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("a WHOIS query is one non-empty line", nameof(query));
        }

        var server = Options.Server;
        var stopwatch = Stopwatch.StartNew();
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        overall.CancelAfter(Options.OverallTimeout);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

        await ConnectAsync(socket, server, overall, cancellationToken);

        using var received = new MemoryStream();
        var truncated = false;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            // ASCII in practice (.nl names are LDH or punycode); UTF-8 leaves ASCII unchanged.
            var request = Encoding.UTF8.GetBytes(query + "\r\n");
            await Step(t => socket.SendAsync(request, SocketFlags.None, t).AsTask());

            while (true)
            {
                var n = await Step(t => socket.ReceiveAsync(buffer.AsMemory(0, ChunkSize), SocketFlags.None, t).AsTask());
                if (n == 0)
                {
                    break;
                }

                var room = Options.MaxReplyBytes - (int)received.Length;
                if (n > room)
                {
                    // Keep exactly the cap and stop reading: the rest is never buffered.
                    received.Write(buffer, 0, room);
                    truncated = true;
                    break;
                }

                received.Write(buffer, 0, n);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        stopwatch.Stop();
        var raw = received.ToArray();
        var text = WhoisText.Decode(raw, out var encoding);
        var reply = Classify(query, text, truncated ? raw.Length : null);
        return new WhoisResponse(query, server, raw, text, encoding, truncated, reply, DateTimeOffset.UtcNow, stopwatch.Elapsed);

        // Each send or read gets its own silence timer, linked to the overall one.
        async Task<T> Step<T>(Func<CancellationToken, Task<T>> io)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(overall.Token);
            idle.CancelAfter(Options.ReadTimeout);
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
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(overall.Token);
        connect.CancelAfter(Options.ConnectTimeout);
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

    private static WhoisReply Classify(string query, string text, int? cutAt)
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

        var reply = WhoisParser.Parse(text);
        var asked = query.Trim().TrimEnd('.');
        // A reply about another name than the one asked is not a fact about either.
        return reply.Domain is { } domain && !domain.Equals(asked, StringComparison.OrdinalIgnoreCase)
            ? reply with { Class = ReplyClass.Unparseable, Message = $"reply is about {domain}, not {asked}" }
            : reply;
    }

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds:0.###} s";
}
