using System.Diagnostics;
using System.Threading.Channels;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Store;

namespace Landrush.Harvest.Pipeline;

/// <summary>
/// The DNS stage of a worker: claim a block, sweep its names not swept yet, and go on to the next block while a writer
/// stores the outcomes in batches (<see cref="HarvestOptions.DnsBatch"/>) behind the sweep. A block is marked swept
/// once all its outcomes are stored; the sweep runs at most two blocks' worth of outcomes ahead of the store, which
/// bounds memory.
/// </summary>
internal sealed class DnsStage(HarvestOptions options, IHarvestStore store) : IHarvestStage
{
    public Task RunAsync(Action<HarvestProgress>? progress, CancellationToken cancellationToken)
    {
        var (start, end) = options.Shard.RangeIn(options.Space.Count);
        return SweepBlocksAsync(start, end, progress, cancellationToken);
    }

    private async Task SweepBlocksAsync(long start, long end, Action<HarvestProgress>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var counts = new DnsCounts { Base = store.Left().DnsNamesDone };
        // Outcomes, and after each block's last outcome the block itself (its mark that it is stored whole).
        var pending = Channel.CreateBounded<object>(new BoundedChannelOptions(2 * DnsBlock.Size) { SingleReader = true, SingleWriter = false });
        var writer = Task.Run(async () =>
        {
            try
            {
                await StoreOutcomesAsync(pending.Reader, ct).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The sweep must not wait for a writer that is gone.
                pending.Writer.TryComplete(ex);
                throw;
            }
        }, ct);
        var reporter = ReportDnsAsync(counts, end - start, watch, progress, writer);
        try
        {
            while (!writer.IsCompleted && ClaimBlocks() is { Count: > 0 } blocks)
            {
                ct.ThrowIfCancellationRequested();
                var todo = new List<(long Index, string Name)>();
                foreach (var block in blocks)
                {
                    var swept = store.Swept(block.Start, block.End);
                    // Names of the block stored by a run that died before completing it count as done already.
                    Interlocked.Add(ref counts.Base, swept.Count);
                    var index = block.Start;
                    foreach (var label in options.Space.Enumerate(block.Start, block.End))
                    {
                        if (!swept.Contains(index))
                        {
                            todo.Add((index, $"{label}.{options.Tld}"));
                        }

                        index++;
                    }
                }

                if (todo.Count > 0)
                {
                    await Task.Run(() => Sweep(todo, pending.Writer, counts, ct), ct).ConfigureAwait(false);
                }

                foreach (var block in blocks)
                {
                    await pending.Writer.WriteAsync(block, ct).ConfigureAwait(false);
                }
            }
        }
        catch (Exception) when (writer.IsFaulted)
        {
            await writer.ConfigureAwait(false); // the store's own failure, not the sweep's "writer gone"
            throw;
        }
        catch (Exception)
        {
            // The sweep's own failure: the outcomes it handed over are stored before the store is released and closed.
            pending.Writer.TryComplete();
            try
            {
                await writer.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The sweep's error is the one to report.
            }

            throw;
        }
        finally
        {
            pending.Writer.TryComplete();
        }

        await writer.ConfigureAwait(false);
        await reporter.ConfigureAwait(false);
    }

    /// <summary>
    /// Up to <see cref="BlocksAtOnce"/> DNS blocks, swept in one go: a sweep's tail (its last replies, and the timeouts
    /// and retries of any lost query) then overlaps the next block's names instead of idling between blocks.
    /// </summary>
    private List<DnsBlock> ClaimBlocks()
    {
        var blocks = new List<DnsBlock>(BlocksAtOnce);
        while (blocks.Count < BlocksAtOnce && store.ClaimDns() is { } block)
        {
            blocks.Add(block);
        }

        return blocks;
    }

    /// <summary>DNS blocks claimed at a time: 4, 200,000 names, a few seconds of sweeping.</summary>
    private const int BlocksAtOnce = 4;

