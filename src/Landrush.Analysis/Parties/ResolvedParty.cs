namespace Landrush.Analysis.Parties;

/// <summary>One party of the audit: its identities, registrars, names and how its identities were joined.</summary>
/// <param name="Index">Its index in the allocation (0 = largest holder).</param>
/// <param name="Label">Its label: the identity holding most of its names.</param>
/// <param name="DisplayName">The registrant name shown for that identity, if any.</param>
/// <param name="Handles">Every identity in the party (registrant handles, or registrar + name servers where hidden, or registrars), ordinal order.</param>
/// <param name="Registrars">Registrars its names are under, most names first.</param>
/// <param name="Holdings">Registered names it holds.</param>
/// <param name="Merges">For every identity after the first, the merge that joined it and its evidence.</param>
public sealed record ResolvedParty(
    int Index,
    string Label,
    string? DisplayName,
    IReadOnlyList<string> Handles,
    IReadOnlyList<string> Registrars,
    int Holdings,
    IReadOnlyList<PartyMerge> Merges);
