namespace Landrush.Harvest.Pipeline;

/// <summary>One stratum of the verify sample as the estimate sees it (<see cref="MissedEstimate"/>).</summary>
/// <param name="Shard">The slice it was drawn over, <c>K/N</c>.</param>
/// <param name="Absent">Names DNS called absent in the slice (the stratum's size N_h).</param>
/// <param name="Sampled">Sample members WHOIS answered (n_h); members not answered yet do not count.</param>
/// <param name="Found">Of those, registered (k_h).</param>
public sealed record MissedStratum(string Shard, long Absent, long Sampled, long Found);
