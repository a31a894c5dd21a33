using Landrush.Core.Model;
using Landrush.Harvest.Store;

namespace Landrush.Harvest.Pipeline;

/// <summary>
/// The verify stage of a worker: once every DNS block is swept, the seeded sample of absent names that WHOIS asks as
/// well (<see cref="HarvestOptions.VerifyAbsent"/>), drawn once for the store by whichever worker comes first.
/// </summary>
internal sealed class VerifyStage(HarvestOptions options, IHarvestStore store) : IHarvestStage
{
    public Task RunAsync(Action<HarvestProgress>? progress, CancellationToken cancellationToken)
    {
        if (options.VerifyAbsent > 0 && store.Left().DnsBlocks == 0)
        {
            var (start, end) = options.Shard.RangeIn(options.Space.Count);
            store.DrawVerify(start, end, SampleAbsent);
        }

        return Task.CompletedTask;
    }

    /// <summary>This run's stratum of the verify sample: a simple random sample of the absent names of its slice.</summary>
    private VerifyStratum SampleAbsent(long[] absent)
    {
        // Partial Fisher–Yates over the absent names in index order: a seeded, order-independent sample.
        var (start, end) = options.Shard.RangeIn(options.Space.Count);
        var k = Math.Min(options.VerifyAbsent, absent.Length);
        var random = new SeededRandom(options.Seed, stream: 16);
        for (var i = 0; i < k; i++)
        {
            var j = i + random.NextInt(absent.Length - i);
            (absent[i], absent[j]) = (absent[j], absent[i]);
        }

        return new VerifyStratum(options.Shard.ToString(), start, end, absent.Length, [.. absent.Take(k).Order()]);
    }
}
