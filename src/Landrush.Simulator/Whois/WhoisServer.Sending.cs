using System.Net.Sockets;

namespace Landrush.Simulator.Whois;

// Sending: a reply whole or trickled, then closed so that the client reads all of it (or reset, as a fault).
public sealed partial class WhoisServer
{
    private async Task TrickleAsync(Socket socket, byte[] reply)
    {
        var started = _clock.GetTimestamp();
        for (var i = 0; _clock.GetElapsedTime(started) < _options.TrickleLimit; i++)
        {
            await SendAsync(socket, reply.AsMemory(i % reply.Length, 1)).ConfigureAwait(false);
            await Task.Delay(_options.TrickleInterval, _clock, _stop.Token).ConfigureAwait(false);
        }

        Reset(socket);
    }

    private async Task SendAsync(Socket socket, ReadOnlyMemory<byte> bytes)
    {
        using var timer = new CancellationTokenSource(_options.WriteTimeout, _clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, timer.Token);
        while (!bytes.IsEmpty)
        {
            var n = await socket.SendAsync(bytes, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            bytes = bytes[n..];
        }
    }

    private async Task SendAndCloseAsync(Socket socket, ReadOnlyMemory<byte> bytes)
    {
        await SendAsync(socket, bytes).ConfigureAwait(false);
        socket.Shutdown(SocketShutdown.Send);
        // Unread bytes from the client (the rest of an over-long line still in flight) would turn the close
        // into a reset that can destroy the reply in flight: read and discard until the client closes, bounded
        // in bytes and time (a lingering close), so a client that never closes costs at most a second.
        var sink = new byte[4096];
        using var linger = new CancellationTokenSource(LingerTime);
        try
        {
            for (var drained = 0; drained < LingerBytes;)
            {
                var n = await socket.ReceiveAsync(sink, SocketFlags.None, linger.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                drained += n;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
    }

    private const int LingerBytes = 64 * 1024;

    private static readonly TimeSpan LingerTime = TimeSpan.FromSeconds(1);

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }
}