    /// <summary>
    /// Sweeps <paramref name="todo"/>, handing each answered outcome to the writer as it comes (waiting when the writer is
    /// two blocks behind). A name the servers did not answer at all is held back: when more than
    /// <see cref="SilentShare"/> of the sweep's names went unanswered (a server down, unreachable or dropping queries),
    /// none of them is stored, so they stay unswept for the next run instead of going to WHOIS as names DNS could not tell.
    /// </summary>
    private void Sweep(List<(long Index, string Name)> todo, ChannelWriter<object> outcomes, DnsCounts counts, CancellationToken ct)
    {
        var servers = options.Dns.Servers.Select(s => s.ToString()).ToArray();
        long answered = 0;
        var silent = new List<DnsObservation>();
        var names = todo.Select(t => t.Name).ToArray();
        new DnsSweeper(options.Dns).Sweep(names, (i, outcome, reply, server) =>
        {
            var o = new DnsObservation(todo[i].Index, todo[i].Name, outcome, servers[server], DateTimeOffset.UtcNow, reply.ToArray());
            if (reply.IsEmpty)
            {
                // Lanes call this on their own threads.
                lock (silent)
                {
                    silent.Add(o);
                }

                return;
            }

            Interlocked.Increment(ref answered);
            Count(counts, o.Outcome);
            Write(outcomes, o, ct);
        }, ct);
        if (silent.Count > SilentShare * names.Length)
        {
            throw new IOException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"DNS server {string.Join(", ", servers)} did not answer {silent.Count:N0} of {names.Length:N0} queries; check --dns, or lower " +
                $"--dns-qps (those names stay unswept: run again to resume)"));
        }

        // A few names lost after every retry, beside many answered: DNS could not tell them, WHOIS is asked.
        foreach (var o in silent)
        {
            Count(counts, o.Outcome);
            Write(outcomes, o, ct);
        }
    }

    /// <summary>Share of a sweep's names left unanswered above which none of them is stored: 1%.</summary>
    internal const double SilentShare = 0.01;

    // Done first, then the outcome's count: a report that reads the counts first and done last never shows more outcomes
    // than names done (Interlocked orders both sides). Counted as stored, so a sweep that fails never shows its silent names.
    private static void Count(DnsCounts counts, DnsOutcome outcome)
    {
        Interlocked.Increment(ref counts.Done);
        Interlocked.Increment(ref outcome == DnsOutcome.Delegated ? ref counts.Delegated : ref outcome == DnsOutcome.Absent ? ref counts.Absent : ref counts.Unknown);
    }

    private static void Write(ChannelWriter<object> outcomes, DnsObservation o, CancellationToken ct)
    {
        while (!outcomes.TryWrite(o))
        {
            // The store is two blocks behind: this sweeper thread waits for it.
            if (!outcomes.WaitToWriteAsync(ct).AsTask().GetAwaiter().GetResult())
            {
                throw new IOException("the store stopped taking the sweep's outcomes");
            }
        }
    }

    /// <summary>The writer: outcomes into the store in batches, as soon as a batch is full or nothing more is waiting; a block marked swept after its outcomes.</summary>
    private async Task StoreOutcomesAsync(ChannelReader<object> pending, CancellationToken ct)
    {
        var batch = new List<DnsObservation>(options.DnsBatch);
        while (await pending.WaitToReadAsync(ct).ConfigureAwait(false))
        {
            while (pending.TryRead(out var item))
            {
                if (item is DnsObservation o)
                {
                    batch.Add(o);
                    if (batch.Count < options.DnsBatch)
                    {
                        continue;
                    }
                }

                if (batch.Count > 0)
                {
                    store.SaveDns(batch);
                    batch.Clear();
                }

                if (item is DnsBlock block)
                {
                    store.CompleteDns(block);
                }
            }

            // Nothing more waiting: a crash loses what is stored nowhere, so the partial batch goes in now.
            if (batch.Count > 0)
            {
                store.SaveDns(batch);
                batch.Clear();
            }
        }
    }

    private static async Task ReportDnsAsync(DnsCounts c, long total, Stopwatch watch, Action<HarvestProgress>? progress, Task writer)
    {
        if (progress is null)
        {
            return;
        }

        HarvestProgress Report()
        {
            var (delegated, absent, unknown) = (Interlocked.Read(ref c.Delegated), Interlocked.Read(ref c.Absent), Interlocked.Read(ref c.Unknown));
            var done = Interlocked.Read(ref c.Done);
            return new HarvestProgress("dns", Math.Min(total, Interlocked.Read(ref c.Base) + done), total, done, watch.Elapsed,
                delegated, absent, 0, 0, 0, 0, unknown);
        }

        while (!writer.IsCompleted)
        {
            progress(Report());
            await Task.WhenAny(writer, Task.Delay(500)).ConfigureAwait(false);
        }

        if (Interlocked.Read(ref c.Done) > 0)
        {
            progress(Report());
        }
    }

    /// <summary>The DNS stage's counts of this run, shared with the sweeper's threads and the writer.</summary>
    private sealed class DnsCounts
    {
        public long Done;
        public long Delegated;
        public long Absent;
        public long Unknown;

        /// <summary>Names done before this run: the store's swept blocks and the names of claimed blocks stored earlier.</summary>
        public long Base;
    }
}
