namespace Landrush.Harvest.Store;

/// <summary>
/// What a harvest store is for. A store answers one plan only: re-running the same plan resumes it, and a
/// store of another plan (space, TLD, shard, source, verify sample or seed) is refused, so that two
/// harvests can never mix in one file. Servers may differ between runs (a server moved); each reply
/// records the server that gave it.
/// </summary>
/// <param name="Space">Name-space spec, e.g. <c>digits:1-5</c>.</param>
/// <param name="Tld">TLD, e.g. <c>nl</c>.</param>
/// <param name="Shard">Shard <c>K/N</c> of the space.</param>
/// <param name="Source"><c>whois</c> or <c>rdap</c>.</param>
/// <param name="VerifyAbsent">Size of the seeded sample of DNS-absent names also asked.</param>
/// <param name="Seed">Seed of the verify sample.</param>
/// <param name="DnsServers">The DNS servers asked (for the record).</param>
/// <param name="WhoisServer">The WHOIS server or RDAP URL asked (for the record).</param>
public sealed record HarvestPlan(
    string Space, string Tld, string Shard, string Source, int VerifyAbsent, long Seed, string DnsServers, string WhoisServer)
{
    /// <summary>The index range of the plan's names in its space (for a merge of shards that leaves gaps: first to last).</summary>
    public (long Start, long End) Range() => HarvestPlanText.Range(this);

    /// <summary>Why <paramref name="other"/> is a different harvest, or null when it is the same one.</summary>
    public string? DifferenceFrom(HarvestPlan other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Space != other.Space ? $"space {Space}, not {other.Space}"
            : Tld != other.Tld ? $"TLD {Tld}, not {other.Tld}"
            : Shard != other.Shard ? $"shard {Shard}, not {other.Shard}"
            : Source != other.Source ? $"source {Source}, not {other.Source}"
            : VerifyAbsent != other.VerifyAbsent ? $"--verify-absent {VerifyAbsent}, not {other.VerifyAbsent}"
            : Seed != other.Seed ? $"seed {Seed}, not {other.Seed}"
            : null;
    }
}
