using Landrush.Core.Enumeration;

namespace Landrush.Analysis.Verdict.Spans;

/// <summary>
/// The orders in which someone who wants "a range of numbers" sends a space's all-digit labels: the <b>plain</b>
/// axis (value v is v written without leading zeros: 0, 1, …, 9, 10, …, 99, 100, …, across lengths) and, per width
/// L, the <b>padded</b> axis (v written with exactly L digits: 0000, 0001, …). A width is on an axis only when the
/// space holds every L-digit label in one contiguous run (a <c>digits:L</c> part); within it label v sits at
/// index base + v, so the axes need no tables even for spaces of millions of names.
/// </summary>
public sealed class NumericAxes
{
    /// <summary>Widest label considered (10⁹ values): wider digit parts are not read as numbers.</summary>
    public const int MaxWidth = 9;

    private readonly long[] _base; // per width: index of the label 00…0, or -1 when that width is not on the axes

    private NumericAxes(long[] bases) => _base = bases;

    /// <summary>Widths present, ascending.</summary>
    public IReadOnlyList<int> Widths => [.. Enumerable.Range(1, MaxWidth).Where(w => _base[w] >= 0)];

    /// <summary>The axes of <paramref name="space"/> (its names indexed in the space's own order).</summary>
    public static NumericAxes Of(NameSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var bases = new long[MaxWidth + 1];
        Array.Fill(bases, -1);
        for (var width = 1; width <= MaxWidth; width++)
        {
            var first = space.IndexOf(new string('0', width));
            var last = space.IndexOf(new string('9', width));
            // Contiguous and numeric: the first and last labels bracket exactly 10^width names, and a middle one sits where it should.
            var count = Pow10(width);
            if (first >= 0 && last == first + count - 1 && space.IndexOf((count / 2).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0')) == first + (count / 2))
            {
                bases[width] = first;
            }
        }

        return new NumericAxes(bases);
    }

    /// <summary>Whether width <paramref name="width"/> is on the axes.</summary>
    public bool HasWidth(int width) => width is >= 1 and <= MaxWidth && _base[width] >= 0;

    /// <summary>Values an axis runs over: 10^width for a padded axis, 10^(widest width) for the plain axis (0 = plain).</summary>
    public long Extent(int width) => width > 0 ? Pow10(width) : Pow10(Widths.Count == 0 ? 0 : Widths[^1]);

    /// <summary>Index of value <paramref name="value"/> on the axis of <paramref name="width"/> (0: plain), or -1 when no such name.</summary>
    public long IndexOf(int width, long value)
    {
        if (value < 0)
        {
            return -1;
        }

        if (width == 0)
        {
            width = Digits(value);
        }
        else if (value >= Pow10(width))
        {
            return -1;
        }

        return HasWidth(width) ? _base[width] + value : -1;
    }

    /// <summary>The padded width and value of a name index, or (0, -1) when the name is on no axis.</summary>
    public (int Width, long Value) Locate(long index)
    {
        for (var width = 1; width <= MaxWidth; width++)
        {
            if (_base[width] >= 0 && index >= _base[width] && index < _base[width] + Pow10(width))
            {
                return (width, index - _base[width]);
            }
        }

        return (0, -1);
    }

    /// <summary>The plain value of a name index: its number when written without leading zeros, else -1.</summary>
    public long PlainValue(long index)
    {
        var (width, value) = Locate(index);
        return width > 0 && Digits(value) == width ? value : -1;
    }

    /// <summary>Digits of a non-negative number written plainly (0 has one).</summary>
    public static int Digits(long value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    private static long Pow10(int width)
    {
        long p = 1;
        for (var i = 0; i < width; i++)
        {
            p *= 10;
        }

        return p;
    }
}
