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

    /// <summary>Splits <c>label.tld</c> at the first dot.</summary>
    public static DomainName Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var n = name.Trim().TrimEnd('.').ToLowerInvariant();
        var dot = n.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == n.Length - 1)
        {
            throw new UserInputException($"bad domain name '{name}': write e.g. 1234.nl");
        }

        return new DomainName(n[..dot], NormalizeTld(n[(dot + 1)..]));
    }

    public override string ToString() => $"{Label}.{Tld}";
}
