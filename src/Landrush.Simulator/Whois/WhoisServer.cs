using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois;
using Landrush.Simulator.Faults;

namespace Landrush.Simulator.Whois;

/// <summary>
/// A WHOIS server (RFC 3912) for a registry dataset: one query line per connection, the reply, close —
/// as SIDN's server does. Replies are rendered by <see cref="WhoisRenderer"/> in the configured era, with
/// the simulator notice. Per client address it applies SIDN-like limits (<see cref="WhoisServerOptions"/>)
/// and injects seeded faults. A misbehaving client costs at most one buffer of
/// <see cref="WhoisServerOptions.MaxQueryBytes"/> and a timeout; nothing a client sends can stop the server.
/// </summary>
public sealed class WhoisServer : IAsyncDisposable
{
    private readonly Dictionary<string, RegistryRecord> _records;
    private readonly string _tldSuffix;
    private readonly SimulatorNotice _notice;
    private readonly WhoisServerOptions _options;
    private readonly ClientLimiter _limiter;
    private readonly FaultDice _dice;
    private readonly Action<WhoisQueryLogEntry>? _log;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private readonly byte[] _busy;
    private readonly byte[] _invalid;
    private readonly int _throttlePerSecond;
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private int _active;

    /// <param name="dataset">The registry: its registered rows are records, every other name under its TLD is free.</param>
    /// <param name="notice">The notice every reply carries.</param>
    /// <param name="options">Era, limits, faults, timeouts.</param>
    /// <param name="seed">Seed of the fault draws.</param>
    /// <param name="log">Called once per query (from server threads; keep it quick).</param>
    /// <param name="clock">Time for the limits, the timeouts, the fault delays and the log; default the system clock.</param>
    public WhoisServer(RegistryDataset dataset, SimulatorNotice notice, WhoisServerOptions options, ulong seed,
        Action<WhoisQueryLogEntry>? log = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(options);
        _records = dataset.Records.ToDictionary(r => r.Name.ToString(), StringComparer.Ordinal);
        _tldSuffix = "." + dataset.Header.Tld;
        _notice = notice;
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _limiter = new ClientLimiter(options.RatePerSecond, options.Burst, options.Tolerance, options.DailyLimit, _clock);
        _dice = new FaultDice(seed, stream: 43);
        _log = log;
        _busy = Encoding.UTF8.GetBytes(WhoisRenderer.RenderBusy(notice));
        _invalid = Encoding.UTF8.GetBytes(WhoisRenderer.RenderInvalid(notice));
        _throttlePerSecond = Math.Max(1, (int)Math.Round(options.RatePerSecond ?? 1));
    }

    /// <summary>Where the server listens (the real port when 0 was asked for); null before <see cref="Start"/>.</summary>
    public IPEndPoint? EndPoint { get; private set; }

    /// <summary>Connections being served now.</summary>
    public int ActiveConnections => Volatile.Read(ref _active);

