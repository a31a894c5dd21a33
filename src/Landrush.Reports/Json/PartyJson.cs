using Landrush.Analysis.Parties;

namespace Landrush.Reports.Json;

/// <summary>A party in <c>analyze --json</c>'s <c>parties</c>.</summary>
/// <remarks><c>Party</c>: Its index (0 is the largest).</remarks>
public sealed record PartyJson(int Party, string Label, string? RegistrantName, int Holdings, double Share, int Identities, IReadOnlyList<string> Registrars)
{
    /// <param name="party">The party.</param>
    /// <param name="registered">Names whose holder shows, the whole its share is of.</param>
    public static PartyJson From(ResolvedParty party, int registered)
    {
        ArgumentNullException.ThrowIfNull(party);
        return new(party.Index, party.Label, party.DisplayName, party.Holdings, (double)party.Holdings / registered, party.Handles.Count, party.Registrars);
    }
}
