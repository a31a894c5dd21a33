using Landrush.Core.Whois;

namespace Landrush.Reports.Json;

/// <summary>A record's abuse contact in a WHOIS line.</summary>
/// <param name="Phone">Its phone number, when given.</param>
/// <param name="Email">Its e-mail address, when given.</param>
public sealed record WhoisAbuseJson(string? Phone, string? Email)
{
    public static WhoisAbuseJson? From(AbuseContact? a) => a is null ? null : new(a.Phone, a.Email);
}
