using System.Globalization;
using System.Numerics;

namespace Landrush.Core.Enumeration;

/// <summary>
/// A finite, ordered set of DNS labels described by a spec such as <c>digits:1-5</c> (the default:
/// 0..9, 00..99, …, 00000..99999, 111,110 labels), <c>digits:4</c>, <c>digits:1-3+letters:2</c> or
/// <c>[0-9a-z-]:1-3</c>. Parts are enumerated in the order written. Every label has an index in
/// [0, <see cref="Count"/>), so a harvest can be sharded and resumed by index.
/// </summary>
public sealed class NameSpace
{
    /// <summary>The default spec: the 2008 .nl numeric landrush as counted in March 2008.</summary>
    public const string DefaultSpec = "digits:1-5";

    /// <summary>Largest space that can be enumerated in practice; larger ones are refused.</summary>
    public const long MaxCount = 1_000_000_000;

    private readonly NameSpacePart[] _parts;
    private readonly long[] _starts;

    private NameSpace(string spec, NameSpacePart[] parts)
    {
        Spec = spec;
        _parts = parts;
        _starts = new long[parts.Length];
        long total = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            _starts[i] = total;
            total += parts[i].Count;
        }

        Count = total;
    }

    /// <summary>The canonical spec text.</summary>
    public string Spec { get; }

    public IReadOnlyList<NameSpacePart> Parts => _parts;

    /// <summary>Number of labels, computed without enumerating.</summary>
    public long Count { get; }

    public static NameSpace Default { get; } = Parse(DefaultSpec);

    /// <summary>Parses and validates a spec.</summary>
    /// <exception cref="UserInputException">With a one-line message saying what is wrong.</exception>
    public static NameSpace Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new UserInputException("empty name-space spec: write e.g. digits:1-5");
        }

        var parts = new List<NameSpacePart>();
        foreach (var text in SplitParts(spec.Trim()))
        {
            parts.Add(ParsePart(text, spec));
        }

        for (var i = 0; i < parts.Count; i++)
        {
            for (var j = i + 1; j < parts.Count; j++)
            {
                if (Overlap(parts[i], parts[j]))
                {
                    throw new UserInputException(
                        $"name-space parts '{parts[i].Text}' and '{parts[j].Text}' overlap: some labels would be counted twice");
                }
            }
        }

        var exact = parts.Aggregate(BigInteger.Zero, (sum, p) => sum + p.ExactCount);
        if (exact > MaxCount)
        {
            throw new UserInputException(
                $"name space '{spec.Trim()}' has {exact.ToString("N0", CultureInfo.InvariantCulture)} names, " +
                $"more than the {MaxCount.ToString("N0", CultureInfo.InvariantCulture)} that can be enumerated in practice");
        }

        return new NameSpace(string.Join('+', parts.Select(p => p.Text)), [.. parts]);
    }

    /// <summary>The label at <paramref name="index"/>.</summary>
    public string NameAt(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var part = PartOf(index);
        return _parts[part].LabelAt(index - _starts[part]);
    }

    /// <summary>The index of <paramref name="label"/>, or -1 when it is not in the space.</summary>
    public long IndexOf(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        for (var i = 0; i < _parts.Length; i++)
        {
            var local = _parts[i].IndexOf(label);
            if (local >= 0)
            {
                return _starts[i] + local;
            }
        }

        return -1;
    }

    public bool Contains(string label) => IndexOf(label) >= 0;

    /// <summary>Streams every label in index order without holding them in memory.</summary>
    public IEnumerable<string> Enumerate() => Enumerate(0, Count);

    /// <summary>Streams the labels with index in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public IEnumerable<string> Enumerate(long start, long end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        return EnumerateRange(start, end);
    }

    /// <summary>Streams the labels of one shard (contiguous index range).</summary>
    public IEnumerable<string> Enumerate(Shard shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var (start, end) = shard.RangeIn(Count);
        return Enumerate(start, end);
    }

    private IEnumerable<string> EnumerateRange(long start, long end)
    {
        for (var part = 0; part < _parts.Length && start < end; part++)
        {
            var partEnd = _starts[part] + _parts[part].Count;
            if (start >= partEnd)
            {
                continue;
            }

            var stop = Math.Min(end, partEnd);
            foreach (var label in _parts[part].Labels(start - _starts[part], stop - _starts[part]))
            {
                yield return label;
            }

            start = stop;
        }
    }

    public override string ToString() => Spec;

    /// <summary>
    /// The same names with the parts in a canonical order (shortest first, then by alphabet), so that two spellings of
    /// one set, such as <c>digits:4-5+digits:1-3</c> and <c>digits:1-3+digits:4-5</c>, put their names in the same
    /// order. Analyses that read consecutive names (blocks, send order) use it; a harvest keeps the order written.
    /// </summary>
    public NameSpace Canonical()
    {
        var sorted = _parts.OrderBy(p => p.MinLength).ThenBy(p => p.MaxLength)
            .ThenBy(p => p.Alphabet.Characters, StringComparer.Ordinal).ToArray();
        return sorted.SequenceEqual(_parts) ? this : new NameSpace(string.Join('+', sorted.Select(p => p.Text)), sorted);
    }

    private int PartOf(long index)
    {
        var part = Array.BinarySearch(_starts, index);
        if (part < 0)
        {
            part = ~part - 1;
        }

        // Skip empty parts that share a start.
        while (part + 1 < _starts.Length && _starts[part + 1] <= index)
        {
            part++;
        }

        return part;
    }

    private static IEnumerable<string> SplitParts(string spec)
    {
        // '+' separates parts, except inside a bracket set (where '+' is invalid anyway and reported there).
        var depth = 0;
        var start = 0;
        for (var i = 0; i < spec.Length; i++)
        {
            depth += spec[i] switch { '[' => 1, ']' => -1, _ => 0 };
            if (spec[i] == '+' && depth == 0)
            {
                yield return spec[start..i];
                start = i + 1;
            }
        }

        yield return spec[start..];
    }

    private static NameSpacePart ParsePart(string text, string spec)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new UserInputException(
                $"bad name-space part '{text}' in '{spec}': write CLASS:LENGTHS, e.g. digits:1-5 or [0-9a-z-]:3");
        }

        var alphabet = LabelAlphabet.Parse(text[..colon]);
        var lengths = text[(colon + 1)..];
        var dash = lengths.IndexOf('-', StringComparison.Ordinal);
        var min = ParseLength(dash < 0 ? lengths : lengths[..dash], text);
        var max = dash < 0 ? min : ParseLength(lengths[(dash + 1)..], text);
        return new NameSpacePart(alphabet, min, max);
    }

    private static int ParseLength(string s, string part)
    {
        if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > NameSpacePart.MaxLabelLength)
        {
            throw new UserInputException(
                $"bad length '{s}' in '{part}': a label is 1 to {NameSpacePart.MaxLabelLength} characters");
        }

        return n;
    }

    private static bool Overlap(NameSpacePart a, NameSpacePart b) =>
        a.MinLength <= b.MaxLength && b.MinLength <= a.MaxLength && a.Alphabet.SharesEdgeCharacterWith(b.Alphabet);
}
