using System.Globalization;

namespace Landrush.Core.Enumeration;

/// <summary>
/// Shard <see cref="Number"/> of <see cref="Of"/> (1-based, written <c>3/8</c>): a contiguous index range,
/// so that the shards of a space partition it exactly and each can be resumed by index.
/// </summary>
public sealed record Shard(int Number, int Of)
{
    public static Shard All { get; } = new(1, 1);

    /// <summary>Parses <c>K/N</c> with 1 ≤ K ≤ N.</summary>
    public static Shard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && k >= 1 && k <= n)
        {
            return new Shard(k, n);
        }

        throw new UserInputException($"bad shard '{text}': write K/N with 1 <= K <= N, e.g. 3/8");
    }

    /// <summary>Index range [start, end) of this shard in a space of <paramref name="count"/> names.</summary>
    public (long Start, long End) RangeIn(long count)
    {
        // Exact integer split; Int128 because count * Of may overflow long.
        var start = (long)((Int128)count * (Number - 1) / Of);
        var end = (long)((Int128)count * Number / Of);
        return (start, end);
    }

    public override string ToString() => $"{Number}/{Of}";
}
