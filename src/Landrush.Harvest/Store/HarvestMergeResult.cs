namespace Landrush.Harvest.Store;

/// <summary>What <see cref="HarvestMerge.Merge"/> wrote.</summary>
/// <param name="Names">Names in the merged store.</param>
/// <param name="Replies">Replies carried over (identical copies of one reply counted once).</param>
/// <param name="Overlaps">Names held by more than one input (all agreeing).</param>
/// <param name="Shard">The merged store's shard: <c>1/1</c> when the inputs' shards cover the space.</param>
/// <param name="Strata">Strata of the merged verify sample (one per shard that drew one).</param>
/// <param name="StrataSetAside">Strata left out of the estimate because they overlap a wider one.</param>
public sealed record HarvestMergeResult(long Names, long Replies, long Overlaps, string Shard, int Strata, int StrataSetAside);
