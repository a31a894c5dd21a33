using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Landrush.Harvest.Dns;

/// <summary>The sweep's lanes: one socket, one thread, one slot table each, the loop every query of a sweep goes through.</summary>
public sealed partial class DnsSweeper
{
    private const int MaxUdpReply = 65535;

    private sealed class LaneCounters
    {
        public int Delegated;
        public int Absent;
        public int Unknown;
        public long Sent;
        public long Retries;
        public long Rejected;

        public void Count(DnsOutcome outcome)
        {
            switch (outcome)
            {
                case DnsOutcome.Delegated: Delegated++; break;
                case DnsOutcome.Absent: Absent++; break;
                default: Unknown++; break;
            }
        }
    }

    /// <summary>One socket, one thread, one slot table.</summary>
    private sealed class Lane : IDisposable
    {
        private readonly int _lane;
        private readonly int _server;
        private readonly SharedState _shared;
        private readonly DnsSweepOptions _options;
        private readonly DnsResultHandler _onResult;
        private int _pending = -1; // a name taken whose allowance was refused: sent first when one is granted
        private readonly Socket _socket;
        private readonly Random? _random;
        private readonly ushort _key;
        private readonly int _slotBits;
        private readonly int _slotMask;
        private readonly int[] _slotName;
        private readonly long[] _slotDeadline;
        private readonly ushort[] _slotGeneration;
        private readonly Stack<int> _free;
        private readonly Queue<(int Index, long NotBefore)> _retry = new();
        private readonly long _timeoutTicks;
        private int _inFlight;

        public Lane(int lane, int server, SharedState shared, DnsSweepOptions options, DnsResultHandler onResult, int seed)
        {
            _lane = lane;
            _server = server;
            _shared = shared;
            _options = options;
            _onResult = onResult;
            var window = options.Window;
            _slotBits = Math.Max(1, (int)Math.Ceiling(Math.Log2(window)));
            _slotMask = (1 << _slotBits) - 1;
            _slotName = new int[window];
            _slotDeadline = new long[window];
            _slotGeneration = new ushort[window];
            Array.Fill(_slotName, -1);
            _free = new Stack<int>(Enumerable.Range(0, window).Reverse());
            if (options.RandomIds)
            {
                _random = new Random(seed);
                _key = (ushort)_random.Next(65536);
            }

            _timeoutTicks = (long)(options.Timeout.TotalSeconds * Stopwatch.Frequency);
            var endpoint = options.Servers[server];
            // Bound to port 0: the OS picks an unpredictable source port for each socket.
            _socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
            {
                ReceiveBufferSize = 4 << 20,
                ReceiveTimeout = 2,
            };
            if (options.LocalAddress is { } local)
            {
                _socket.Bind(new IPEndPoint(local, 0));
            }
            _socket.Connect(endpoint);
        }

        public LaneCounters Counters { get; } = new();

        public void Run(CancellationToken cancellationToken)
        {
            var buffer = new byte[MaxUdpReply];
            var nextScan = Stopwatch.GetTimestamp();
            var scanEvery = Math.Max(Stopwatch.Frequency / 1000, _timeoutTicks / 8);
            while (!_shared.Abort)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var now = Stopwatch.GetTimestamp();
                if (now >= nextScan)
                {
                    ScanTimeouts(now);
                    nextScan = now + scanEvery;
                }

                Fill(now);
                if (_inFlight == 0 && _retry.Count == 0 && _pending < 0 && _shared.Exhausted)
                {
                    return;
                }

                var n = _socket.Receive(buffer, 0, buffer.Length, SocketFlags.None, out var error);
                if (error == SocketError.Success && n > 0)
                {
                    Handle(buffer.AsSpan(0, n));
                }

                // TimedOut/WouldBlock: nothing arrived (the scan and the rate cap get their turn).
                // ConnectionRefused: an ICMP port-unreachable for an earlier query; its slot times out.
            }
        }

