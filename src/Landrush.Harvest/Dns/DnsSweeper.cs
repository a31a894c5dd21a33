using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Landrush.Harvest.Pipeline;

namespace Landrush.Harvest.Dns;

/// <summary>
/// Asks the TLD's servers for the NS records of many names, fast: a few long-lived connected UDP
/// sockets, each on its own thread with blocking calls, each keeping <see cref="DnsSweepOptions.Window"/>
/// queries in flight. Queries are encoded once (<see cref="DnsQueryTable"/>); replies are read without
/// allocating (<see cref="DnsReplyReader"/>); a slot table maps each reply's id back to its name, the id
/// carrying a per-slot generation so a late reply to an earlier attempt is dropped; every reply must echo
/// the question asked. A timeout scan asks again with a doubled wait (backoff) up to
/// <see cref="DnsSweepOptions.Retries"/> times. Truncated replies are asked again over TCP.
/// </summary>
/// <remarks>
/// Why not DnsClient's <c>LookupClient</c> here: it opens a socket per query (~8.5 KB and 30–57 µs of CPU
/// each) and reached 0.1–0.2× dnsperf on this kind of machine; this loop reached 1.0–1.3×.
/// </remarks>
/// <param name="options">The sweep's settings.</param>
/// <param name="limiter">Paces every UDP query, retries included, over all sockets. Default is null: each sweep makes
/// an <see cref="AllowanceLimiter"/> of <see cref="DnsSweepOptions.QueriesPerSecond"/> with a start burst of one per
/// socket. The TCP pass for truncated replies (one name at a time, after the UDP pass) waits on it too.</param>
public sealed partial class DnsSweeper(DnsSweepOptions options, IRateLimiter? limiter = null)
{
    public DnsSweepOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>
    /// Sweeps <paramref name="names"/> (full names, lower case, no trailing dot) and calls
    /// <paramref name="onResult"/> exactly once per name (on a sweeper thread). Blocks until done.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; names not yet reported were not decided.</exception>
    public DnsSweepStats Sweep(IReadOnlyList<string> names, DnsResultHandler onResult, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(onResult);
        var stopwatch = Stopwatch.StartNew();
        var table = DnsQueryTable.Build(names);
        var shared = new SharedState(table, names.Count, limiter ?? new AllowanceLimiter(Options.QueriesPerSecond, Options.Sockets));
        var lanes = new Lane[Math.Min(Options.Sockets, Math.Max(1, names.Count))];
        var seedSource = Options.Seed is { } seed ? new Random(seed) : new Random();
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = new Lane(i, i % Options.Servers.Count, shared, Options, onResult, Options.RandomIds ? seedSource.Next() : 0);
        }

