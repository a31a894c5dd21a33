namespace Landrush.Harvest.Store;

/// <summary>What is left of a harvest for the workers, read cheaply (small tables and the index of names to ask).</summary>
/// <param name="DnsBlocks">DNS blocks not swept whole yet (claimable or leased).</param>
/// <param name="DnsBlocksLeased">Of those, blocks another worker holds a live lease on.</param>
/// <param name="DnsNamesDone">Names in the blocks swept whole.</param>
/// <param name="WhoisTodo">Names the WHOIS stage must still answer (delegated, unknown or in the verify sample), leased or not.</param>
/// <param name="WhoisLeased">Of those, names another worker holds a live lease on.</param>
/// <param name="NextExpiry">How long until the next live lease held by another worker expires; null without one.</param>
public sealed record WorkLeft(long DnsBlocks, long DnsBlocksLeased, long DnsNamesDone, long WhoisTodo, long WhoisLeased, TimeSpan? NextExpiry);
