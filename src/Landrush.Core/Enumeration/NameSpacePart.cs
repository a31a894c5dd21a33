using System.Numerics;

namespace Landrush.Core.Enumeration;

/// <summary>
/// One part of a name space: every valid label of one alphabet with a length in
/// [<see cref="MinLength"/>, <see cref="MaxLength"/>], ordered by length, then lexicographically in the
/// alphabet's ordinal order. A label never starts or ends with a hyphen (RFC 1035 §2.3.1).
/// </summary>
public sealed class NameSpacePart
{
    /// <summary>Longest DNS label (RFC 1035 §2.3.4).</summary>
    public const int MaxLabelLength = 63;

    private readonly long[] _countByLength;

    public NameSpacePart(LabelAlphabet alphabet, int minLength, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        if (minLength < 1 || maxLength < minLength || maxLength > MaxLabelLength)
        {
            throw new UserInputException(
                $"bad lengths {minLength}-{maxLength}: a label is 1 to {MaxLabelLength} characters, the smaller length first");
        }

        Alphabet = alphabet;
        MinLength = minLength;
        MaxLength = maxLength;
        ExactCount = BigInteger.Zero;
        for (var len = minLength; len <= maxLength; len++)
        {
            ExactCount += CountOfLength(len);
        }

        // Only filled when it fits; NameSpace refuses larger spaces before any enumeration.
        _countByLength = new long[maxLength - minLength + 1];
        if (ExactCount <= long.MaxValue)
        {
            for (var len = minLength; len <= maxLength; len++)
            {
                _countByLength[len - minLength] = (long)CountOfLength(len);
            }
        }
    }

    public LabelAlphabet Alphabet { get; }

    public int MinLength { get; }

    public int MaxLength { get; }

    /// <summary>Number of labels in this part, exactly (it may exceed <see cref="long"/>).</summary>
    public BigInteger ExactCount { get; }

    public long Count => (long)ExactCount;

    /// <summary>Labels of one length: edge positions exclude the hyphen.</summary>
    public BigInteger CountOfLength(int length)
    {
        BigInteger edge = Alphabet.EdgeCharacters.Length;
        BigInteger all = Alphabet.Characters.Length;
        return length == 1 ? edge : edge * edge * BigInteger.Pow(all, length - 2);
    }

    public string Text => MinLength == MaxLength
        ? $"{Alphabet.Text}:{MinLength}"
        : $"{Alphabet.Text}:{MinLength}-{MaxLength}";

    /// <summary>The label at <paramref name="index"/> (0-based within this part).</summary>
    public string LabelAt(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var len = MinLength;
        while (index >= _countByLength[len - MinLength])
        {
            index -= _countByLength[len - MinLength];
            len++;
        }

        return string.Create(len, (this, index), static (span, state) => state.Item1.Fill(span, state.index));
    }

    /// <summary>Index of <paramref name="label"/> within this part, or -1 when it is not in it.</summary>
    public long IndexOf(ReadOnlySpan<char> label)
    {
        var len = label.Length;
        if (len < MinLength || len > MaxLength)
        {
            return -1;
        }

        long offset = 0;
        for (var l = MinLength; l < len; l++)
        {
            offset += _countByLength[l - MinLength];
        }

        long value = 0;
        for (var pos = 0; pos < len; pos++)
        {
            var digits = DigitsAt(pos, len);
            var d = digits.IndexOf(label[pos]);
            if (d < 0)
            {
                return -1;
            }

            value = (value * digits.Length) + d;
        }

        return offset + value;
    }

    /// <summary>
    /// Streams the labels with local index in [<paramref name="from"/>, <paramref name="to"/>): one string
    /// per label and nothing else (an odometer over a reused buffer).
    /// </summary>
    internal IEnumerable<string> Labels(long from, long to)
    {
        if (from >= to)
        {
            yield break;
        }

        var label = LabelAt(from);
        var len = label.Length;
        var buffer = label.ToCharArray();
        var counters = new int[len];
        for (var pos = 0; pos < len; pos++)
        {
            counters[pos] = DigitsAt(pos, len).IndexOf(buffer[pos], StringComparison.Ordinal);
        }

        // Index where the next length starts.
        long lengthEnd = 0;
        for (var l = MinLength; l <= len; l++)
        {
            lengthEnd += _countByLength[l - MinLength];
        }

        for (var i = from; i < to; i++)
        {
            if (i == lengthEnd)
            {
                len++;
                lengthEnd += _countByLength[len - MinLength];
                buffer = new char[len];
                counters = new int[len];
                for (var pos = 0; pos < len; pos++)
                {
                    buffer[pos] = DigitsAt(pos, len)[0];
                }
            }

            yield return new string(buffer);
            Increment(buffer, counters, len);
        }
    }

    private void Increment(char[] buffer, int[] counters, int len)
    {
        for (var pos = len - 1; pos >= 0; pos--)
        {
            var digits = DigitsAt(pos, len);
            if (++counters[pos] < digits.Length)
            {
                buffer[pos] = digits[counters[pos]];
                return;
            }

            counters[pos] = 0;
            buffer[pos] = digits[0];
        }
    }

    // Mixed radix: first and last positions use the edge alphabet, the middle the full one.
    private string DigitsAt(int pos, int len) =>
        pos == 0 || pos == len - 1 ? Alphabet.EdgeCharacters : Alphabet.Characters;

    private void Fill(Span<char> span, long index)
    {
        for (var pos = span.Length - 1; pos >= 0; pos--)
        {
            var digits = DigitsAt(pos, span.Length);
            span[pos] = digits[(int)(index % digits.Length)];
            index /= digits.Length;
        }
    }
}
