namespace Landrush.Core.Enumeration;

/// <summary>
/// A host name (RFC 1123 §2.1): dot-separated LDH labels (ASCII letters, digits and hyphens, 1–63
/// characters, no hyphen at either end), at most 253 characters, lower case, no trailing dot. The one place
/// those rules are written: <see cref="DomainName"/>, <see cref="Tld"/>, the name servers of a WHOIS reply and
/// the dataset's <c>name_servers</c> column all read through it.
/// </summary>
public readonly record struct HostName
{
    /// <summary>Longest name in text form without the trailing dot (RFC 1035 §2.3.4, RFC 3696 §2).</summary>
    public const int MaxLength = 253;

    private HostName(string value) => Value = value;

    /// <summary>The name as text: lower case, no trailing dot.</summary>
    public string Value { get; }

    /// <summary>Whether the name has more than one label (a server's name, not a bare word).</summary>
    public bool IsQualified => Value?.Contains('.', StringComparison.Ordinal) ?? false;

    /// <summary>
    /// Reads a host name as a server writes it: surrounding white space and one trailing dot (the absolute
    /// form) are dropped and letters lower-cased; false when what is left breaks the rules.
    /// </summary>
    public static bool TryParse(string? text, out HostName host)
    {
        host = default;
        if (text is null)
        {
            return false;
        }

        var n = text.Trim();
        n = n.EndsWith('.') ? n[..^1] : n;
        if (n.Length == 0 || Problem(n) is not null)
        {
            return false;
        }

        host = new HostName(n.ToLowerInvariant());
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a host name written exactly in the canonical form (lower case, no trailing dot).</summary>
    public static bool IsCanonical(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Problem(text) is null && !text.AsSpan().ContainsAnyInRange('A', 'Z');
    }

    /// <summary>What breaks the rules in <paramref name="text"/> (letters of either case allowed), or null when nothing does.</summary>
    internal static string? Problem(string text)
    {
        // Label by label without splitting: a name read from every row of a store costs no allocation here.
        var start = 0;
        while (true)
        {
            var dot = text.IndexOf('.', start);
            var end = dot < 0 ? text.Length : dot;
            if (LabelProblem(text.AsSpan(start, end - start)) is { } problem)
            {
                return problem;
            }

            if (dot < 0)
            {
                break;
            }

            start = dot + 1;
        }

        return text.Length > MaxLength ? $"{text.Length} characters, more than {MaxLength}" : null;
    }

    /// <summary>What breaks the rules for one label, or null when nothing does.</summary>
    internal static string? LabelProblem(ReadOnlySpan<char> label)
    {
        if (label.Length == 0)
        {
            return "empty label";
        }

        foreach (var c in label)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return $"'{Printable.Escape(c.ToString())}' is not a letter, digit or hyphen (write an IDN as xn--…)";
            }
        }

        if (label.Length > NameSpacePart.MaxLabelLength)
        {
            return $"label '{label.ToString()}' is longer than {NameSpacePart.MaxLabelLength} characters";
        }

        return label[0] == '-' || label[^1] == '-' ? $"label '{label.ToString()}' starts or ends with '-'" : null;
    }

    public override string ToString() => Value ?? string.Empty;
}
