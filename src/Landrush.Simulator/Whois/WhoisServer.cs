using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Landrush.Core.Dataset;
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
public sealed partial class WhoisServer : IAsyncDisposable
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
