namespace Landrush.Analysis.Parties;

/// <summary>What <see cref="AllocationBuilder"/> makes of a dataset: the allocation, how its parties were formed, and what the rows left out.</summary>
/// <param name="Allocation">Registered names and the party of each.</param>
/// <param name="Audit">Every party, its identities and the evidence of every merge.</param>
/// <param name="Created">Creation date of each registered name, aligned with <see cref="ObservedAllocation.NameIndex"/>; null where not known.</param>
/// <param name="Registrars">Registrar of each registered name, aligned likewise; empty where not known.</param>
/// <param name="Unknown">Rows with status <c>unknown</c>: neither registered nor free as far as anyone knows.</param>
/// <param name="Missing">Names of the space with no row at all (a partial harvest).</param>
/// <param name="Synthetic">The dataset says it is synthetic (declaration or row sources), not registry data.</param>
/// <param name="HolderUnknownNames">Space indices, ascending, of the registered names whose row says nothing of the holder
/// (no registrant, registrar or name servers: e.g. names a harvest knows only from DNS). Counted as registered (also by
/// length and block), left out of <see cref="Allocation"/>: pooled, they would make one holder that does not exist.</param>
public sealed record ResolvedAllocation(
    ObservedAllocation Allocation,
    PartyAudit Audit,
    IReadOnlyList<DateOnly?> Created,
    IReadOnlyList<string> Registrars,
    int Unknown,
    long Missing,
    bool Synthetic,
    IReadOnlyList<int>? HolderUnknownNames = null)
{
    /// <summary>How many registered names show nothing of their holder (<see cref="HolderUnknownNames"/>).</summary>
    public int HolderUnknown => HolderUnknownNames?.Count ?? 0;
}
