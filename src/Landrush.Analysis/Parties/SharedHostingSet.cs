namespace Landrush.Analysis.Parties;

/// <summary>A name-server set seen with more unrelated identities than the threshold: shared hosting, no evidence of one party.</summary>
/// <param name="NameServers">The set, joined by <c>;</c>.</param>
/// <param name="Handles">Identities using it.</param>
/// <param name="UnrelatedGroups">Groups among them not already joined by admin handle or registrant name.</param>
public sealed record SharedHostingSet(string NameServers, int Handles, int UnrelatedGroups);
