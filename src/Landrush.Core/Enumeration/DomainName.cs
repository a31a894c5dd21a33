namespace Landrush.Core.Enumeration;

/// <summary>A name of a space under a TLD: <c>0123.nl</c>. Lower case, no trailing dot.</summary>
public readonly record struct DomainName(string Label, string Tld)
{
    /// <summary>Validates a TLD (one or more LDH labels, e.g. <c>nl</c> or <c>co.uk</c>) and lower-cases it: <see cref="Tld.Parse"/>'s text.</summary>
    public static string NormalizeTld(string tld) => Enumeration.Tld.Parse(tld).Value;

    /// <summary>Longest name in text form without the trailing dot (RFC 1035 §2.3.4, RFC 3696 §2).</summary>
    public const int MaxNameLength = HostName.MaxLength;

    /// <summary>
    /// Reads <c>label.tld</c>, split at the first dot. Every label must be LDH (ASCII letters, digits and hyphens, 1–63
    /// characters, no hyphen at either end) and the whole name at most 253 characters (<see cref="HostName"/>);
    /// the result is lower case. Surrounding white space and one trailing dot (the absolute form) are
    /// dropped; anything else that is not a host name is a <see cref="UserInputException"/>, because a
    /// name is sent to a server as written.
    /// </summary>
    public static DomainName Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryRead(name, out var result, out var why) ? result : throw Bad(name, why!);
    }

    /// <summary>
    /// The same rules as <see cref="Parse"/> without an exception: for names read out of a server's reply
    /// (a record's domain, a name server, <c>x.nl is free</c>), where a bad name is a fact about the reply,
    /// not a user's mistake.
    /// </summary>
    public static bool TryParse(string? name, out DomainName result) => TryRead(name, out result, out _);

    private static bool TryRead(string? name, out DomainName result, out string? why)
    {
        result = default;
        if (name is null)
        {
            why = "write e.g. 1234.nl";
            return false;
        }

        var n = name.Trim();
        n = n.EndsWith('.') ? n[..^1] : n;
        var dot = n.IndexOf('.', StringComparison.Ordinal);
        if (n.Length == 0 || dot < 0)
        {
            why = "write e.g. 1234.nl";
            return false;
        }

        if (HostName.Problem(n) is { } problem)
        {
            why = problem;
            return false;
        }

        n = n.ToLowerInvariant();
        result = new DomainName(n[..dot], n[(dot + 1)..]);
        why = null;
        return true;
    }

    private static UserInputException Bad(string name, string why) => new($"bad domain name '{Printable.Escape(name)}': {why}");

    public override string ToString() => $"{Label}.{Tld}";
}
