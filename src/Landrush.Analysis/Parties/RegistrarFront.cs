namespace Landrush.Analysis.Parties;

/// <summary>
/// Registrars that front for one party: the party holds at least the front share of each one's names, and its
/// identities under them are joined by shared registrants, contacts or name-server sets.
/// </summary>
/// <param name="PartyLabel">The party's label under resolved parties (whatever key the allocation uses).</param>
/// <param name="Registrars">The registrars, most of the party's names first.</param>
/// <param name="PartyNames">Names the party holds under each registrar.</param>
/// <param name="RegistrarNames">Registered names under each registrar in all.</param>
/// <param name="Evidence">The merges that join identities under different registrars.</param>
public sealed record RegistrarFront(
    string PartyLabel,
    IReadOnlyList<string> Registrars,
    IReadOnlyList<int> PartyNames,
    IReadOnlyList<int> RegistrarNames,
    IReadOnlyList<PartyMerge> Evidence);
