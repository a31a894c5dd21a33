using System.Net;
using Landrush.Core.Whois;
using Landrush.Simulator.Dns;
using Landrush.Simulator.Whois;

namespace Landrush.Simulator;

/// <summary>
/// The local registry: a WHOIS server and an authoritative DNS server for one dataset, started in-process.
/// <code>
/// await using var sim = await RegistrySimulator.StartAsync(new RegistrySimulatorOptions { Dataset = data, DatasetName = "x.csv" });
/// // sim.WhoisEndPoint, sim.DnsEndPoint: 127.0.0.1 and the ports taken
/// </code>
/// Every WHOIS reply carries a <see cref="SimulatorNotice"/> naming the dataset (and saying "synthetic"
/// when the dataset's provenance does); the DNS server serves the same notice, and the WHOIS limits
/// (<see cref="SimulatorLimits"/>), as TXT records at the apex.
/// </summary>
public sealed class RegistrySimulator : IAsyncDisposable
{
    private readonly WhoisServer? _whois;
    private readonly RegistryDnsServer? _dns;
    private readonly QueryLog? _log;

    private RegistrySimulator(RegistrySimulatorOptions options, WhoisServer? whois, RegistryDnsServer? dns, QueryLog? log, RegistryZone zone, SimulatorNotice notice)
    {
        Options = options;
        _whois = whois;
        _dns = dns;
        _log = log;
        Zone = zone;
        Notice = notice;
    }

    public RegistrySimulatorOptions Options { get; }

    /// <summary>The notice every WHOIS reply carries.</summary>
    public SimulatorNotice Notice { get; }

    /// <summary>The zone the DNS server serves.</summary>
    public RegistryZone Zone { get; }

    /// <summary>The WHOIS server's address and port; null when WHOIS is off.</summary>
    public IPEndPoint? WhoisEndPoint => _whois?.EndPoint;

    /// <summary>The DNS server's address and port (UDP and TCP); null when DNS is off.</summary>
    public IPEndPoint? DnsEndPoint => _dns?.EndPoint;

    /// <summary>WHOIS connections being served now.</summary>
    public int WhoisActiveConnections => _whois?.ActiveConnections ?? 0;

    /// <summary>DNS queries answered so far.</summary>
    public long DnsQueriesAnswered => _dns?.QueriesAnswered ?? 0;

    /// <summary>
    /// Completes with the error of the first query-log write that failed (a full disk); from then on no WHOIS query is
    /// answered (its connection is reset). Never completes without a log, or while the log is written. The simulator's
    /// owner stops it then: a simulator asked to keep a log must not serve unlogged.
    /// </summary>
    public Task<Exception> LogFailure => _log?.Failure ?? new TaskCompletionSource<Exception>().Task;

    /// <summary>
    /// Starts the servers. A port in use (or any failure to listen) is an <see cref="IOException"/> whose
    /// message says which server and port; whatever was started is stopped again.
    /// </summary>
    public static async Task<RegistrySimulator> StartAsync(RegistrySimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var notice = new SimulatorNotice(options.DatasetName, options.Dataset.Header.IsSynthetic);
        // The DNS server says what it is too: a harvest stopped after its DNS sweep must still know its source is synthetic.
        var limits = new SimulatorLimits(options.Whois.RatePerSecond, options.Whois.Burst, options.Whois.DailyLimit);
        var zone = new RegistryZone(options.Dataset, [notice.ToLine(), limits.ToLine()]);
        QueryLog? log = null;
        WhoisServer? whois = null;
        RegistryDnsServer? dns = null;
        try
        {
            log = options.LogPath is null ? null : new QueryLog(options.LogPath);
            var onQuery = Combine(log, options.OnWhoisQuery);
            if (options.EnableWhois)
            {
                whois = new WhoisServer(options.Dataset, notice, options.Whois, options.Seed, onQuery, options.Clock);
                whois.Start(new IPEndPoint(options.BindAddress, options.WhoisPort));
            }

            if (options.EnableDns)
            {
                dns = new RegistryDnsServer(zone, options.Dns, options.Seed);
                dns.Start(new IPEndPoint(options.BindAddress, options.DnsPort));
            }

            return new RegistrySimulator(options, whois, dns, log, zone, notice);
        }
        catch
        {
            if (whois is not null)
            {
                await whois.DisposeAsync().ConfigureAwait(false);
            }

            if (dns is not null)
            {
                await dns.DisposeAsync().ConfigureAwait(false);
            }

            if (log is not null)
            {
                await log.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    private static Action<WhoisQueryLogEntry>? Combine(QueryLog? log, Action<WhoisQueryLogEntry>? callback) =>
        (log, callback) switch
        {
            (null, null) => null,
            (null, { } c) => c,
            ({ } l, null) => l.Write,
            ({ } l, { } c) => e =>
            {
                l.Write(e);
                c(e);
            }
            ,
        };

    /// <summary>Stops both servers, flushes the query log and releases the ports.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_whois is not null)
        {
            await _whois.DisposeAsync().ConfigureAwait(false);
        }

        if (_dns is not null)
        {
            await _dns.DisposeAsync().ConfigureAwait(false);
        }

        if (_log is not null)
        {
            await _log.DisposeAsync().ConfigureAwait(false);
        }
    }
}