    /// <summary>Starts listening; port 0 takes a free port. A port in use is an <see cref="IOException"/> saying so.</summary>
    public void Start(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var listener = new TcpListener(endPoint);
        try
        {
            listener.Start(backlog: 4096);
        }
        catch (SocketException ex)
        {
            listener.Dispose();
            throw new IOException($"WHOIS server cannot listen on {endPoint}: {ex.Message}", ex);
        }

        _listener = listener;
        EndPoint = (IPEndPoint)listener.LocalEndpoint;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException)
            {
                // Out of descriptors or a connection reset before accept: keep serving the others.
                await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            var task = ServeAsync(socket);
            _connections[task] = true;
            _ = task.ContinueWith(t => _connections.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private enum ReadResult
    {
        Line,
        Closed,
        TooLong,
        Timeout,
    }

    private async Task ServeAsync(Socket socket)
    {
        var active = Interlocked.Increment(ref _active);
        var client = IPAddress.None;
        try
        {
            socket.NoDelay = true;
            client = (socket.RemoteEndPoint as IPEndPoint)?.Address is { } a ? (a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a) : IPAddress.None;
            if (active > _options.MaxConnections)
            {
                Log(client, "", WhoisAnswer.Busy);
                await SendAndCloseAsync(socket, _busy).ConfigureAwait(false);
                return;
            }

            var buffer = new byte[_options.MaxQueryBytes + 1];
            var (result, length) = await ReadQueryAsync(socket, buffer).ConfigureAwait(false);
            switch (result)
            {
                case ReadResult.Closed:
                    return;
                case ReadResult.Timeout:
                    Log(client, WhoisText.Decode(buffer.AsSpan(0, length)), WhoisAnswer.Timeout);
                    Reset(socket);
                    return;
                case ReadResult.TooLong:
                    Log(client, WhoisText.Decode(buffer.AsSpan(0, length)), WhoisAnswer.Invalid);
                    await SendAndCloseAsync(socket, _invalid).ConfigureAwait(false);
                    return;
            }

            var query = WhoisText.Decode(buffer.AsSpan(0, length)).Trim();
            await AnswerAsync(socket, client, query).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A client's misbehaviour (reset, garbage, vanishing) must never reach the server.
        catch (Exception)
#pragma warning restore CA1031
        {
            Reset(socket);
        }
        finally
        {
            Interlocked.Decrement(ref _active);
            socket.Dispose();
        }
    }

    private async Task<(ReadResult, int)> ReadQueryAsync(Socket socket, byte[] buffer)
    {
        using var timer = new CancellationTokenSource(_options.ReadTimeout, _clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, timer.Token);
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    return (ReadResult.TooLong, filled);
                }

                var n = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, timeout.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    // The client closed its side: what it sent is its query (RFC 3912 wants CRLF; be lenient).
                    return filled == 0 ? (ReadResult.Closed, 0) : (ReadResult.Line, filled);
                }

                var newline = Array.IndexOf(buffer, (byte)'\n', filled, n);
                filled += n;
                if (newline >= 0)
                {
                    return (ReadResult.Line, newline > 0 && buffer[newline - 1] == '\r' ? newline - 1 : newline);
                }
            }
        }
        catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
        {
            return (ReadResult.Timeout, filled);
        }
    }

    private async Task AnswerAsync(Socket socket, IPAddress client, string query)
    {
        switch (_limiter.Admit(client))
        {
            case WhoisAnswer.Throttle:
                Log(client, query, WhoisAnswer.Throttle);
                await SendAndCloseAsync(socket, Encoding.UTF8.GetBytes(WhoisRenderer.RenderThrottled(_notice, _throttlePerSecond))).ConfigureAwait(false);
                return;
            case WhoisAnswer.Limit:
                Log(client, query, WhoisAnswer.Limit);
                await SendAndCloseAsync(socket, Encoding.UTF8.GetBytes(WhoisRenderer.RenderDailyLimit(client.ToString(), _notice))).ConfigureAwait(false);
                return;
        }

        var name = Normalize(query);
        if (name is null)
        {
            Log(client, query, WhoisAnswer.Invalid);
            await SendAndCloseAsync(socket, _invalid).ConfigureAwait(false);
            return;
        }

        var record = _records.GetValueOrDefault(name);
        var registered = record is { IsRegistered: true };
        var reply = Encoding.UTF8.GetBytes(registered
            ? WhoisRenderer.Render(record!, _options.Era, _notice)
            : WhoisRenderer.RenderFree(name, _options.Era, _notice));

        var roll = _dice.Next();
        var faults = _options.Faults;
        var delay = faults.Latency.Draw(roll[1], roll[2]);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _clock, _stop.Token).ConfigureAwait(false);
        }

        var fault = faults.Pick(roll[0]);
        var answer = fault switch
        {
            null => registered ? WhoisAnswer.Record : WhoisAnswer.Free,
            WhoisFault.Reset => WhoisAnswer.Reset,
            WhoisFault.Trickle => WhoisAnswer.Trickle,
            WhoisFault.Empty => WhoisAnswer.Empty,
            WhoisFault.Garbled => WhoisAnswer.Garbled,
            WhoisFault.Truncated => WhoisAnswer.Truncated,
            _ => WhoisAnswer.Busy,
        };
        Log(client, query, answer);
        switch (fault)
        {
            case null:
                await SendAndCloseAsync(socket, reply).ConfigureAwait(false);
                break;
            case WhoisFault.Busy:
                await SendAndCloseAsync(socket, _busy).ConfigureAwait(false);
                break;
            case WhoisFault.Empty:
                socket.Shutdown(SocketShutdown.Send);
                break;
            case WhoisFault.Truncated:
                await SendAndCloseAsync(socket, reply.AsMemory(0, 1 + roll.Below(3, CutLimit(reply) - 1))).ConfigureAwait(false);
                break;
            case WhoisFault.Reset:
                await SendAsync(socket, reply.AsMemory(0, 1 + roll.Below(3, CutLimit(reply) - 1))).ConfigureAwait(false);
                Reset(socket);
                break;
            case WhoisFault.Garbled:
                await SendAndCloseAsync(socket, Garble(reply, roll)).ConfigureAwait(false);
                break;
            case WhoisFault.Trickle:
                await TrickleAsync(socket, reply).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The name a query asks for, lower case without trailing dot, or null when it is no name under the TLD.</summary>
    private string? Normalize(string query)
    {
        if (query.Length == 0 || query.Length > DomainName.MaxNameLength + 1)
        {
            return null;
        }

        try
        {
            var name = DomainName.Parse(query).ToString();
            return name.EndsWith(_tldSuffix, StringComparison.Ordinal) && name.Length > _tldSuffix.Length ? name : null;
        }
        catch (UserInputException)
        {
            return null;
        }
    }

    // A cut falls before "Record maintained by", so that a reader can tell the reply is incomplete.
    private static int CutLimit(byte[] reply)
    {
        var at = reply.AsSpan().IndexOf("Record maintained"u8);
        return Math.Max(2, at > 0 ? at : reply.Length);
    }

    private static byte[] Garble(byte[] reply, FaultDice.Roll roll)
    {
        var garbled = (byte[])reply.Clone();
        var start = roll.Below(3, garbled.Length);
        var length = 1 + roll.Below(4, Math.Min(64, garbled.Length - start));
#pragma warning disable CA5394 // Fault injection, not security: a seeded generator is the point.
        var rng = new Random((int)(roll[5] * int.MaxValue));
        for (var i = start; i < start + length; i++)
        {
            garbled[i] ^= (byte)rng.Next(1, 256); // never 0: every byte of the stretch changes
        }
#pragma warning restore CA5394

        return garbled;
    }

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

    private void Log(IPAddress client, string query, WhoisAnswer answer) =>
        _log?.Invoke(new WhoisQueryLogEntry(_clock.GetUtcNow(), client, query, answer));

    /// <summary>Stops accepting, ends the connections being served (at most 5 s) and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _listener?.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        try
        {
            await Task.WhenAll(_connections.Keys).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Connections still blocked in the kernel are closed with the process.
        }

        _listener?.Dispose();
        _stop.Dispose();
    }
}
