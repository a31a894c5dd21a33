using System.Globalization;

namespace Collectors;

/// <summary>
/// Range parties: a numeric span (or two), sent in one of several orders. A span is a list of segments, one
/// per label length, each a run of values; "plain" spans (0–2100) write numbers without leading zeros and so
/// cross lengths, "padded" spans (0000–4999) stay at one length.
/// </summary>
internal static class Ranges
{
    private readonly record struct Segment(int Len, int From, int To);

    private sealed record Span(string Description, Segment[] Segments);

    private static Span Plain(int from, int to)
    {
        var segments = new List<Segment>();
        for (int len = Space.PlainLength(from); len <= Space.PlainLength(to); len++)
        {
            int lo = len == 1 ? 0 : Space.Pow10(len - 1);
            segments.Add(new Segment(len, Math.Max(from, lo), Math.Min(to, Space.Pow10(len) - 1)));
        }

        return new Span(string.Create(CultureInfo.InvariantCulture, $"numbers {from}-{to}"), [.. segments]);
    }

    private static Span Padded(int len, int from, int to)
    {
        string f = "D" + len.ToString(CultureInfo.InvariantCulture);
        string text = from.ToString(f, CultureInfo.InvariantCulture) + "-" + to.ToString(f, CultureInfo.InvariantCulture);
        return new Span("zero-padded block " + text, [new Segment(len, from, to)]);
    }

    /// <summary>Every label of some lengths: "all 3-digit names, then all 4-digit ones".</summary>
    private static Span Lengths(int lo, int hi)
    {
        var segments = Enumerable.Range(lo, hi - lo + 1).Select(len => new Segment(len, 0, Space.Pow10(len) - 1));
        return new Span(string.Create(CultureInfo.InvariantCulture, $"every label of {lo} to {hi} digits"), [.. segments]);
    }

    private static Span Draw(Rng rng)
    {
        switch (rng.Next(13))
        {
            case 0: return Plain(0, 2100);
            case 1: return Plain(0, 999);
            case 2: return Plain(0, 9999);
            case 3: return Plain(1000, 9999);
            case 4: return Plain(100, 4999);
            case 5: return Padded(4, 0, 4999);
            case 6: return Padded(4, 5000, 9999);
            case 7: return Padded(3, 0, 999);
            case 8: return Lengths(2, 3);
            case 9: return Lengths(3, 4);
            case 10:
                int start = 100 * rng.Between(10, 600);
                return Plain(start, start + (100 * rng.Between(5, 50)) - 1);
            default:
                int block = 1000 * rng.Between(0, 90);
                return Padded(5, block, block + (1000 * rng.Between(1, 9)) - 1);
        }
    }

    private static List<int> Ascending(Space space, Span span)
    {
        var list = new List<int>();
        foreach (Segment s in span.Segments.Where(s => space.Has(s.Len)))
        {
            for (int v = s.From; v <= s.To; v++)
            {
                list.Add(space.Index(s.Len, v));
            }
        }

        return list;
    }

    /// <summary>A range party with at least minSize names of the space in its list.</summary>
    public static Participant Party(Space space, Demand demand, Rng rng, int minSize = 300)
    {
        Span span;
        List<int> names;
        do
        {
            span = Draw(rng);
            names = Ascending(space, span);
        }
        while (names.Count < minSize);

        int choice = rng.PickWeighted([0.2, 0.2, 0.15, 0.2, 0.1, 0.15]);
        if (choice == 2 && span.Segments.Count(s => space.Has(s.Len)) < 2)
        {
            choice = 1;
        }

        string order;
        List<int> list;
        switch (choice)
        {
            case 0:
                (list, order) = (names, "ascending");
                break;
            case 1:
                names.Reverse();
                (list, order) = (names, "from the top down");
                break;
            case 2:
                // By length, longest first: all 4-digit names, then all 3-digit ones, each ascending.
                list = [.. span.Segments.Reverse().SelectMany(s => Ascending(space, new Span("", [s])))];
                order = "by length, longest first";
                break;
            case 3:
                (list, order) = Favourites(demand, rng, names);
                break;
            case 4:
                (list, order) = Interleaved(rng, names);
                break;
            default:
                // A second span of its own, each span ascending or from the top down.
                Span second = Draw(rng);
                List<int> more = Ascending(space, second);
                if (rng.Chance(0.5))
                {
                    more.Reverse();
                }

                var seen = new HashSet<int>(names);
                list = [.. names, .. more.Where(seen.Add)];
                span = new Span(span.Description + " and " + second.Description, span.Segments);
                order = "two spans, one after the other";
                break;
        }

        return new Participant(Kind.Range, [.. list], "range, " + span.Description + ", " + order);
    }

    /// <summary>A handful of the span's most attractive names first (weighted draws), then the span ascending
    /// or from the top down without them.</summary>
    private static (List<int>, string) Favourites(Demand demand, Rng rng, List<int> names)
    {
        var candidates = names.Where(n => demand.Attractiveness[n] > 0).ToList();
        int k = Math.Min(candidates.Count, rng.Between(3, 40));
        var favourites = new List<int>();
        var picked = new HashSet<int>();
        double[] weights = [.. candidates.Select(n => demand.Attractiveness[n])];
        while (favourites.Count < k)
        {
            int i = rng.PickWeighted(weights);
            weights[i] = 0;
            favourites.Add(candidates[i]);
            picked.Add(candidates[i]);
        }

        bool down = rng.Chance(0.3);
        if (down)
        {
            names.Reverse();
        }

        List<int> list = [.. favourites, .. names.Where(n => !picked.Contains(n))];
        string rest = down ? "the span from the top down" : "the span ascending";
        return (list, string.Create(CultureInfo.InvariantCulture, $"{k} favourite names first, then {rest}"));
    }

    /// <summary>m machines, each sending one contiguous chunk of the span; their requests merge round-robin
    /// (0, 1000, 2000, …, 1, 1001, …).</summary>
    private static (List<int>, string) Interleaved(Rng rng, List<int> names)
    {
        int m = rng.Between(2, 8);
        int chunk = (names.Count + m - 1) / m;
        var list = new List<int>(names.Count);
        for (int i = 0; i < chunk; i++)
        {
            for (int j = 0; j < m; j++)
            {
                if ((j * chunk) + i < names.Count)
                {
                    list.Add(names[(j * chunk) + i]);
                }
            }
        }

        return (list, string.Create(CultureInfo.InvariantCulture, $"{m} machines each sending a chunk, interleaved"));
    }
}
