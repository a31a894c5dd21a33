using System.Globalization;

namespace TwoFleets;

/// <summary>One piece of a range party's list, sent as one run.</summary>
internal abstract record Part
{
    public abstract IEnumerable<int> Names(Rng? rng, ISet<int> span);

    public abstract string Describe();
}

/// <summary>
/// A numeric span: Length 0 means numbers written plainly (0, 1, ..., 9, 10, ..., 2100); 1 to 5 a zero-padded
/// block at that length (0000 ... 4999). Sent bottom-up, or top-down when Descending.
/// </summary>
internal sealed record Span(int Length, int Lo, int Hi, bool Descending = false) : Part
{
    public int Size => Hi - Lo + 1;

    public override IEnumerable<int> Names(Rng? rng, ISet<int> span)
    {
        for (int k = 0; k < Size; k++)
        {
            int value = Descending ? Hi - k : Lo + k;
            yield return Length == 0 ? Space.Plain(value) : Space.Index(Length, value);
        }
    }

    public override string Describe()
    {
        string what = Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"numbers {Lo}-{Hi}")
            : string.Create(CultureInfo.InvariantCulture, $"{Length}-digit block {Space.Pad(Length, Lo)}-{Space.Pad(Length, Hi)}");
        return what + (Descending ? " top-down" : "");
    }

    public Span Slice(int lo, int hi) => this with { Lo = lo, Hi = hi };
}

/// <summary>
/// A handful (or a few hundred) of favourite names sent as a run: the most attractive names of the party's own
/// spans, or (FromAll) of all names written without a leading zero, by generic attractiveness with a little noise.
/// </summary>
internal sealed record Favourites(int Count, bool FromAll) : Part
{
    public override IEnumerable<int> Names(Rng? rng, ISet<int> span)
    {
        ArgumentNullException.ThrowIfNull(rng);
        IEnumerable<int> pool = FromAll
            ? Enumerable.Range(0, Space.Count).Where(i => !NameFeatures.All[i].LeadingZero)
            : span.Order();
        return pool.Select(i => (Index: i, Key: NameFeatures.All[i].Generic + (0.5 * rng.Normal())))
            .OrderByDescending(x => x.Key).ThenBy(x => x.Index).Take(Count).Select(x => x.Index).ToList();
    }

    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} favourites{(FromAll ? " from anywhere" : "")}");
}

/// <summary>A range party's whole plan: its parts in send order, and when its script starts.</summary>
internal sealed class RangePlan(List<Part> parts)
{
    public List<Part> Parts { get; } = parts;

    public double StartDelay { get; set; }

    /// <summary>The send order: parts one after another, each name once (its first occurrence).</summary>
    public int[] BuildList(Rng rng)
    {
        HashSet<int> span = SpanNames();
        var seen = new HashSet<int>();
        var list = new List<int>();
        foreach (Part part in Parts)
        {
            list.AddRange(part.Names(rng, span).Where(seen.Add));
        }
        return [.. list];
    }

    /// <summary>Every name of the plan's spans (favourites aside).</summary>
    public HashSet<int> SpanNames()
    {
        var span = new HashSet<int>();
        foreach (Span s in Parts.OfType<Span>())
        {
            span.UnionWith(s.Names(null, span));
        }
        return span;
    }

    public string Describe() => string.Join(", then ", Parts.Select(p => p.Describe()));
}

/// <summary>Where the range parties' spans lie. Every layout puts them where ordinary demand is.</summary>
internal static class Layouts
{
    /// <summary>Two range parties' plans whose spans overlap in one of six ways.</summary>
    public static (RangePlan A, RangePlan B) Pair(Rng rng)
    {
        (List<Part> a, List<Part> b) = rng.Below(6) switch
        {
            0 => SameStart(rng),
            1 => Nested(rng),
            2 => Shifted(rng),
            3 => ByLength(rng),
            4 => Like2008(rng),
            _ => Adjacent(rng),
        };
        return (Finish(a, rng), Finish(b, rng));
    }

    /// <summary>A third range party (fair landrushes only).</summary>
    public static RangePlan Third(Rng rng)
    {
        int five = rng.Pick(10_000, 20_000, 50_000);
        List<Part> parts = rng.Below(5) switch
        {
            0 => [new Span(0, 1900, 2100), new Span(4, 0, 999)],
            1 => [new Span(3, 0, 999)],
            2 => [new Span(0, 0, 999), new Span(4, 8000, 8999)],
            3 => [new Span(5, five, five + 2499)],
            _ => [new Span(0, 8000, 9999)],
        };
        return Finish(parts, rng);
    }

    /// <summary>Tops up two plans with five-digit blocks until their spans cover at least 8,500 names.</summary>
    public static void TopUp(RangePlan a, RangePlan b, Rng rng)
    {
        var union = a.SpanNames();
        union.UnionWith(b.SpanNames());
        int need = 8_500 - union.Count;
        if (need > 0)
        {
            int size = (need + 499) / 500 * 500;
            int lo = rng.Pick(10_000, 12_000, 20_000, 50_000, 70_000);
            RangePlan smaller = a.SpanNames().Count <= b.SpanNames().Count ? a : b;
            smaller.Parts.Add(new Span(5, lo, lo + size - 1));
        }
    }

