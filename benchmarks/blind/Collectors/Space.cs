using System.Globalization;

namespace Collectors;

/// <summary>
/// A name space of all digit labels of lengths MinLen..MaxLen, leading zeros included, in the space's order:
/// by length, then by value (0, …, 9, 00, …, 99, …). A label is handled as its index in that order; the
/// index of (length, value) is the offset of its length plus the value.
/// </summary>
internal sealed class Space
{
    private static readonly Dictionary<(int, int), Space> Cache = [];
    private readonly int[] _offset;
    private readonly string[] _labels;

    private Space(int minLen, int maxLen)
    {
        MinLen = minLen;
        MaxLen = maxLen;
        _offset = new int[maxLen - minLen + 2];
        for (int len = minLen; len <= maxLen; len++)
        {
            _offset[len - minLen + 1] = _offset[len - minLen] + Pow10(len);
        }

        Size = _offset[^1];
        _labels = new string[Size];
        for (int len = minLen; len <= maxLen; len++)
        {
            string format = "D" + len.ToString(CultureInfo.InvariantCulture);
            for (int v = 0; v < Pow10(len); v++)
            {
                _labels[_offset[len - minLen] + v] = v.ToString(format, CultureInfo.InvariantCulture);
            }
        }
    }

    public int MinLen { get; }

    public int MaxLen { get; }

    public int Size { get; }

    public string Spec => MinLen == MaxLen
        ? string.Create(CultureInfo.InvariantCulture, $"digits:{MinLen}")
        : string.Create(CultureInfo.InvariantCulture, $"digits:{MinLen}-{MaxLen}");

    /// <summary>Spaces are shared between landrushes: building the label table once is most of their cost.</summary>
    public static Space Get(int minLen, int maxLen)
    {
        if (!Cache.TryGetValue((minLen, maxLen), out Space? space))
        {
            space = new Space(minLen, maxLen);
            Cache[(minLen, maxLen)] = space;
        }

        return space;
    }

    public static int Pow10(int n)
    {
        int p = 1;
        for (int i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }

    public static int PlainLength(int value) => value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : 5;

    public bool Has(int len) => len >= MinLen && len <= MaxLen;

    public int Index(int len, int value) => _offset[len - MinLen] + value;

    public string Label(int index) => _labels[index];

    /// <summary>The index of a label written without leading zeros (plain numeric), or -1 if not in the space.</summary>
    public int PlainIndex(int value)
    {
        int len = PlainLength(value);
        return Has(len) ? Index(len, value) : -1;
    }
}
