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
public sealed partial class Harvester
{
    /// <summary>How long before its slot a query's connection is opened.</summary>
    private static readonly TimeSpan ConnectLead = TimeSpan.FromMilliseconds(50);

    private async Task WhoisAsync(TokenBucket bucket, bool first, Action<HarvestProgress>? progress, CancellationToken ct)
    {
        var claimed = new Queue<NameState>();
        using var claiming = new SemaphoreSlim(1, 1);
        async Task<NameState?> NextAsync()
        {
            await claiming.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (claimed.Count == 0 && _dailyLimit is null)
                {
                    foreach (var n in store.ClaimWhois(Options.WhoisBatch))
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
        var doneBefore = Interlocked.Read(ref _whoisDone);
        var watch = Stopwatch.StartNew();
        HarvestProgress Snapshot()
        {
            var done = Interlocked.Read(ref _whoisDone) - doneBefore;
            return new("whois", Math.Min(total, already + done), total, done, watch.Elapsed, 0, 0, Interlocked.Read(ref _registered),
                Interlocked.Read(ref _free), Interlocked.Read(ref _throttled), Interlocked.Read(ref _failed));
        }

        progress?.Invoke(Snapshot());
        if (first)
        {
            // The first query goes alone, and the next an interval after its reply: a server's first exchange is its
            // slowest (code paths warming up), and the gap it counts runs from when it got to our query, which we only
            // know to be before its reply. Started at full pace, the second query met the first at the server.
            await AskAsync(head, bucket, policy, ct).ConfigureAwait(false);
            bucket.Pause(TimeSpan.FromSeconds(1 / Options.WhoisRate));
            head = null;
        }

        async Task Worker(NameState? start)
        {
            var next = start ?? await NextAsync().ConfigureAwait(false);
            while (next is not null && _dailyLimit is null)
            {
                await AskAsync(next, bucket, policy, ct).ConfigureAwait(false);
                next = await NextAsync().ConfigureAwait(false);
            }
        }

        var workers = Enumerable.Range(0, Options.WhoisConcurrency).Select(i => Task.Run(() => Worker(i == 0 ? head : null), ct)).ToList();
        var all = Task.WhenAll(workers);
        while (!all.IsCompleted)
        {
            progress?.Invoke(Snapshot());
            await Task.WhenAny(all, Task.Delay(500, ct)).ConfigureAwait(false);
        }

        progress?.Invoke(Snapshot());
        await all.ConfigureAwait(false);
    }

    private ResiliencePipeline<RegistryExchange> RetryPolicy() => Options.TransientRetries == 0
        ? ResiliencePipeline<RegistryExchange>.Empty
        : new ResiliencePipelineBuilder<RegistryExchange>()
            .AddRetry(new RetryStrategyOptions<RegistryExchange>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } r && IsTransient(r)),
                MaxRetryAttempts = Options.TransientRetries,
                Delay = Options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();

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
                        // Done with it for this run: another worker may try it (this one does not claim it again).
                        store.Unclaim(name.Index);
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
        var reply = new StoredReply(0, name.Index, name.Name, SourceText, answer.Server, answer.At, ClassText(answer), notice, answer.Raw)
        {
            AskedAt = answer.At - answer.Elapsed,
        };
        if (answer.Failure == ExchangeFailure.None && answer.Reply is { IsFact: true } fact && fact.ToRegistryRecord(source.Protocol, answer.At) is { } record)
        {
            // A late answer (this worker's lease expired and another's answer came first) is kept as evidence only.
            if (store.SaveWhois(reply, WhoisState.Answered, record, null).Recorded)
            {
                Interlocked.Increment(ref _whoisDone);
                Interlocked.Increment(ref record.IsRegistered ? ref _registered : ref _free);
            }

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
        store.Unclaim(name.Index);
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
}
