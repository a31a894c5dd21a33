namespace Landrush.Core.Enumeration;

/// <summary>
/// A name of a space under a TLD: <c>0123.nl</c>. Lower case, no trailing dot; equal when the text is
/// (ordinal). It holds the text as the one string every file, store and query writes, so a name read from a
/// store or a dataset costs nothing beyond that string.
/// </summary>
public readonly record struct DomainName
{
    private readonly string? _text;
    private readonly int _dot;

    /// <summary>The name <paramref name="label"/>.<paramref name="tld"/>, as given (see <see cref="Parse"/> or <see cref="Enumeration.Tld.Name"/> for a checked one).</summary>
    public DomainName(string label, string tld)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(tld);
        _text = $"{label}.{tld}";
        _dot = label.Length;
    }

    private DomainName(string text, int dot)
    {
        _text = text;
        _dot = dot;
    }

    /// <summary>The label left of the first dot (<c>0123</c>).</summary>
    public string Label => _text is null ? string.Empty : _text[.._dot];

    /// <summary>The TLD right of the first dot (<c>nl</c>, <c>co.uk</c>).</summary>
    public string Tld => _text is null ? string.Empty : _text[(_dot + 1)..];

    /// <summary>Characters of <see cref="Label"/>, without making it.</summary>
    public int LabelLength => _dot;

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

    /// <summary>
    /// Reads a name only when it is written exactly in the canonical form (lower case, no trailing dot, no
    /// white space), as a dataset or a store holds it: nothing is corrected silently there.
    /// </summary>
    public static bool TryParseCanonical(string? name, out DomainName result)
    {
        if (TryRead(name, out result, out _) && string.Equals(result._text, name, StringComparison.Ordinal))
        {
            return true;
        }

        result = default;
        return false;
    }

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

        // ToLowerInvariant returns the same string when it is lower case already: no copy for a canonical name.
        result = new DomainName(n.ToLowerInvariant(), dot);
        why = null;
        return true;
    }

    private static UserInputException Bad(string name, string why) => new($"bad domain name '{Printable.Escape(name)}': {why}");

    public override string ToString() => _text ?? string.Empty;
}
