using System.Collections.Concurrent;
using System.Diagnostics;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Store;

namespace Landrush.Harvest.Pipeline;

/// <summary>The DNS stage of a worker: claim a block, sweep its names not swept yet, store the outcomes in batches as they come.</summary>
public sealed partial class Harvester
{
    private async Task SweepBlocksAsync(long start, long end, Action<HarvestProgress>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var stage = new DnsCounts();
        while (store.ClaimDns() is { } block)
        {
            ct.ThrowIfCancellationRequested();
            var done = store.Left().DnsNamesDone;
            var swept = store.Swept(block.Start, block.End);
            var todo = new List<(long Index, string Name)>((int)(block.End - block.Start) - swept.Count);
            var index = block.Start;
            foreach (var label in Options.Space.Enumerate(block.Start, block.End))
            {
                if (!swept.Contains(index))
                {
                    todo.Add((index, $"{label}.{Options.Tld}"));
                }

                index++;
            }

            // Names of the block stored by a run that died before completing it count as done already.
            stage.Base = done + swept.Count;
            if (todo.Count > 0)
            {
                await SweepAsync(todo, stage, () => Report(stage, end - start, watch.Elapsed), progress, ct).ConfigureAwait(false);
            }

            store.CompleteDns(block);
            stage.Base += todo.Count;
            stage.Finished += todo.Count;
        }

        if (stage.Finished > 0)
        {
            progress?.Invoke(Report(stage, end - start, watch.Elapsed));
        }
    }

    private static HarvestProgress Report(DnsCounts c, long total, TimeSpan elapsed)
    {
        // Done first, then the outcomes' counts: a report that reads the counts first and done last never shows more
        // outcomes than names done (Interlocked orders both sides).
        var (delegated, absent, unknown) = (Interlocked.Read(ref c.Delegated), Interlocked.Read(ref c.Absent), Interlocked.Read(ref c.Unknown));
        var doneNow = Interlocked.Read(ref c.Done);
        return new HarvestProgress("dns", Math.Min(total, c.Base + doneNow - c.Finished), total, doneNow, elapsed, delegated, absent, 0, 0, 0, 0, unknown);
    }

    /// <summary>Sweeps <paramref name="todo"/> and drains the outcomes into the store in batches while the sweep runs.</summary>
    private async Task SweepAsync(
        List<(long Index, string Name)> todo, DnsCounts counts, Func<HarvestProgress> report, Action<HarvestProgress>? progress, CancellationToken ct)
    {
        var queue = new ConcurrentQueue<DnsObservation>();
        var servers = Options.Dns.Servers.Select(s => s.ToString()).ToArray();
        long answered = 0;
        var names = todo.Select(t => t.Name).ToArray();
        var sweep = Task.Run(() => new DnsSweeper(Options.Dns).Sweep(names, (i, outcome, reply, server) =>
        {
            Interlocked.Increment(ref counts.Done);
            if (!reply.IsEmpty)
            {
                Interlocked.Increment(ref answered);
            }

            Interlocked.Increment(ref outcome == DnsOutcome.Delegated ? ref counts.Delegated : ref outcome == DnsOutcome.Absent ? ref counts.Absent : ref counts.Unknown);
            queue.Enqueue(new DnsObservation(todo[i].Index, todo[i].Name, outcome, servers[server], DateTimeOffset.UtcNow, reply.ToArray()));
        }, ct), ct);

        // A crash loses one batch at most.
        var batch = new List<DnsObservation>(Options.DnsBatch);
        var lastReport = Stopwatch.StartNew();
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

            if (lastReport.ElapsedMilliseconds >= 500 || sweepDone)
            {
                progress?.Invoke(report());
                lastReport.Restart();
            }

            if (sweepDone && queue.IsEmpty && batch.Count == 0)
            {
                break;
            }

            // Another whole batch waiting (the sweep outruns the store for a moment): store it now rather than hold the
            // outcomes in memory, where a crash would lose them.
            if (queue.Count >= Options.DnsBatch)
            {
                ct.ThrowIfCancellationRequested();
                continue;
            }

            await Task.WhenAny(sweep, Task.Delay(50, ct)).ConfigureAwait(false);
        }

        await sweep.ConfigureAwait(false);
        if (Interlocked.Read(ref answered) == 0)
        {
            throw new IOException($"DNS server {string.Join(", ", servers)} did not answer any of {names.Length:N0} queries; " +
                                  "check --dns (the names stay unswept: run again to resume)");
        }
    }

    /// <summary>The DNS stage's counts of this run, shared with the sweeper's threads.</summary>
    private sealed class DnsCounts
    {
        public long Done;
        public long Delegated;
        public long Absent;
        public long Unknown;

        /// <summary>Names done before the current block (the store's swept blocks and the block's names stored earlier).</summary>
        public long Base;

        /// <summary>Names this run swept in the blocks before the current one (counted in <see cref="Base"/> since).</summary>
        public long Finished;
    }
}
