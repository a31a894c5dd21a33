using Landrush.Core.Enumeration;
using Landrush.Harvest.Dns;

namespace Landrush.Harvest.Pipeline;

/// <summary>Settings of one <see cref="Harvester"/> run.</summary>
public sealed record HarvestOptions
{
    /// <summary>The name space to harvest.</summary>
    public required NameSpace Space { get; init; }

    /// <summary>The TLD, e.g. <c>nl</c>.</summary>
    public required string Tld { get; init; }

    /// <summary>The slice of the space. Default is all of it.</summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>The DNS sweep's settings (servers, sockets, rate cap).</summary>
    public required DnsSweepOptions Dns { get; init; }

    /// <summary>
    /// The server's WHOIS limit in queries per second. Default is 1, SIDN's limit. The harvest paces at
    /// <see cref="PaceShare"/> of it, evenly spaced (<see cref="TokenBucket"/>).
    /// </summary>
    public double WhoisRate { get; init => field = value >= MinWhoisRate && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "one query a day or more"); } = DefaultWhoisRate;

    /// <summary>The slowest <see cref="WhoisRate"/>: one query a day (slower paces overflow the waits between queries).</summary>
    public const double MinWhoisRate = 1.0 / 86_400;

    /// <summary>The default of <see cref="WhoisRate"/>: 1 query per second.</summary>
    public const double DefaultWhoisRate = 1;

    /// <summary>
    /// Share of <see cref="WhoisRate"/> the harvest paces at: 0.99. The 1% of slack lets the sends after a late
    /// one catch up without any two ever going out closer than one over the rate (<see cref="TokenBucket"/>).
    /// </summary>
    public const double PaceShare = 0.99;

    /// <summary>WHOIS queries at once. Default is 4 (enough to keep a slow server's rate; the bucket sets the pace).</summary>
    public int WhoisConcurrency { get; init => field = value is >= 1 and <= 256 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "1 to 256"); } = 4;

    /// <summary>Size of the seeded sample of DNS-absent names also asked. Default is 0.</summary>
    public int VerifyAbsent { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "0 or more"); }

    /// <summary>Seed of the verify sample. Default is 16.</summary>
    public long Seed { get; init; } = 16;

    /// <summary>Retries of a transient failure (jittered exponential backoff) before the name is failed. Default is 3.</summary>
    public int TransientRetries { get; init => field = value is >= 0 and <= 20 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "0 to 20"); } = 3;

    /// <summary>First backoff delay after a transient failure; doubles each retry, with jitter. Default is 2 seconds.</summary>
    public TimeSpan RetryDelay { get; init => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "0 or more"); } = TimeSpan.FromSeconds(2);

    /// <summary>Wait after a throttle reply that does not say how long. Default is 1 second.</summary>
    public TimeSpan ThrottleWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Throttle replies accepted for one name before it is failed (a server that never lets us in). Default is 50.</summary>
    public int MaxThrottlesPerName { get; init; } = 50;

    /// <summary>DNS outcomes written to the store per transaction. Default is 5,000.</summary>
    public int DnsBatch { get; init; } = 5000;

    /// <summary>
    /// Names claimed from the store at a time for the WHOIS stage. Default is 16: small, so that workers share the last
    /// names evenly and a dead worker's batch is little to wait for (its lease), large enough that claiming costs
    /// nothing beside the queries.
    /// </summary>
    public int WhoisBatch { get; init => field = value is >= 1 and <= 10_000 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "1 to 10,000"); } = 16;

    /// <summary>
    /// How long a claim (a DNS block, a batch of names) is this worker's unless renewed. Default is 60 seconds; the
    /// harvester renews its claims every third of it while it works, so only a dead (or cut-off) worker's claims expire
    /// and return to the other workers.
    /// </summary>
    public TimeSpan Lease { get; init => field = value >= TimeSpan.FromSeconds(1) && value <= TimeSpan.FromHours(24) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "1 s to 24 h"); } = TimeSpan.FromSeconds(60);

    /// <summary>This worker's name in the store (<c>harvest status</c>, each reply's worker). Default is null: HOST:PID.</summary>
    public string? Worker { get; init; }

    /// <summary>The address this worker's queries leave from, for the store's record (the clients bind it). Default is null: the system's choice.</summary>
    public System.Net.IPAddress? SourceAddress { get; init; }
}
