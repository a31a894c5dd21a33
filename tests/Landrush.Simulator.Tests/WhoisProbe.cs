using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Landrush.Simulator.Tests;

/// <summary>A plain RFC 3912 client for the tests: sends one line, reads to the end, says how it ended.</summary>
internal static class WhoisProbe
{
    public enum End
    {
        Closed,
        Reset,
        TimedOut,
    }

    public sealed record Result(byte[] Bytes, End End, TimeSpan Elapsed)
    {
        public string Text => Encoding.UTF8.GetString(Bytes);
    }

    public static async Task<Result> AskAsync(IPEndPoint server, string query, TimeSpan? timeout = null) =>
        await SendAsync(server, Encoding.UTF8.GetBytes(query + "\r\n"), timeout);

    public static async Task<Result> SendAsync(IPEndPoint server, byte[] request, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var received = new MemoryStream();
        try
        {
            await socket.ConnectAsync(server, cts.Token);
            if (request.Length > 0)
            {
                await socket.SendAsync(request, SocketFlags.None, cts.Token);
            }

            var buffer = new byte[8192];
            while (true)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                if (n == 0)
                {
                    return new Result(received.ToArray(), End.Closed, watch.Elapsed);
                }

                received.Write(buffer, 0, n);
            }
        }
        catch (OperationCanceledException)
        {
            return new Result(received.ToArray(), End.TimedOut, watch.Elapsed);
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            return new Result(received.ToArray(), End.Reset, watch.Elapsed);
        }
    }
}
