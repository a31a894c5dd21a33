namespace Landrush.Harvest.Store;

/// <summary>
/// One stratum of the verify sample: a simple random sample of <see cref="Members"/> drawn from the
/// <see cref="Absent"/> names DNS called absent in one slice of the space (a shard's). Each harvest run draws
/// one stratum over its own slice; a merge of shards keeps each shard's stratum, so that the estimate of what
/// DNS missed weights every sample by the absent names it stands for (<c>MissedEstimate</c>).
/// </summary>
/// <param name="Shard">The slice the sample was drawn over, as <c>K/N</c> (for messages).</param>
/// <param name="Start">First index of the slice in the space.</param>
/// <param name="End">One past the last index of the slice.</param>
/// <param name="Absent">Names DNS called absent in the slice when the sample was drawn (the stratum's size).</param>
/// <param name="Members">Indices of the names drawn, ascending.</param>
public sealed record VerifyStratum(string Shard, long Start, long End, long Absent, IReadOnlyList<long> Members)
{
    /// <summary>True when <paramref name="other"/> covers part of the same slice.</summary>
    public bool Overlaps(VerifyStratum other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Start < other.End && other.Start < End;
    }

    /// <summary>True when <paramref name="other"/> is the same draw (a store given twice, a copied shard).</summary>
    public bool SameDraw(VerifyStratum other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Shard == other.Shard && Start == other.Start && End == other.End && Absent == other.Absent && Members.SequenceEqual(other.Members);
    }
}