        private void Fill(long now)
        {
            while (_free.Count > 0)
            {
                int index;
                if (_retry.Count > 0 && _retry.Peek().NotBefore <= now)
                {
                    if (!_shared.TryTakeToken())
                    {
                        return;
                    }

                    index = _retry.Dequeue().Index;
                    Counters.Retries++;
                }
                else
                {
                    // The name first, then the allowance: two lanes may both see names left when only one is, and a grant
                    // taken for a name another lane took would be an allowance spent on no query. A name whose grant is
                    // refused waits in the lane for the next round.
                    if (_pending < 0)
                    {
                        _pending = _shared.Exhausted ? -1 : _shared.TakeNext();
                        if (_pending < 0)
                        {
                            return;
                        }
                    }

                    if (!_shared.TryTakeToken())
                    {
                        return;
                    }

                    (index, _pending) = (_pending, -1);
                }

                Send(_free.Pop(), index, now);
            }
        }

        private void Send(int slot, int index, long now)
        {
            // A new generation for every send, never the previous one: a late reply to it is then stale.
            var generations = 1 << (16 - _slotBits);
            var previous = _slotGeneration[slot];
            var generation = _random is null
                ? (ushort)((previous + 1) % generations)
                : (ushort)((previous + 1 + _random.Next(generations - 1)) % generations);
            _slotGeneration[slot] = generation;
            _slotName[slot] = index;
            var attempt = _shared.Attempts[index]++;
            // Backoff: each retry waits twice as long as the one before.
            _slotDeadline[slot] = now + (_timeoutTicks << Math.Min(attempt, (byte)10));
            var id = (ushort)(((generation << _slotBits) | slot) ^ _key);
            var query = _shared.Table.Query(index);
            BinaryPrimitives.WriteUInt16BigEndian(query, id);
            _inFlight++;
            Counters.Sent++;
            _socket.Send(query, SocketFlags.None, out _);
            // A failed send (buffer full, ICMP error pending) is left to the timeout scan.
        }

        private void Handle(ReadOnlySpan<byte> reply)
        {
            if (reply.Length < 2)
            {
                Counters.Rejected++;
                return;
            }

            var raw = BinaryPrimitives.ReadUInt16BigEndian(reply) ^ _key;
            var slot = raw & _slotMask;
            var generation = raw >> _slotBits;
            if (slot >= _slotName.Length || _slotName[slot] < 0 || _slotGeneration[slot] != generation)
            {
                Counters.Rejected++; // Late reply to an earlier attempt, or not ours.
                return;
            }

            var index = _slotName[slot];
            if (DnsReplyReader.Read(reply, _shared.Table.Question(index), out var info) != DnsReadStatus.Ok)
            {
                Counters.Rejected++;
                return;
            }

            Release(slot);
            if (info.Truncated)
            {
                lock (_shared.TruncatedNames)
                {
                    _shared.TruncatedNames.Add((index, _server));
                }

                return;
            }

            var outcome = info.Outcome;
            if (outcome == DnsOutcome.Unknown && _shared.Attempts[index] <= _options.Retries)
            {
                // SERVFAIL, REFUSED or an answer without NS: ask again after a pause, as after a timeout.
                _retry.Enqueue((index, Stopwatch.GetTimestamp() + _timeoutTicks));
                return;
            }

            Counters.Count(outcome);
            _onResult(index, outcome, reply, _server);
        }

        private void ScanTimeouts(long now)
        {
            for (var slot = 0; slot < _slotName.Length; slot++)
            {
                var index = _slotName[slot];
                if (index < 0 || _slotDeadline[slot] > now)
                {
                    continue;
                }

                Release(slot);
                if (_shared.Attempts[index] <= _options.Retries)
                {
                    _retry.Enqueue((index, now));
                }
                else
                {
                    Counters.Unknown++;
                    _onResult(index, DnsOutcome.Unknown, default, _server);
                }
            }
        }

        private void Release(int slot)
        {
            _slotName[slot] = -1;
            _free.Push(slot);
            _inFlight--;
        }

        public override string ToString() => $"lane {_lane} → server {_server}";

        public void Dispose() => _socket.Dispose();
    }
}
