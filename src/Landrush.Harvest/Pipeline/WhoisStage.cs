using System.Diagnostics;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois;
using Landrush.Harvest.Sources;
using Landrush.Harvest.Store;
using Polly;
using Polly.Retry;

namespace Landrush.Harvest.Pipeline;

/// <summary>
/// The WHOIS (or RDAP) stage of a worker: names claimed in small batches, asked by
/// <see cref="HarvestOptions.WhoisConcurrency"/> tasks through one token bucket, each exchange stored as it happens.
/// </summary>
/// <param name="options">The harvest's settings.</param>
/// <param name="store">Where the names come from and every exchange goes.</param>
/// <param name="source">The registry's WHOIS or RDAP service.</param>
/// <param name="bucket">The worker's pace toward the registry (its slots, the send gate, the pause a throttle calls for).</param>
/// <param name="tally">The worker's counts, kept across the stage's rounds.</param>
internal sealed class WhoisStage(HarvestOptions options, IHarvestStore store, IRegistrySource source, TokenBucket bucket, WhoisTally tally) : IHarvestStage
{
    /// <summary>How long before its slot a query's connection is opened.</summary>
    private static readonly TimeSpan ConnectLead = TimeSpan.FromMilliseconds(50);

    private readonly string _sourceText = Harvester.SourceTextOf(source);
    private bool _ran;

    public Task RunAsync(Action<HarvestProgress>? progress, CancellationToken cancellationToken)
    {
        // Only the run's first round begins with a query alone (see WhoisAsync).
        var first = !_ran;
        _ran = true;
        return WhoisAsync(first, progress, cancellationToken);
    }

    private async Task WhoisAsync(bool first, Action<HarvestProgress>? progress, CancellationToken ct)
    {
        var claimed = new Queue<NameState>();
        using var claiming = new SemaphoreSlim(1, 1);
        async Task<NameState?> NextAsync()
        {
            await claiming.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (claimed.Count == 0 && tally.DailyLimit is null)
                {
                    foreach (var n in store.ClaimWhois(options.WhoisBatch))
                    {
                        claimed.Enqueue(n);
                    }
                }

                return claimed.Count > 0 ? claimed.Dequeue() : null;
            }
            finally
            {
                claiming.Release();
            }
        }

        var policy = RetryPolicy();
        var head = await NextAsync().ConfigureAwait(false);
        if (head is null)
        {
            return;
        }

        var counts = store.Counts();
        var (already, total) = (counts.WhoisAnswered, counts.WhoisNeeded);
        var doneBefore = Interlocked.Read(ref tally.Done);
        var watch = Stopwatch.StartNew();
        HarvestProgress Snapshot()
        {
            var done = Interlocked.Read(ref tally.Done) - doneBefore;
            return new("whois", Math.Min(total, already + done), total, done, watch.Elapsed, 0, 0, Interlocked.Read(ref tally.Registered),
                Interlocked.Read(ref tally.Free), Interlocked.Read(ref tally.Throttled), Interlocked.Read(ref tally.Failed));
        }

        progress?.Invoke(Snapshot());
        if (first)
        {
            // The first query goes alone, and the next an interval after its reply: a server's first exchange is its
            // slowest (code paths warming up), and the gap it counts runs from when it got to our query, which we only
            // know to be before its reply. Started at full pace, the second query met the first at the server.
            await AskAsync(head, policy, ct).ConfigureAwait(false);
            bucket.Pause(TimeSpan.FromSeconds(1 / options.WhoisRate));
            head = null;
        }

        async Task Worker(NameState? start)
        {
            var next = start ?? await NextAsync().ConfigureAwait(false);
            while (next is not null && tally.DailyLimit is null)
            {
                await AskAsync(next, policy, ct).ConfigureAwait(false);
                next = await NextAsync().ConfigureAwait(false);
            }
        }

        var workers = Enumerable.Range(0, options.WhoisConcurrency).Select(i => Task.Run(() => Worker(i == 0 ? head : null), ct)).ToList();
        var all = Task.WhenAll(workers);
        while (!all.IsCompleted)
        {
            progress?.Invoke(Snapshot());
            await Task.WhenAny(all, Task.Delay(500, ct)).ConfigureAwait(false);
        }

