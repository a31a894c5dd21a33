using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Landrush.Harvest.Tests.Dns;

/// <summary>
/// A UDP (and TCP) DNS server on 127.0.0.1 whose every reply is decided by a script: given the query and
/// how many times this name was asked before, it returns the datagrams to send (none = drop). Lets tests
/// drop, fail, truncate, duplicate and misdirect replies on purpose.
/// </summary>
internal sealed class ScriptedDnsServer : IDisposable
{
    private readonly Socket _udp = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly TcpListener _tcp;
    private readonly Thread _thread;
    private readonly Func<byte[], string, int, IReadOnlyList<byte[]>> _script;
    private readonly Func<byte[], string, byte[]>? _tcpScript;
    private readonly Dictionary<string, int> _asked = new(StringComparer.OrdinalIgnoreCase);
    private volatile bool _stop;

    public ScriptedDnsServer(Func<byte[], string, int, IReadOnlyList<byte[]>> script, Func<byte[], string, byte[]>? tcpScript = null)
    {
        _script = script;
        _tcpScript = tcpScript;
        _udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _udp.ReceiveTimeout = 50;
        _tcp = new TcpListener(IPAddress.Loopback, Port);
        _tcp.Start();
        _thread = new Thread(Loop) { IsBackground = true };
        _thread.Start();
        _ = AcceptTcpAsync();
    }

    public int Port => ((IPEndPoint)_udp.LocalEndPoint!).Port;

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public int TcpQueries;

    public int Asked(string name)
    {
        lock (_asked)
        {
            return _asked.GetValueOrDefault(name);
        }
    }

    private void Loop()
    {
        var buffer = new byte[4096];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop)
        {
            int n;
            try
            {
                n = _udp.ReceiveFrom(buffer, ref from);
            }
            catch (SocketException)
            {
                continue;
            }

            var query = buffer[..n];
            var name = DnsPackets.ReadQuery(query).Name;
            int before;
            lock (_asked)
            {
                before = _asked.GetValueOrDefault(name);
                _asked[name] = before + 1;
            }

            foreach (var reply in _script(query, name, before))
            {
                _udp.SendTo(reply, from);
            }
        }
    }

    private async Task AcceptTcpAsync()
    {
        try
        {
            while (!_stop)
            {
                var client = await _tcp.AcceptSocketAsync();
                Interlocked.Increment(ref TcpQueries);
                _ = ServeTcpAsync(client);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    // One connection at a time each: a client that gave up (its connect timed out under load and it closed the socket)
    // once sent the serial loop spinning on a receive of 0 bytes, and every later TCP query of the test went unanswered.
    private async Task ServeTcpAsync(Socket client)
    {
        using (client)
        {
            try
            {
                if (await ReceiveExactlyAsync(client, 2) is not { } length
                    || await ReceiveExactlyAsync(client, BinaryPrimitives.ReadUInt16BigEndian(length)) is not { } query)
                {
                    return;
                }

                var reply = _tcpScript!(query, DnsPackets.ReadQuery(query).Name);
                var framed = new byte[reply.Length + 2];
                BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)reply.Length);
                reply.CopyTo(framed, 2);
                await client.SendAsync(framed);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // The client went away.
            }
        }
    }

    // Exactly count bytes, or null when the client closed first.
    private static async Task<byte[]?> ReceiveExactlyAsync(Socket client, int count)
    {
        var buffer = new byte[count];
        var got = 0;
        while (got < count)
        {
            var n = await client.ReceiveAsync(buffer.AsMemory(got));
            if (n == 0)
            {
                return null;
            }

            got += n;
        }

        return buffer;
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        _tcp.Stop();
        _udp.Dispose();
    }
}
