using Landrush.Analysis.Parties;

namespace Landrush.Reports.Json;

/// <summary>A party that registered through several registrars, in <c>analyze --json</c>'s <c>registrar_fronts</c>.</summary>
/// <remarks><c>Names</c>: Names the party holds through them.</remarks>
public sealed record RegistrarFrontJson(string Party, IReadOnlyList<string> Registrars, int Names)
{
    public static RegistrarFrontJson From(RegistrarFront front)
    {
        ArgumentNullException.ThrowIfNull(front);
        return new(front.PartyLabel, front.Registrars, front.PartyNames.Sum());
    }
}
