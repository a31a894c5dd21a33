namespace Landrush.Core.Enumeration;

/// <summary>
/// A top-level domain a space lives under: one or more LDH labels (<c>nl</c>, <c>co.uk</c>), lower case,
/// without dots at either end. <see cref="Name"/> makes the names under it.
/// </summary>
public readonly record struct Tld
{
    private Tld(string value) => Value = value;

    /// <summary>The TLD as text, e.g. <c>nl</c>.</summary>
    public string Value { get; }

    /// <summary>Reads a TLD as a user writes it (<c>nl</c>, <c>.NL</c>), lower-cased.</summary>
    /// <exception cref="UserInputException">Not one or more LDH labels.</exception>
    public static Tld Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().Trim('.').ToLowerInvariant();
        return t.Length > 0 && HostName.Problem(t) is null
            ? new Tld(t)
            : throw new UserInputException($"bad TLD '{text}': write e.g. nl");
    }

    /// <summary>The name <paramref name="label"/> under this TLD (<c>0123</c> → <c>0123.nl</c>).</summary>
    /// <exception cref="UserInputException">The label is not one LDH label.</exception>
    public DomainName Name(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return HostName.LabelProblem(label) is { } why
            ? throw new UserInputException($"bad label '{Printable.Escape(label)}': {why}")
            : new DomainName(label.ToLowerInvariant(), Value);
    }

    public override string ToString() => Value ?? string.Empty;
}