        Exception? failure = null;
        var threads = lanes.Select(lane => new Thread(() =>
        {
            try
            {
                lane.Run(cancellationToken);
            }
#pragma warning disable CA1031 // Carried to the caller's thread below.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure ??= ex;
                shared.Abort = true;
            }
        })
        { IsBackground = true, Name = "dns-sweep" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        foreach (var lane in lanes)
        {
            lane.Dispose();
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (failure is not null)
        {
            throw failure is SocketException s ? new IOException($"DNS sweep: {s.Message}", s) : failure;
        }

        // Truncated replies: each name once over TCP, after the UDP pass (they are rare).
        var tcp = 0;
        foreach (var (index, server) in shared.TruncatedNames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tcp++;
            var outcome = AskOverTcp(table, index, server, shared.Limiter, lanes[0].Counters, onResult, cancellationToken);
            lanes[0].Counters.Count(outcome);
        }

        var c = lanes.Select(l => l.Counters).ToList();
        return new DnsSweepStats(
            names.Count, c.Sum(x => x.Delegated), c.Sum(x => x.Absent), c.Sum(x => x.Unknown),
            c.Sum(x => x.Sent), c.Sum(x => x.Retries), c.Sum(x => x.Rejected), tcp, stopwatch.Elapsed);
    }

    private DnsOutcome AskOverTcp(DnsQueryTable table, int index, int server, IRateLimiter pace, LaneCounters counters, DnsResultHandler onResult,
        CancellationToken cancellationToken)
    {
        var endpoint = Options.Servers[server];
        var query = table.Query(index);
        BinaryPrimitives.WriteUInt16BigEndian(query, (ushort)Random.Shared.Next(65536));
        var timeoutMs = (int)Math.Min(int.MaxValue, Options.Timeout.TotalMilliseconds * 4);
        for (var attempt = 0; attempt <= Options.Retries; attempt++)
        {
            // A TCP query is a query: it waits for the same allowance as the UDP ones (the configured rate is never exceeded).
            pace.WaitAsync(cancellationToken).GetAwaiter().GetResult();
            try
            {
                using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
                {
                    NoDelay = true,
                    ReceiveTimeout = timeoutMs,
                    SendTimeout = timeoutMs,
                };
                if (Options.LocalAddress is { } local)
                {
                    socket.Bind(new IPEndPoint(local, 0));
                }
                var connect = socket.BeginConnect(endpoint, null, null);
                if (!connect.AsyncWaitHandle.WaitOne(timeoutMs))
                {
                    continue;
                }

                socket.EndConnect(connect);
                // RFC 1035 §4.2.2: a two-byte length, then the message.
                var framed = new byte[query.Length + 2];
                BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
                query.CopyTo(framed.AsSpan(2));
                socket.Send(framed);
                var lengthBytes = ReceiveExactly(socket, 2);
                var reply = ReceiveExactly(socket, BinaryPrimitives.ReadUInt16BigEndian(lengthBytes));
                if (DnsReplyReader.Read(reply, table.Question(index), out var info) == DnsReadStatus.Ok
                    && info.Id == BinaryPrimitives.ReadUInt16BigEndian(query) && !info.Truncated
                    && (info.Outcome != DnsOutcome.Unknown || attempt == Options.Retries))
                {
                    onResult(index, info.Outcome, reply, server);
                    return info.Outcome;
                }

                counters.Rejected++;
            }
            catch (SocketException)
            {
                // Refused, reset or timed out: try again, then give up as unknown.
            }
            catch (EndOfStreamException)
            {
            }
        }

        onResult(index, DnsOutcome.Unknown, default, server);
        return DnsOutcome.Unknown;
    }

    private static byte[] ReceiveExactly(Socket socket, int count)
    {
        var buffer = new byte[count];
        var got = 0;
        while (got < count)
        {
            var n = socket.Receive(buffer, got, count - got, SocketFlags.None);
            if (n == 0)
            {
                throw new EndOfStreamException();
            }

            got += n;
        }

        return buffer;
    }

    /// <summary>State the lanes share: the names still to ask, the rate cap, the truncated names.</summary>
    private sealed class SharedState(DnsQueryTable table, int count, IRateLimiter limiter)
    {
        private int _next = -1;

        public DnsQueryTable Table { get; } = table;

        public int Count { get; } = count;

        /// <summary>Attempts made for each name (a name is in one lane at a time).</summary>
        public byte[] Attempts { get; } = new byte[count];

        public List<(int Index, int Server)> TruncatedNames { get; } = [];

        public volatile bool Abort;

        /// <summary>The next name no lane has taken, or −1 when all are taken.</summary>
        public int TakeNext()
        {
            var i = Interlocked.Increment(ref _next);
            return i < Count ? i : -1;
        }

        public bool Exhausted => Volatile.Read(ref _next) >= Count - 1;

        /// <summary>The rate cap every query of the sweep takes its allowance from.</summary>
        public IRateLimiter Limiter { get; } = limiter;

        /// <summary>One query's worth of the rate cap, or false when it is spent for now.</summary>
        public bool TryTakeToken() => Limiter.TryAcquire();
    }
}
