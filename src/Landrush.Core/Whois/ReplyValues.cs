using System.Globalization;
using System.Net;

namespace Landrush.Core.Whois;

/// <summary>
/// How a value in a registry reply is read, shared by the WHOIS and RDAP readers: dates, contact
/// handles and glue addresses. Host and domain names are read by
/// <see cref="Enumeration.DomainName.TryParse"/>, nowhere else.
/// </summary>
public static class ReplyValues
{
    /// <summary>Date formats of .nl replies: <c>dd-MM-yyyy</c> (2008–2009) and <c>yyyy-MM-dd</c> (later, and RDAP).</summary>
    public static IReadOnlyList<string> DateFormats { get; } = ["dd-MM-yyyy", "yyyy-MM-dd"];

    /// <summary>Reads <c>27-05-1999</c> (2008–2009) or <c>1998-02-20</c> (later, RDAP), optionally followed by a
    /// time (<c>T…</c> or a space and anything), which is ignored: the date is the one written.</summary>
    public static bool TryDate(string value, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(value);
        var v = value.Length > 10 && value[10] is 'T' or ' ' ? value[..10] : value;
        return DateOnly.TryParseExact(v, [.. DateFormats], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>A contact handle such as <c>GOO001748-MARKM</c>: 5–40 upper-case letters, digits and at
    /// least one hyphen, with at least one letter and one digit, no spaces.</summary>
    public static bool IsHandle(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length is >= 5 and <= 40
            && value.Contains('-', StringComparison.Ordinal)
            && value.Any(char.IsAsciiDigit)
            && value.Any(char.IsAsciiLetterUpper)
            && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');
    }

    /// <summary>A glue address written in full: dotted-quad IPv4 or IPv6 (<see cref="IPAddress.TryParse(string, out IPAddress)"/>
    /// alone would read <c>1</c> as 0.0.0.1).</summary>
    public static bool TryAddress(string token, out IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(token);
        address = IPAddress.None;
        var isV4 = token.Count(c => c == '.') == 3 && token.All(c => char.IsAsciiDigit(c) || c == '.');
        var isV6 = token.Contains(':', StringComparison.Ordinal) && token.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.');
        if ((isV4 || isV6) && IPAddress.TryParse(token, out var parsed))
        {
            address = parsed;
            return true;
        }

        return false;
    }
}
