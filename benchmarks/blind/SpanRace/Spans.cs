using System.Globalization;

namespace SpanRace;

/// <summary>A numeric span as a person asks for it, and the labels it sends in its send order.</summary>
internal abstract record Span
{
    public abstract IEnumerable<int> Labels();

    /// <summary>Invariant formatting for every description.</summary>
    protected static string F(int value, int width = 0) =>
        value.ToString(width == 0 ? "D" : "D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>"The numbers From to To", typed plainly: 0, 1, …, 9, 10, …, 99, 100, … (no leading zeros), so
/// the span crosses lengths when it starts below a power of ten.</summary>
internal sealed record PlainSpan(int From, int To) : Span
{
    public override IEnumerable<int> Labels()
    {
        for (int v = From; v <= To; v++)
        {
            yield return Space.Plain(v);
        }
    }

    public override string ToString() => $"numbers {F(From)}-{F(To)}, plain numeric order";
}

/// <summary>A zero-padded block at one length, e.g. 0000-4999, sent 0000, 0001, ….</summary>
internal sealed record PaddedSpan(int Width, int From, int To) : Span
{
    public override IEnumerable<int> Labels()
    {
        for (int v = From; v <= To; v++)
        {
            yield return Space.Padded(Width, v);
        }
    }

    public override string ToString() => $"block {F(From, Width)}-{F(To, Width)}, zero-padded, ascending";
}

/// <summary>How range parties and collectors choose what they want.</summary>
internal static class Spans
{
    /// <summary>A bound a person would pick: two significant digits (2100, 4500, 12000), often one less (4999).</summary>
    public static int HumanBound(Rng rng, double lo, double hi)
    {
        double x = rng.LogUniform(lo, hi);
        int unit = Space.Pow10(Math.Max(0, (int)Math.Floor(Math.Log10(x)) - 1));
        int bound = (int)Math.Round(x / unit) * unit;
        return Math.Min(99_999, rng.Chance(0.4) ? bound - 1 : bound);
    }

    /// <summary>One span: "the numbers up to N" (half), a zero-padded block (four in ten), or a plain block at
    /// one length such as 1000-4999 (one in ten). Sizes from a few hundred to tens of thousands.</summary>
    public static Span Draw(Rng rng)
    {
        double r = rng.NextDouble();
        if (r < 0.5)
        {
            return new PlainSpan(0, HumanBound(rng, 300, 40_000));
        }
        if (r < 0.9)
        {
            return DrawPadded(rng);
        }
        int width = rng.Chance(0.7) ? 4 : 5;
        int unit = Space.Pow10(width - 1);
        int from = unit * rng.Between(1, 5);
        int to = Math.Min(from + (unit * rng.Between(1, 4)), Space.Pow10(width)) - 1;
        return new PlainSpan(from, to);
    }

    /// <summary>A span that shares part of another: the same kind, start and width, a bound between a third and
    /// three times as far; or, for a block, the same size shifted by up to half of it.</summary>
    public static Span DrawOverlapping(Rng rng, Span other)
    {
        switch (other)
        {
            case PlainSpan plain:
                int size = plain.To - plain.From + 1;
                int limit = plain.From == 0 ? 99_999 : Space.Pow10(Space.DigitCount(plain.From)) - 1;
                int to = Math.Clamp(plain.From + HumanBound(rng, size / 3.0, size * 3.0), plain.From + 100, limit);
                return new PlainSpan(plain.From, to == plain.To ? to - (size / 2) : to);
            case PaddedSpan block:
                int length = block.To - block.From + 1;
                int top = Space.Pow10(block.Width) - 1;
                int shift = 100 * (int)Math.Round(rng.Uniform(-0.5, 0.5) * length / 100);
                int from = Math.Clamp(block.From + (shift == 0 ? length / 4 : shift), 0, Math.Max(0, top - length + 1));
                return new PaddedSpan(block.Width, from, Math.Min(top, from + length - 1));
            default:
                return Draw(rng);
        }
    }

    /// <summary>A second span for the same party: drawn afresh, redrawn while more than a tenth of it repeats the first.</summary>
    public static Span DrawSecond(Rng rng, Span first)
    {
        var wanted = first.Labels().ToHashSet();
        Span second = Draw(rng);
        for (int tries = 0; tries < 20 && second.Labels().Count(wanted.Contains) * 10 > second.Labels().Count(); tries++)
        {
            second = Draw(rng);
        }
        return second;
    }

    private static PaddedSpan DrawPadded(Rng rng)
    {
        double r = rng.NextDouble();
        if (r < 0.15)
        {
            return new PaddedSpan(3, 0, rng.Chance(0.5) ? 499 : 999);
        }
        if (r < 0.75)
        {
            int[] sizes = [500, 1000, 2000, 2500, 5000, 10_000];
            int size = rng.Pick(sizes);
            int from = rng.Chance(0.7) || size == 10_000 ? 0 : 1000 * rng.Below((10_000 - size) / 1000 + 1);
            return new PaddedSpan(4, from, from + size - 1);
        }
        int[] bigSizes = [1000, 2000, 5000, 10_000, 20_000, 30_000];
        int big = rng.Pick(bigSizes);
        int start = rng.Chance(0.6) ? 0 : 10_000 * rng.Below((100_000 - big) / 10_000 + 1);
        return new PaddedSpan(5, start, start + big - 1);
    }

    /// <summary>A range party's list: its favourites (if any), then each span in turn. A label already sent is
    /// not sent again (a second request for a name one already asked for is pointless).</summary>
    public static int[] Concat(IReadOnlyList<int> favourites, IReadOnlyList<Span> spans)
    {
        var seen = new HashSet<int>();
        var list = new List<int>();
        foreach (int label in favourites.Concat(spans.SelectMany(s => s.Labels())))
        {
            if (seen.Add(label))
            {
                list.Add(label);
            }
        }
        return [.. list];
    }

    /// <summary>A collector's themed set, in its natural order.</summary>
    public static (string Description, int[] List) Collector(Rng rng) => rng.Below(4) switch
    {
        0 => ("every year 1900-2030, ascending", Enumerable.Range(1900, 131).Select(Space.Plain).ToArray()),
        1 => ("every repdigit of 2-5 digits, shortest first", RepDigits()),
        2 => ("every area-code-like 0dd (010-099), ascending", Enumerable.Range(10, 90).Select(v => Space.Padded(3, v)).ToArray()),
        _ => ("every multiple of 100 from 100 to 9900, ascending", Enumerable.Range(1, 99).Select(k => Space.Plain(k * 100)).ToArray()),
    };

    private static int[] RepDigits()
    {
        var list = new List<int>();
        for (int length = 2; length <= Space.MaxLength; length++)
        {
            for (int d = 0; d <= 9; d++)
            {
                list.Add(Space.Padded(length, d * ((Space.Pow10(length) - 1) / 9)));
            }
        }
        return [.. list];
    }
}
