using System.Collections.Concurrent;
using System.Diagnostics;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;
using Landrush.Core.Whois;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Sources;
using Landrush.Harvest.Store;
using Polly;
using Polly.Retry;

namespace Landrush.Harvest.Pipeline;

/// <summary>
/// The harvest: a DNS sweep of every name of the plan not swept yet, then WHOIS (or RDAP) for the names
/// DNS could not settle — delegated, unknown, and a seeded sample of absent ones — paced by a token
/// bucket, every exchange stored before the next is counted. Resumes from whatever the store holds.
/// </summary>
public sealed class Harvester(HarvestOptions options, IHarvestStore store, IRegistrySource source)
{
    private long _asked;
    private long _throttled;
    private long _registered;
    private long _free;
    private long _failed;
    private long _whoisDone;
    private volatile string? _dailyLimit;
    private string? _firstFailure;
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
            store.SaveNotice(_notice.ToStoredReply(Options.Tld));
        }

        _begun = true;
        return _notice;
    }

    /// <summary>Runs (or resumes) the harvest. <paramref name="progress"/> is called about twice a second per stage.</summary>
    /// <exception cref="IOException">No DNS server answered at all.</exception>
    public async Task<HarvestResult> RunAsync(Action<HarvestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await BeginAsync(cancellationToken).ConfigureAwait(false);
        var (start, end) = Options.Shard.RangeIn(Options.Space.Count);
        await SweepAsync(start, end, progress, cancellationToken).ConfigureAwait(false);

        var states = store.States();
        if (Options.VerifyAbsent > 0 && store.Strata().Count == 0)
        {
            store.MarkVerify(SampleAbsent(states, start, end));
            states = store.States();
        }

        await WhoisAsync(states, progress, cancellationToken).ConfigureAwait(false);

        states = store.States();
        var records = store.Records();
        long delegated = 0, absent = 0, unknown = 0, failed = 0, registered = 0, free = 0;
        var complete = true;
        foreach (var s in states.Values)
        {
            switch (s.Dns)
            {
                case DnsOutcome.Delegated: delegated++; break;
                case DnsOutcome.Absent: absent++; break;
                case DnsOutcome.Unknown: unknown++; break;
                default: complete = false; break;
            }

            if (s.NeedsWhois)
            {
                complete = false;
                failed += s.Whois == WhoisState.Failed ? 1 : 0;
            }

            if (records.TryGetValue(s.Index, out var r))
            {
                registered += r.IsRegistered ? 1 : 0;
                free += r.Status == DomainStatus.Free ? 1 : 0;
            }
        }

        complete &= states.Count == end - start;
        return new HarvestResult(
            complete, _dailyLimit is not null, _dailyLimit, end - start, delegated, absent, unknown, _asked, registered, free,
            _throttled, failed, _firstFailure ?? states.Values.FirstOrDefault(s => s.NeedsWhois && s.Reason is not null)?.Reason,
            MissedEstimate.Of(store.Strata(), states, records));
    }

    private async Task SweepAsync(long start, long end, Action<HarvestProgress>? progress, CancellationToken ct)
    {
        var states = store.States();
        var todo = new List<(long Index, string Name)>();
        long delegated = 0, absent = 0, unknown = 0, done = 0;
        var index = start;
        foreach (var label in Options.Space.Enumerate(Options.Shard))
        {
            if (states.TryGetValue(index, out var s) && s.Dns is { } d)
            {
                done++;
                delegated += d == DnsOutcome.Delegated ? 1 : 0;
                absent += d == DnsOutcome.Absent ? 1 : 0;
                unknown += d == DnsOutcome.Unknown ? 1 : 0;
            }
            else
            {
                todo.Add((index, $"{label}.{Options.Tld}"));
            }

            index++;
        }

        if (todo.Count == 0)
        {
            return;
        }

        var queue = new ConcurrentQueue<DnsObservation>();
        var servers = Options.Dns.Servers.Select(s => s.ToString()).ToArray();
        long answered = 0, newDelegated = 0, newAbsent = 0, newUnknown = 0, newDone = 0;
        var names = todo.Select(t => t.Name).ToArray();
        var watch = Stopwatch.StartNew();
        var sweep = Task.Run(() => new DnsSweeper(Options.Dns).Sweep(names, (i, outcome, reply, server) =>
        {
            // Done first, then the outcome's count: a report that reads the counts first and done last never
            // shows more outcomes than names done (Interlocked orders both sides).
            Interlocked.Increment(ref newDone);
            if (!reply.IsEmpty)
            {
                Interlocked.Increment(ref answered);
            }

            Interlocked.Increment(ref outcome == DnsOutcome.Delegated ? ref newDelegated : ref outcome == DnsOutcome.Absent ? ref newAbsent : ref newUnknown);
            queue.Enqueue(new DnsObservation(todo[i].Index, todo[i].Name, outcome, servers[server], DateTimeOffset.UtcNow, reply.ToArray()));
        }, ct), ct);

        // Drain the outcomes into the store in batches while the sweep runs: a crash loses one batch at most.
        var batch = new List<DnsObservation>(Options.DnsBatch);
        while (true)
        {
            var sweepDone = sweep.IsCompleted;
            while (batch.Count < Options.DnsBatch && queue.TryDequeue(out var o))
            {
                batch.Add(o);
            }

            if (batch.Count > 0 && (batch.Count >= Options.DnsBatch || sweepDone || queue.IsEmpty))
            {
                store.SaveDns(batch);
                batch.Clear();
            }

            progress?.Invoke(Report());
            if (sweepDone && queue.IsEmpty && batch.Count == 0)
            {
                break;
            }

            // Another whole batch waiting (the sweep outruns a batch per pause): store it now rather than hold the
            // outcomes in memory, where a crash would lose them.
            if (queue.Count >= Options.DnsBatch)
            {
                ct.ThrowIfCancellationRequested();
                continue;
            }

            await Task.WhenAny(sweep, Task.Delay(500, ct)).ConfigureAwait(false);
        }

        // Names answered, as they arrive (the store takes them in batches of Options.DnsBatch a moment later).
        HarvestProgress Report()
        {
            var (newDelegatedNow, newAbsentNow, newUnknownNow) = (Interlocked.Read(ref newDelegated), Interlocked.Read(ref newAbsent), Interlocked.Read(ref newUnknown));
            var doneNow = Interlocked.Read(ref newDone);
            return new HarvestProgress("dns", done + doneNow, end - start, doneNow, watch.Elapsed,
                delegated + newDelegatedNow, absent + newAbsentNow, 0, 0, 0, 0, unknown + newUnknownNow);
        }

        await sweep.ConfigureAwait(false);
        if (Interlocked.Read(ref answered) == 0)
        {
            throw new IOException($"DNS server {string.Join(", ", servers)} did not answer any of {names.Length:N0} queries; " +
                                  "check --dns (the names stay unswept: run again to resume)");
        }
    }

    /// <summary>This run's stratum of the verify sample: a simple random sample of the absent names of its slice.</summary>
    private VerifyStratum SampleAbsent(IReadOnlyDictionary<long, NameState> states, long start, long end)
    {
        // Partial Fisher–Yates over the absent names in index order: a seeded, order-independent sample.
        var absent = states.Values.Where(s => s.Dns == DnsOutcome.Absent && s.Index >= start && s.Index < end).Select(s => s.Index).Order().ToArray();
        var k = Math.Min(Options.VerifyAbsent, absent.Length);
        var random = new SeededRandom(Options.Seed, stream: 16);
        for (var i = 0; i < k; i++)
        {
            var j = i + random.NextInt(absent.Length - i);
            (absent[i], absent[j]) = (absent[j], absent[i]);
        }

        return new VerifyStratum(Options.Shard.ToString(), start, end, absent.Length, [.. absent.Take(k).Order()]);
    }

    private async Task WhoisAsync(IReadOnlyDictionary<long, NameState> states, Action<HarvestProgress>? progress, CancellationToken ct)
    {
        var pending = states.Values.Where(s => s.NeedsWhois).OrderBy(s => s.Index).ToList();
        var total = states.Values.Count(s => s.Dns is { } d && (d != DnsOutcome.Absent || s.Verify));
        var already = total - pending.Count;
        if (pending.Count == 0)
        {
            return;
        }

        using var bucket = new TokenBucket(Options.WhoisRate, HarvestOptions.PaceShare);
        var retry = new ResiliencePipelineBuilder<RegistryExchange>()
            .AddRetry(new RetryStrategyOptions<RegistryExchange>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } r && IsTransient(r)),
                MaxRetryAttempts = Math.Max(1, Options.TransientRetries),
                Delay = Options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
        var policy = Options.TransientRetries > 0 ? retry : ResiliencePipeline<RegistryExchange>.Empty;
        var next = -1;
        var watch = Stopwatch.StartNew();

        async Task Worker()
        {
            while (_dailyLimit is null)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= pending.Count)
                {
                    return;
                }

                await AskAsync(pending[i], bucket, policy, ct).ConfigureAwait(false);
            }
        }

        // The first query goes alone, and the next an interval after its reply: a server's first exchange is its
        // slowest (code paths warming up), and the gap it counts runs from when it got to our query, which we
        // only know to be before its reply. Started at full pace, the second query met the first at the server.
        await AskAsync(pending[Interlocked.Increment(ref next)], bucket, policy, ct).ConfigureAwait(false);
        bucket.Pause(TimeSpan.FromSeconds(1 / Options.WhoisRate));
        var workers = Enumerable.Range(0, Math.Min(Options.WhoisConcurrency, pending.Count)).Select(_ => Task.Run(Worker, ct)).ToList();
        var all = Task.WhenAll(workers);
        while (!all.IsCompleted)
        {
            progress?.Invoke(Snapshot());
            await Task.WhenAny(all, Task.Delay(500, ct)).ConfigureAwait(false);
        }

        progress?.Invoke(Snapshot());
        await all.ConfigureAwait(false);

        HarvestProgress Snapshot() => new("whois", already + Interlocked.Read(ref _whoisDone), total, Interlocked.Read(ref _whoisDone),
            watch.Elapsed, 0, 0, Interlocked.Read(ref _registered), Interlocked.Read(ref _free), Interlocked.Read(ref _throttled),
            Interlocked.Read(ref _failed));
    }

    /// <summary>How long before its slot a query's connection is opened.</summary>
    private static readonly TimeSpan ConnectLead = TimeSpan.FromMilliseconds(50);

    private async Task AskAsync(NameState name, TokenBucket bucket, ResiliencePipeline<RegistryExchange> retry, CancellationToken ct)
    {
        var throttles = 0;
        while (_dailyLimit is null)
        {
            var answer = await retry.ExecuteAsync(async token =>
            {
                // Connect a little before the slot and send at it: the time connecting takes is then not part
                // of the moment the server counts (a late first connection bunched queries at the server).
                var slot = await bucket.ApproachAsync(ConnectLead, token).ConfigureAwait(false);
                if (_dailyLimit is not null)
                {
                    return null!;
                }

                Interlocked.Increment(ref _asked);
                var a = await source.QueryAsync(DomainName.Parse(name.Name), bucket.Gate(slot), token).ConfigureAwait(false);
                Save(name, a);
                return a;
            }, ct).ConfigureAwait(false);

            if (answer is null)
            {
                return;
            }

            switch (answer.Reply?.Class)
            {
                case ReplyClass.Throttled:
                    Interlocked.Increment(ref _throttled);
                    // Everybody waits: the server said we are too fast. Then the same name is asked again.
                    bucket.Pause(answer.Reply.RetryAfter ?? Options.ThrottleWait);
                    if (++throttles > Options.MaxThrottlesPerName)
                    {
                        Fail(name, answer, $"throttled {throttles} times in a row");
                        return;
                    }

                    continue;
                case ReplyClass.DailyLimit:
                    _dailyLimit = answer.Reply.Message ?? "daily limit reached";
                    return;
                default:
                    if (IsTransient(answer))
                    {
                        Interlocked.Increment(ref _failed);
                        Interlocked.Increment(ref _whoisDone);
                        Interlocked.CompareExchange(ref _firstFailure, $"{name.Name}: {Reason(answer)}", null);
                    }

                    return;
            }
        }
    }

    // Every exchange is stored as it happens, in one transaction with the state it leads to.
    private void Save(NameState name, RegistryExchange answer)
    {
        var notice = SimulatorNotice.TryFind(WhoisText.Decode(answer.Raw.Span, out _))?.ToLine();
        var reply = new StoredReply(0, name.Index, name.Name, SourceText, answer.Server, answer.At, ClassText(answer), notice, answer.Raw);
        if (answer.Failure == ExchangeFailure.None && answer.Reply is { IsFact: true } fact && fact.ToRegistryRecord(source.Protocol, answer.At) is { } record)
        {
            store.SaveWhois(reply, WhoisState.Answered, record, null);
            Interlocked.Increment(ref _whoisDone);
            Interlocked.Increment(ref record.IsRegistered ? ref _registered : ref _free);
            return;
        }

        // Not a fact: the evidence is kept, and the name stays to be asked (failed until a fact comes).
        var state = answer.Reply?.Class is ReplyClass.Throttled or ReplyClass.DailyLimit ? name.Whois : WhoisState.Failed;
        store.SaveWhois(reply, state == WhoisState.Answered ? WhoisState.Failed : state, null, Reason(answer));
    }

    private void Fail(NameState name, RegistryExchange answer, string why)
    {
        var reply = new StoredReply(0, name.Index, name.Name, SourceText, answer.Server, answer.At, ClassText(answer), null, ReadOnlyMemory<byte>.Empty);
        store.SaveWhois(reply, WhoisState.Failed, null, why);
        Interlocked.Increment(ref _failed);
        Interlocked.Increment(ref _whoisDone);
        Interlocked.CompareExchange(ref _firstFailure, $"{name.Name}: {why}", null);
    }

    private static string Reason(RegistryExchange answer) =>
        answer.FailureMessage ?? $"{ClassText(answer)}{(answer.Reply?.Message is { } m ? ": " + m : "")}";

    /// <summary>
    /// What to ask again after a backoff: the sources' transient failures, busy (unavailable) replies, and
    /// unparseable ones (a reply cut before its end reads as unparseable, and the next one is usually whole).
    /// </summary>
    private static bool IsTransient(RegistryExchange e) =>
        e.IsTransientFailure || (e.Reply is null && e.Failure == ExchangeFailure.None)
        || e.Reply?.Class is ReplyClass.Unavailable or ReplyClass.Unparseable;

    private static string ClassText(RegistryExchange e) =>
        e.Reply is { } r && e.Failure is ExchangeFailure.None or ExchangeFailure.Oversize ? r.Class.ToString().ToLowerInvariant() : "failed";

    private string SourceText => source.Protocol == RecordSource.Rdap ? "rdap" : "whois";
}
