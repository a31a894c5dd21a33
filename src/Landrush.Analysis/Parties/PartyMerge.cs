namespace Landrush.Analysis.Parties;

/// <summary>One merge of the union-find: <see cref="Handle"/> joined the party of <see cref="JoinedTo"/> because both show <see cref="Evidence"/> in field <see cref="Kind"/>.</summary>
/// <param name="Handle">The identity (registrant handle, or registrar + name servers where the registrant is hidden) that joined.</param>
/// <param name="JoinedTo">An identity already in the party that it shares the evidence with.</param>
/// <param name="Kind">The field that linked them.</param>
/// <param name="Evidence">The shared value: the admin handle, the normalised name or the name-server set.</param>
public sealed record PartyMerge(string Handle, string JoinedTo, PartyLinkKind Kind, string Evidence);
