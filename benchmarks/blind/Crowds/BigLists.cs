using System.Globalization;

namespace Crowds;

/// <summary>A numeric span lo..hi. Width 0: written plainly (0, 1, …, 9, 10, …), so it crosses lengths; width w:
/// every number zero-padded to w digits (0000, 0001, …).</summary>
internal sealed record Span(int Lo, int Hi, int Width, bool Descending)
{
    public int Size => Hi - Lo + 1;

    public IEnumerable<int> Names()
    {
        for (int k = 0; k < Size; k++)
        {
            int v = Descending ? Hi - k : Lo + k;
            yield return Width == 0 ? Space.Plain(v) : Space.Index(v, Width);
        }
    }

    public override string ToString()
    {
        string lo = Width == 0 ? Lo.ToString(CultureInfo.InvariantCulture) : Lo.ToString("D" + Width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        string hi = Width == 0 ? Hi.ToString(CultureInfo.InvariantCulture) : Hi.ToString("D" + Width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        string how = Width == 0 && Space.Digits(Lo) != Space.Digits(Hi) ? "plain numeric order across lengths"
            : Width > 0 && Space.Digits(Lo) < Width ? "zero-padded" : "one length";
        return $"{(Descending ? hi + "-" + lo + " top down" : lo + "-" + hi)} ({how})";
    }
}

/// <summary>The long lists: range parties (spans of numbers) and collectors (themed sets).</summary>
internal static class BigLists
{
    private static readonly double[] SpanCounts = [0.35, 0.4, 0.25];
    private static readonly double[] SpanKinds = [1.2, 0.8, 1.5, 1.0, 0.5, 0.8, 0.4];

    /// <summary>One to three spans: the kinds a domainer would script. The total is kept under 16,000 names.</summary>
    public static List<Span> DrawSpans(Rng rng)
    {
        var spans = new List<Span>();
        var taken = new HashSet<int>();
        int count = rng.Pick(SpanCounts) + 1;
        for (int tries = 0; spans.Count < count && tries < 20; tries++)
        {
            foreach (Span s in DrawSpanGroup(rng))
            {
                if (taken.Count + s.Size <= 16000 && !s.Names().Any(taken.Contains))
                {
                    spans.Add(s);
                    taken.UnionWith(s.Names());
                }
            }
        }

        return spans;
    }

    private static IEnumerable<Span> DrawSpanGroup(Rng rng)
    {
        bool down = rng.Chance(0.15);
        switch (rng.Pick(SpanKinds))
        {
            case 0: // the numbers up to N, written plainly
                return [new Span(0, rng.Pick([999, 1500, 2100, 2999, 3999, 4999, 9999]), 0, down)];
            case 1: // the three-digit numbers without a leading zero
                return [new Span(100, 999, 3, down)];
            case 2: // a block of four-digit numbers such as 5000-5999
                int a = rng.Int(1, 9);
                return [new Span(a * 1000, (Math.Min(9, a + rng.Int(0, 3)) * 1000) + 999, 4, down)];
            case 3: // a zero-padded block at four digits, 0000-x999
                return [new Span(0, (rng.Int(0, 4) * 1000) + 999, 4, down)];
            case 4: // every three-digit label, leading zeros included
                return [new Span(0, 999, 3, down)];
            case 5: // a five-digit block, zero-padded when it starts below 10000
                int lo = rng.Int(0, 95) * 1000;
                return [new Span(lo, Math.Min(99999, lo + (rng.Int(1, 5) * 1000) - 1), 5, down)];
            default: // by length: every two-digit label, then every three-digit one
                return [new Span(0, 99, 2, false), new Span(0, 999, 3, false)];
        }
    }

    /// <summary>A span that overlaps `other` in part: shifted by 20-80% of its size, same writing.</summary>
    public static Span OverlappingSpan(Rng rng, Span other)
    {
        int shift = (int)(other.Size * rng.Uniform(0.2, 0.8)) * (rng.Chance(0.5) ? 1 : -1);
        int max = other.Width == 0 ? 99999 : (int)Math.Pow(10, other.Width) - 1;
        int lo = Math.Clamp(other.Lo + shift, 0, max), hi = Math.Clamp(other.Hi + shift, 0, max);
        return new Span(lo, hi, other.Width, rng.Chance(0.15));
    }

    /// <summary>
    /// A range party's list: optionally a few favourite names first (short, round, patterned), then its spans one
    /// after the other or interleaved (one name from each in turn). A name is sent once, at its first place.
    /// </summary>
    public static (int[] List, string Description) RangeList(Rng rng, List<Span> spans)
    {
        var list = new List<int>();
        var seen = new HashSet<int>();
        var parts = new List<string>();
        if (rng.Chance(0.35))
        {
            var likes = new double[Catalog.Families];
            likes[(int)Taste.Short] = 1;
            likes[(int)Taste.Round] = 0.6;
            likes[(int)Taste.Pattern] = 0.6;
            likes[(int)Taste.Lucky] = 0.4;
            int[] favourites = Ordinary.BuildList(rng, new TasteProfile(likes, -1, 1, 1.5), rng.Int(10, 80));
            list.AddRange(favourites.Where(seen.Add));
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{list.Count} favourite names first"));
        }

        bool interleave = spans.Count > 1 && rng.Chance(0.15);
        parts.Add((interleave ? "interleaved spans " : "spans ") + string.Join(", ", spans));
        if (interleave)
        {
            List<IEnumerator<int>> streams = [.. spans.Select(s => s.Names().GetEnumerator())];
            while (streams.Count > 0)
            {
                foreach (IEnumerator<int> e in streams.ToList())
                {
                    if (e.MoveNext())
                    {
                        if (seen.Add(e.Current))
                        {
                            list.Add(e.Current);
                        }
                    }
                    else
                    {
                        e.Dispose();
                        _ = streams.Remove(e);
                    }
                }
            }
        }
        else
        {
            list.AddRange(spans.SelectMany(s => s.Names()).Where(seen.Add));
        }

        return ([.. list], string.Join("; ", parts));
    }

    /// <summary>A collector: every name of one theme, in ascending, most-wanted-first or shuffled order.</summary>
    public static (int[] List, string Description) CollectorList(Rng rng)
    {
        int pick = rng.Int(0, 4);
        string theme = pick switch
        {
            0 => "every year 1900-2030",
            1 => "every repdigit",
            2 => "every area-code-like number",
            3 => "round numbers",
            _ => "patterned four-digit names",
        };
        List<(int Name, double Weight)> items = pick switch
        {
            0 => [.. Range(1900, 2030).Select(y => (Space.Index(y, 4), 1.0))],
            1 => [.. Range(1, 5).SelectMany(n => Range(0, 9).Select(d => (Space.Parse(new string((char)('0' + d), n)), 6.0 - n)))],
            2 => FromFamily(Taste.AreaCode, 0),
            3 => FromFamily(Taste.Round, 0.3),
            _ => [.. FromFamily(Taste.Pattern, 0).Where(i => Space.LengthOf(i.Name) == 4)],
        };
        string order;
        switch (rng.Int(0, 2))
        {
            case 0:
                items.Sort((a, b) => a.Name.CompareTo(b.Name));
                order = "ascending";
                break;
            case 1:
                items.Sort((a, b) => b.Weight.CompareTo(a.Weight) != 0 ? b.Weight.CompareTo(a.Weight) : a.Name.CompareTo(b.Name));
                order = "most wanted first";
                break;
            default:
                rng.Shuffle(items);
                order = "shuffled";
                break;
        }

        return ([.. items.Select(i => i.Name)], $"collector: {theme} ({items.Count}), {order}");
    }

    private static IEnumerable<int> Range(int lo, int hi) => Enumerable.Range(lo, hi - lo + 1);

    /// <summary>The catalogue names of one family weighing at least `fraction` of its heaviest name.</summary>
    private static List<(int Name, double Weight)> FromFamily(Taste family, double fraction)
    {
        double[] w = Catalog.Weights[(int)family];
        double min = Math.Max(w.Max() * fraction, double.Epsilon);
        return [.. Enumerable.Range(0, w.Length).Where(e => w[e] >= min).Select(e => (Catalog.Names[e], w[e]))];
    }
}
