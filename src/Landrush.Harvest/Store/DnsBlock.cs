namespace Landrush.Harvest.Store;

/// <summary>
/// A block of consecutive names of the plan that one worker sweeps by DNS at a time (claimed with a lease, see
/// <see cref="IHarvestStore.ClaimDns"/>). Blocks are laid out when a store takes its plan: <see cref="Size"/> names
/// each from the start of the plan's shard, the last one shorter.
/// </summary>
/// <param name="Number">The block's number, from 0.</param>
/// <param name="Start">Index of its first name.</param>
/// <param name="End">One past the index of its last name.</param>
public sealed record DnsBlock(int Number, long Start, long End)
{
    /// <summary>
    /// Names per block: 50,000, about half a second of a sweep at loopback speed. Large enough that a sweep's start and
    /// its tail (the last replies and retries) are a small part of a block, small enough that a killed worker's block
    /// costs little to redo and that several workers share even a digits:1-5 space.
    /// </summary>
    public const int Size = 50_000;

    /// <summary>The blocks of the slice [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static IEnumerable<DnsBlock> Layout(long start, long end)
    {
        var number = 0;
        for (var a = start; a < end; a += Size)
        {
            yield return new DnsBlock(number++, a, Math.Min(end, a + Size));
        }
    }
}
