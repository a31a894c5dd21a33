using Landrush.Core.Whois;

namespace Landrush.Reports.Json;

/// <summary>A registrant, admin or tech contact in a WHOIS line.</summary>
/// <param name="Handle">Its handle, when shown.</param>
/// <param name="Name">Its name, when shown.</param>
/// <param name="Lines">The contact's lines as read.</param>
public sealed record WhoisContactJson(string? Handle, string? Name, IReadOnlyList<string> Lines)
{
    public static WhoisContactJson? From(WhoisContact? c) => c is null ? null : new(c.Handle, c.Name, c.Lines);
}