    // "the numbers up to a" and "the numbers up to b": same start, different bounds
    private static (List<Part>, List<Part>) SameStart(Rng rng)
    {
        int a = rng.Pick(2100, 2999, 3999, 4999);
        int aEnd = a == 4999 ? rng.Pick(5999, 6999) : rng.Pick(4999, 5999);
        int b = rng.Pick(999, 1500, 2100, 2500, 2999);
        if (b == a)
        {
            b = 1500;
        }
        return (ContinuationFirst(new Span(0, 0, a), new Span(0, a + 1, aEnd), rng),
                ContinuationFirst(new Span(0, 0, b), new Span(0, aEnd + 1, 9999), rng));
    }

    // a zero-padded block (0000-4999) and, inside it, a smaller block; each with more beyond
    private static (List<Part>, List<Part>) Nested(Rng rng)
    {
        int aEnd = rng.Pick(4999, 5999, 6999);
        List<Part> a = rng.Chance(0.4) ? [new Span(3, 0, 999), new Span(4, 0, aEnd)] : [new Span(4, 0, aEnd)];
        Span inner = rng.Below(6) switch
        {
            0 => new Span(0, 1000, 2999),
            1 => new Span(0, 1900, 2100),
            2 => new Span(0, 0, 2100),
            3 => new Span(0, 2000, 3999),
            4 => new Span(4, 1000, 1999),
            _ => new Span(4, 0, 999),
        };
        return (a, ContinuationFirst(inner, new Span(0, aEnd + 1, 9999), rng));
    }

    // two blocks of the same kind, the second shifted by 2000-3000
    private static (List<Part>, List<Part>) Shifted(Rng rng)
    {
        int lo = rng.Pick(0, 1000);
        int width = rng.Pick(4000, 5000);
        int shift = rng.Pick(2000, 2500, 3000);
        int widthB = rng.Pick(4000, 5000);
        Span a = lo == 0 && rng.Chance(0.5) ? new Span(4, 0, width - 1) : new Span(0, lo, lo + width - 1);
        var b = new Span(a.Length, lo + shift, Math.Min(9999, lo + shift + widthB - 1));
        return ([a], [b]);
    }

    // all 2-digit, then all 3-digit, then a 4-digit block, against the numbers up to b
    private static (List<Part>, List<Part>) ByLength(Rng rng)
    {
        List<Part> a = [new Span(2, 0, 99), new Span(3, 0, 999), new Span(4, 0, rng.Pick(1999, 2999, 3999))];
        if (rng.Chance(0.5))
        {
            a.Insert(0, new Span(1, 0, 9));
        }
        int b = rng.Pick(2100, 2999, 4999);
        return (a, ContinuationFirst(new Span(0, 0, b), new Span(0, Math.Max(b + 1, 5000), 9999), rng));
    }

    // as in .nl 2008: A the block 0-2100 and a continuation; B a few hundred attractive names and 5000-9999
    private static (List<Part>, List<Part>) Like2008(Rng rng)
    {
        var block = new Span(0, 0, 2100);
        var continuation = new Span(0, 2101, 4999);
        List<Part> a = rng.Chance(0.6) ? Split(block, continuation, rng.Between(100, 2000)) : [block, continuation];
        a.Add(new Span(4, 0, 999));
        var favourites = new Favourites(rng.Between(200, 400), FromAll: true);
        var upper = new Span(0, 5000, 9999);
        List<Part> b = rng.Chance(0.6) ? Split(favourites, upper, rng.Between(100, 1500)) : [favourites, upper];
        return (a, b);
    }

    // neighbouring blocks that overlap by a thousand, B also wanting the short names
    private static (List<Part>, List<Part>) Adjacent(Rng rng)
    {
        Span a = rng.Chance(0.5) ? new Span(4, 0, 5999) : new Span(0, 0, 5999);
        Span shortNames = rng.Chance(0.5) ? new Span(3, 0, 999) : new Span(0, 0, 999);
        var upper = new Span(0, 4000, 9999);
        return ([a], rng.Chance(0.5) ? [shortNames, upper] : [upper, shortNames]);
    }

    // sometimes part of the (less contested) continuation goes first, as the 2008 fleets may have done
    private static List<Part> ContinuationFirst(Span main, Span continuation, Rng rng) =>
        rng.Chance(0.3) ? Split(main, continuation, rng.Between(100, Math.Max(100, continuation.Size - 1))) : [main, continuation];

    private static List<Part> Split(Part main, Span continuation, int first)
    {
        if (first >= continuation.Size)
        {
            return [continuation, main];
        }
        return [continuation.Slice(continuation.Lo, continuation.Lo + first - 1), main,
                continuation.Slice(continuation.Lo + first, continuation.Hi)];
    }

    // the typing habits: a block now and then top-down, a handful of favourites first, a late start
    private static RangePlan Finish(List<Part> parts, Rng rng)
    {
        for (int k = 0; k < parts.Count; k++)
        {
            if (parts[k] is Span s && rng.Chance(0.12))
            {
                parts[k] = s with { Descending = true };
            }
        }
        if (rng.Chance(0.25))
        {
            parts.Insert(0, new Favourites(rng.Between(5, 40), FromAll: false));
        }
        return new RangePlan(parts) { StartDelay = rng.Chance(0.3) ? rng.Uniform(1, 25) : 0 };
    }
}
