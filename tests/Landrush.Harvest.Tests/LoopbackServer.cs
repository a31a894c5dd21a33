using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Landrush.Harvest.Tests;

/// <summary>
/// A real TCP server on 127.0.0.1 (a free port chosen by the OS) that runs <c>handler</c> for every
/// connection. Tests talk to it through the real socket stack; nothing here reaches beyond loopback.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<LoopbackServer, Socket, CancellationToken, Task> _handler;
    private readonly Task _acceptLoop;
    private readonly List<Task> _connections = [];

    public LoopbackServer(Func<LoopbackServer, Socket, CancellationToken, Task> handler)
    {
        _handler = handler;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The lines the server read as queries, in order.</summary>
    public List<string> Queries { get; } = [];

    /// <summary>Reads one line terminated by CRLF (the query) and records it.</summary>
    public async Task<string> ReadQueryAsync(Socket socket, CancellationToken ct)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (!(bytes.Count >= 2 && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            if (await socket.ReceiveAsync(one, SocketFlags.None, ct) == 0)
            {
                break;
            }

            bytes.Add(one[0]);
        }

        var line = Encoding.ASCII.GetString([.. bytes]);
        lock (Queries)
        {
            Queries.Add(line);
        }

        return line;
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on (bound, then released).</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_connections)
                {
                    _connections.Add(Task.Run(() => HandleAsync(socket)));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task HandleAsync(Socket socket)
    {
        try
        {
            await _handler(this, socket, _stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // The client went away or the test ended: both are normal for a misbehaving test server.
        }
        finally
        {
            socket.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        Task[] pending;
        lock (_connections)
        {
            pending = [.. _connections];
        }

        await Task.WhenAll(pending);
        _stop.Dispose();
    }
}
