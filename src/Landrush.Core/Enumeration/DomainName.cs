namespace Landrush.Core.Enumeration;

/// <summary>A name of a space under a TLD: <c>0123.nl</c>. Lower case, no trailing dot.</summary>
public readonly record struct DomainName(string Label, string Tld)
{
    /// <summary>Validates a TLD (one or more LDH labels, e.g. <c>nl</c> or <c>co.uk</c>) and lower-cases it.</summary>
    public static string NormalizeTld(string tld)
    {
        ArgumentNullException.ThrowIfNull(tld);
        var t = tld.Trim().Trim('.').ToLowerInvariant();
        if (t.Length == 0 || t.Split('.').Any(l => l.Length is 0 or > NameSpacePart.MaxLabelLength
                || l[0] == '-' || l[^1] == '-' || !l.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')))
        {
            throw new UserInputException($"bad TLD '{tld}': write e.g. nl");
        }

        return t;
    }

    /// <summary>Longest name in text form without the trailing dot (RFC 1035 §2.3.4, RFC 3696 §2).</summary>
    public const int MaxNameLength = 253;

    /// <summary>
    /// Reads <c>label.tld</c>, split at the first dot. Every label must be LDH (ASCII letters, digits and
    /// hyphens, 1–63 characters, no hyphen at either end) and the whole name at most 253 characters;
    /// the result is lower case. Surrounding white space and one trailing dot (the absolute form) are
    /// dropped; anything else that is not a host name is a <see cref="UserInputException"/>, because a
    /// name is sent to a server as written.
    /// </summary>
    public static DomainName Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var n = name.Trim();
        n = n.EndsWith('.') ? n[..^1] : n;
        var dot = n.IndexOf('.', StringComparison.Ordinal);
        if (n.Length == 0 || dot < 0)
        {
            throw Bad(name, "write e.g. 1234.nl");
        }

        foreach (var label in n.Split('.'))
        {
            CheckLabel(name, label);
        }

        if (n.Length > MaxNameLength)
        {
            throw Bad(name, $"{n.Length} characters, more than {MaxNameLength}");
        }

        n = n.ToLowerInvariant();
        return new DomainName(n[..dot], n[(dot + 1)..]);
    }

    private static void CheckLabel(string name, string label)
    {
        if (label.Length == 0)
        {
            throw Bad(name, "empty label");
        }

        foreach (var c in label)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                throw Bad(name, $"'{Printable.Escape(c.ToString())}' is not a letter, digit or hyphen (write an IDN as xn--…)");
            }
        }

        if (label.Length > NameSpacePart.MaxLabelLength)
        {
            throw Bad(name, $"label '{label}' is longer than {NameSpacePart.MaxLabelLength} characters");
        }

        if (label[0] == '-' || label[^1] == '-')
        {
            throw Bad(name, $"label '{label}' starts or ends with '-'");
        }
    }

    private static UserInputException Bad(string name, string why) => new($"bad domain name '{Printable.Escape(name)}': {why}");

    public override string ToString() => $"{Label}.{Tld}";
}