        progress?.Invoke(Snapshot());
        await all.ConfigureAwait(false);
    }

    private ResiliencePipeline<RegistryExchange> RetryPolicy() => options.TransientRetries == 0
        ? ResiliencePipeline<RegistryExchange>.Empty
        : new ResiliencePipelineBuilder<RegistryExchange>()
            .AddRetry(new RetryStrategyOptions<RegistryExchange>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } r && IsTransient(r)),
                MaxRetryAttempts = options.TransientRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();

    private async Task AskAsync(NameState name, ResiliencePipeline<RegistryExchange> retry, CancellationToken ct)
    {
        var throttles = 0;
        while (tally.DailyLimit is null)
        {
            var answer = await retry.ExecuteAsync(async token =>
            {
                // Connect a little before the slot and send at it: the time connecting takes is then not part
                // of the moment the server counts (a late first connection bunched queries at the server).
                var slot = await bucket.ApproachAsync(ConnectLead, token).ConfigureAwait(false);
                if (tally.DailyLimit is not null)
                {
                    return null!;
                }

                Interlocked.Increment(ref tally.Asked);
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
                    Interlocked.Increment(ref tally.Throttled);
                    // Everybody waits: the server said we are too fast. Then the same name is asked again.
                    bucket.Pause(answer.Reply.RetryAfter ?? options.ThrottleWait);
                    if (++throttles > options.MaxThrottlesPerName)
                    {
                        Fail(name, answer, $"throttled {throttles} times in a row");
                        return;
                    }

                    continue;
                case ReplyClass.DailyLimit:
                    tally.DailyLimit = answer.Reply.Message ?? "daily limit reached";
                    return;
                default:
                    if (IsTransient(answer))
                    {
                        // Done with it for this run: another worker may try it (this one does not claim it again).
                        store.Unclaim(name.Index);
                        Interlocked.Increment(ref tally.Failed);
                        Interlocked.Increment(ref tally.Done);
                        Interlocked.CompareExchange(ref tally.FirstFailure, $"{name.Name}: {Reason(answer)}", null);
                    }

                    return;
            }
        }
    }

    // Every exchange is stored as it happens, in one transaction with the state it leads to.
    private void Save(NameState name, RegistryExchange answer)
    {
        var notice = SimulatorNotice.TryFind(WhoisText.Decode(answer.Raw.Span, out _))?.ToLine();
        var reply = new StoredReply(0, name.Index, name.Name, _sourceText, answer.Server, answer.At, ClassText(answer), notice, answer.Raw)
        {
            AskedAt = answer.At - answer.Elapsed,
        };
        if (answer.Failure == ExchangeFailure.None && answer.Reply is { IsFact: true } fact && fact.ToRegistryRecord(source.Protocol, answer.At) is { } record)
        {
            // A late answer (this worker's lease expired and another's answer came first) is kept as evidence only.
            if (store.SaveWhois(reply, WhoisState.Answered, record, null).Recorded)
            {
                Interlocked.Increment(ref tally.Done);
                Interlocked.Increment(ref record.IsRegistered ? ref tally.Registered : ref tally.Free);
            }

            return;
        }

        // Not a fact: the evidence is kept, and the name stays to be asked (failed until a fact comes).
        var state = answer.Reply?.Class is ReplyClass.Throttled or ReplyClass.DailyLimit ? name.Whois : WhoisState.Failed;
        store.SaveWhois(reply, state == WhoisState.Answered ? WhoisState.Failed : state, null, Reason(answer));
    }

    private void Fail(NameState name, RegistryExchange answer, string why)
    {
        var reply = new StoredReply(0, name.Index, name.Name, _sourceText, answer.Server, answer.At, ClassText(answer), null, ReadOnlyMemory<byte>.Empty);
        store.SaveWhois(reply, WhoisState.Failed, null, why);
        store.Unclaim(name.Index);
        Interlocked.Increment(ref tally.Failed);
        Interlocked.Increment(ref tally.Done);
        Interlocked.CompareExchange(ref tally.FirstFailure, $"{name.Name}: {why}", null);
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
}
