namespace Landrush.Analysis.Parties;

/// <summary>How the parties were formed: every party with its identities and the evidence of every merge.</summary>
/// <param name="Key">The party key used for the allocation.</param>
/// <param name="SharedHostingThreshold">K, as used.</param>
/// <param name="Parties">Every party holding a name, largest first (same order as the allocation).</param>
/// <param name="SharedHostingSets">Name-server sets ignored as shared hosting.</param>
/// <param name="RegistrarFronts">Parties that used several registrars each holding mostly their names.</param>
/// <param name="HiddenRegistrantNames">Registered names with no registrant handle, keyed on registrar + name servers instead.</param>
/// <param name="Notes">Plain-words notes on what the resolution could and could not use.</param>
public sealed record PartyAudit(
    PartyKey Key,
    int SharedHostingThreshold,
    IReadOnlyList<ResolvedParty> Parties,
    IReadOnlyList<SharedHostingSet> SharedHostingSets,
    IReadOnlyList<RegistrarFront> RegistrarFronts,
    int HiddenRegistrantNames,
    IReadOnlyList<string> Notes);
