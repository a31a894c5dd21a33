using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;
using Landrush.Simulator.Faults;

namespace Landrush.Simulator.Dns;

/// <summary>
/// An authoritative DNS server for a <see cref="RegistryZone"/> over UDP and TCP on one port, built on
/// ARSoft.Tools.Net. The library handles EDNS0 (the OPT record is answered with the client's payload size)
/// and truncation (TC set when a UDP answer exceeds 512 bytes, or the EDNS size). Faults are seeded: a
/// dropped query gets no answer at all (its UDP datagram or TCP connection is refused before it is read).
/// </summary>
public sealed class RegistryDnsServer : IAsyncDisposable
{
    private readonly RegistryZone _zone;
    private readonly RegistryDnsServerOptions _options;
    private readonly FaultDice _dropDice;
    private readonly FaultDice _queryDice;
    private readonly double _servFailGivenKept;
    private DnsServer? _server;
    private long _queries;
    private long _dropped;

    public RegistryDnsServer(RegistryZone zone, RegistryDnsServerOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(options);
        _zone = zone;
        _options = options;
        _dropDice = new FaultDice(seed, stream: 5300);
        _queryDice = new FaultDice(seed, stream: 53);
        // Drops are drawn first; SERVFAIL among the kept queries so that its overall rate is as configured.
        var f = options.Faults;
        _servFailGivenKept = f.Drop >= 1 ? 0 : f.ServFail / (1 - f.Drop);
    }

    /// <summary>Where the server listens (UDP and TCP, same port); null before <see cref="Start"/>.</summary>
    public IPEndPoint? EndPoint { get; private set; }

    /// <summary>Queries answered (SERVFAIL included) since the start.</summary>
    public long QueriesAnswered => Interlocked.Read(ref _queries);

    /// <summary>Queries dropped by the drop fault.</summary>
    public long QueriesDropped => Interlocked.Read(ref _dropped);

    /// <summary>Starts serving; port 0 takes a port free for both UDP and TCP. A port in use is an <see cref="IOException"/>.</summary>
    public void Start(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        for (var attempt = 0; ; attempt++)
        {
            var ep = endPoint.Port == 0 ? new IPEndPoint(endPoint.Address, FreePort(endPoint.Address)) : endPoint;
            var timeout = (int)_options.Timeout.TotalMilliseconds;
            var udp = new UdpServerTransport(ep, timeout);
            var tcp = new TcpServerTransport(ep, timeout, timeout);
            var server = new DnsServer(udp, tcp);
            try
            {
                server.ClientConnected += OnClientConnected;
                server.QueryReceived += OnQueryReceived;
                server.Start();
                WidenReceiveBuffer(udp);
                _server = server;
                EndPoint = ep;
                return;
            }
            catch (SocketException ex)
            {
                udp.Dispose();
                tcp.Dispose();
                // A free port taken between the probe and the bind: probe again.
                if (endPoint.Port == 0 && attempt < 10)
                {
                    continue;
                }

                throw new IOException($"DNS server cannot listen on {ep} (UDP and TCP): {ex.Message}", ex);
            }
        }
    }

    private Task OnClientConnected(object sender, ClientConnectedEventArgs e)
    {
        if (_options.Faults.Drop > 0 && _dropDice.Next()[0] < _options.Faults.Drop)
        {
            e.RefuseConnect = true;
            Interlocked.Increment(ref _dropped);
        }

        return Task.CompletedTask;
    }

    private Task OnQueryReceived(object sender, QueryReceivedEventArgs e)
    {
        if (e.Query is not DnsMessage query)
        {
            return Task.CompletedTask;
        }

        Interlocked.Increment(ref _queries);
        var faults = _options.Faults;
        if (faults.ServFail == 0 && faults.Latency.Probability == 0)
        {
            e.Response = _zone.Answer(query);
            return Task.CompletedTask;
        }

        return AnswerWithFaultsAsync(e, query);
    }

    private async Task AnswerWithFaultsAsync(QueryReceivedEventArgs e, DnsMessage query)
    {
        var roll = _queryDice.Next();
        var delay = _options.Faults.Latency.Draw(roll[1], roll[2]);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay).ConfigureAwait(false);
        }

        if (roll[0] < _servFailGivenKept)
        {
            var failure = query.CreateResponseInstance();
            failure.ReturnCode = ReturnCode.ServerFailure;
            e.Response = failure;
            return;
        }

        e.Response = _zone.Answer(query);
    }

    // The kernel's default UDP receive buffer (about 200 KB, some 250 queries at their in-kernel size) overflows when a
    // sweep's window of queries arrives at once, and those queries are lost before the server sees them (RcvbufErrors):
    // a loopback sweep at 2,000 a second lost a fifth. A real server sizes its buffer; ARSoft's transport keeps its socket
    // private, so it is found by type. Not found (another ARSoft version), the default stays.
    private static void WidenReceiveBuffer(UdpServerTransport transport)
    {
        foreach (var field in typeof(UdpServerTransport).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic))
        {
            var socket = field.GetValue(transport) switch
            {
                Socket s => s,
                UdpClient c => c.Client,
                _ => null,
            };
            if (socket is not null)
            {
                try
                {
                    socket.ReceiveBufferSize = 4 << 20;
                }
                catch (SocketException)
                {
                    // Refused: the default stays.
                }
            }
        }
    }

    private static int FreePort(IPAddress address)
    {
        for (var i = 0; i < 50; i++)
        {
            using var udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(address, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            using var tcp = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(address, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken for TCP: try another.
            }
        }

        throw new IOException($"no port free for both UDP and TCP on {address}");
    }

    /// <summary>Stops serving and releases the port.</summary>
    public ValueTask DisposeAsync()
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is not null)
        {
            server.Stop();
        }

        return ValueTask.CompletedTask;
    }
}
