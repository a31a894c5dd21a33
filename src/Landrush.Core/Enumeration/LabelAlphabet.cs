namespace Landrush.Core.Enumeration;

/// <summary>
/// The characters a part of a name space draws from, in ordinal order. Only LDH characters
/// (RFC 1035 §2.3.1: letters, digits, hyphen) are allowed; letters are lower case.
/// </summary>
public sealed class LabelAlphabet : IEquatable<LabelAlphabet>
{
    private readonly string _all;

    // Without the hyphen: the characters allowed at the first and last position of a label.
    private readonly string _edge;

    private LabelAlphabet(string sortedDistinct, string text)
    {
        _all = sortedDistinct;
        _edge = sortedDistinct.Replace("-", string.Empty, StringComparison.Ordinal);
        Text = text;
    }

    /// <summary>The spec text it was parsed from (<c>digits</c>, <c>[0-9a-z-]</c>).</summary>
    public string Text { get; }

    /// <summary>Every character, ordinal order.</summary>
    public string Characters => _all;

    /// <summary>Characters allowed first and last in a label (all but the hyphen), ordinal order.</summary>
    public string EdgeCharacters => _edge;

    public bool HasHyphen => _all.Length != _edge.Length;

    public static LabelAlphabet Digits { get; } = new("0123456789", "digits");

    public static LabelAlphabet Letters { get; } = new("abcdefghijklmnopqrstuvwxyz", "letters");

    public static LabelAlphabet Alnum { get; } = new("0123456789abcdefghijklmnopqrstuvwxyz", "alnum");

    public static LabelAlphabet Ldh { get; } = new("-0123456789abcdefghijklmnopqrstuvwxyz", "ldh");

    /// <summary>
    /// Parses a class name (<c>digits</c>, <c>letters</c>, <c>alnum</c>, <c>ldh</c>) or a bracket set such as
    /// <c>[0-9a-z-]</c> (ranges <c>x-y</c>; a hyphen first or last is literal).
    /// </summary>
    /// <exception cref="UserInputException">Unknown class, empty set, or a character outside LDH.</exception>
    public static LabelAlphabet Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text)
        {
            case "digits": return Digits;
            case "letters": return Letters;
            case "alnum": return Alnum;
            case "ldh": return Ldh;
        }

        if (text.Length < 2 || text[0] != '[' || text[^1] != ']')
        {
            throw new UserInputException(
                $"unknown character class '{text}': use digits, letters, alnum, ldh or a set such as [0-9a-z-]");
        }

        var body = text[1..^1];
        if (body.Length == 0)
        {
            throw new UserInputException($"empty character set '{text}'");
        }

        var chars = new SortedSet<char>();
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            var isRange = c != '-' && i + 2 < body.Length && body[i + 1] == '-';
            if (isRange)
            {
                var end = body[i + 2];
                if (end < c)
                {
                    throw new UserInputException($"reversed range '{c}-{end}' in character set '{text}'");
                }

                for (var x = c; x <= end; x++)
                {
                    chars.Add(Check(x, text));
                }

                i += 2;
            }
            else
            {
                chars.Add(Check(c, text));
            }
        }

        var sorted = new string([.. chars]);
        if (sorted == "-")
        {
            throw new UserInputException($"character set '{text}' has only the hyphen, which cannot start a label");
        }

        return new LabelAlphabet(sorted, text);
    }

    private static char Check(char c, string text) =>
        c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or '-'
            ? c
            : throw new UserInputException(
                $"character '{c}' in set '{text}' is not allowed in a DNS label (use 0-9, a-z and -)");

    /// <summary>True when both alphabets share a character that may start a label.</summary>
    public bool SharesEdgeCharacterWith(LabelAlphabet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _edge.AsSpan().IndexOfAny(other._edge) >= 0;
    }

    public bool Equals(LabelAlphabet? other) => other is not null && _all == other._all;

    public override bool Equals(object? obj) => Equals(obj as LabelAlphabet);

    public override int GetHashCode() => _all.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Text;
}
