using Landrush.Core.Dataset;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Sources;
using Landrush.Harvest.Store;

namespace Landrush.Harvest.Pipeline;

/// <summary>
/// One harvest worker: a DNS sweep of the plan's names, then WHOIS (or RDAP) for the names DNS could not settle —
/// delegated, unknown, and a seeded sample of absent ones — paced by its own token bucket, every exchange stored
/// before the next is counted. The work comes from the store in leased pieces (DNS blocks, small batches of names),
/// so any number of workers share one store (PostgreSQL), each within its own address's limits; a worker that dies
/// loses nothing, its leases expire and its pieces return to the others. Resumes from whatever the store holds.
/// </summary>
public sealed class Harvester(HarvestOptions options, IHarvestStore store, IRegistrySource source)
{
    private readonly WhoisTally _whois = new();
    private bool _begun;
    private RegistryNotice? _notice;

    public HarvestOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The plan this harvest writes into its store.</summary>
    public HarvestPlan Plan => new(
        Options.Space.Spec, Options.Tld, Options.Shard.ToString(), SourceText, Options.VerifyAbsent, Options.Seed,
        string.Join(',', Options.Dns.Servers.Select(s => s.ToString())), source.Server);

    /// <summary>
    /// Records the plan in the store and asks the DNS server what it says about itself at the apex
    /// (<see cref="RegistryNotice"/>); a simulator's notice is stored at once, so that the store knows its source is
    /// synthetic from its first reply, whenever the run stops. <see cref="RunAsync"/> does this first when it was not done.
    /// </summary>
    /// <returns>What the server said (the simulator's notice and limits, when it is the simulator); null when it did not answer.</returns>
    public async Task<RegistryNotice?> BeginAsync(CancellationToken cancellationToken = default)
    {
        if (_begun)
        {
            return _notice;
        }

        store.Begin(Plan);
        _notice = await RegistryNotice.AskAsync(Options.Dns.Servers, Options.Tld, cancellationToken).ConfigureAwait(false);
        if (_notice?.Notice is { } notice && !store.Notices().Contains(notice.ToLine(), StringComparer.Ordinal))
        {
            // Stamped with this worker's name, as its other replies are (it has not joined the store yet).
            store.SaveNotice(_notice.ToStoredReply(Options.Tld) with { Worker = ThisWorker.Name });
        }

        _begun = true;
        return _notice;
    }

    /// <summary>Runs (or resumes) the harvest. <paramref name="progress"/> is called about twice a second per stage.</summary>
    /// <exception cref="IOException">No DNS server answered at all.</exception>
    public async Task<HarvestResult> RunAsync(Action<HarvestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await BeginAsync(cancellationToken).ConfigureAwait(false);
        store.Join(ThisWorker, Options.Lease);
        using var stopRenewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewAsync(stopRenewal.Token);
        using var bucket = new TokenBucket(Options.WhoisRate, HarvestOptions.PaceShare);
        IHarvestStage[] stages = [new DnsStage(Options, store), new VerifyStage(Options, store), new WhoisStage(Options, store, source, bucket, _whois)];
        try
        {
            await WorkAsync(stages, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stopRenewal.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            store.Release();
        }

        var counts = store.Counts();
        var (start, end) = Options.Shard.RangeIn(Options.Space.Count);
        var complete = counts.Swept == end - start && counts.WhoisAnswered == counts.WhoisNeeded;
        return new HarvestResult(
            complete, _whois.DailyLimit is not null, _whois.DailyLimit, end - start, counts.Delegated, counts.Absent, counts.Unknown,
            _whois.Asked, counts.Registered, counts.Free, _whois.Throttled, counts.WhoisFailed, _whois.FirstFailure, MissedEstimate.Of(store));
    }

    /// <summary>
    /// Claims and does work until there is none left for anyone, round after round of <paramref name="stages"/>: DNS
    /// blocks first, then the verify sample (once every block is swept), then WHOIS batches. Work another worker holds
    /// is waited for: it is either finished or, when that worker died, comes back to the pool when its lease expires.
    /// </summary>
    private async Task WorkAsync(IReadOnlyList<IHarvestStage> stages, Action<HarvestProgress>? progress, CancellationToken ct)
    {
        while (true)
        {
            foreach (var stage in stages)
            {
                await stage.RunAsync(progress, ct).ConfigureAwait(false);
            }

            if (_whois.DailyLimit is not null)
            {
                return;
            }

            var left = store.Left();
            var dnsClaimable = left.DnsBlocks > left.DnsBlocksLeased;
            if (dnsClaimable)
            {
                continue;
            }

            // What remains is held by other workers (or is this run's own failures): wait for them, or their leases.
            if (left.DnsBlocksLeased == 0 && left.WhoisLeased == 0 && !(Options.VerifyAbsent > 0 && store.Strata().Count == 0 && left.DnsBlocks == 0))
            {
                return;
            }

            var wait = left.NextExpiry is { } e && e < TimeSpan.FromSeconds(1) ? e + TimeSpan.FromMilliseconds(50) : TimeSpan.FromSeconds(1);
            await Task.Delay(wait, ct).ConfigureAwait(false);
        }
    }

    // Every third of the lease, while the worker works: its claims stay its own, and status sees it alive.
    private async Task RenewAsync(CancellationToken ct)
    {
        var every = Options.Lease / 3;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, ct).ConfigureAwait(false);
                store.Renew();
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (IOException)
            {
                // The store is unreachable for a moment: the work itself will say so if it stays so.
            }
        }
    }

    private HarvestWorker ThisWorker => HarvestWorker.ThisProcess(Options.Worker, Options.SourceAddress?.ToString(), Options.WhoisRate);

    private string SourceText => SourceTextOf(source);

    /// <summary>How the store names <paramref name="registry"/>'s protocol: in the plan, and as every WHOIS reply's source.</summary>
    internal static string SourceTextOf(IRegistrySource registry) => registry.Protocol == RecordSource.Rdap ? "rdap" : "whois";
}
