using System.Globalization;

namespace Crowds;

/// <summary>
/// One ordinary participant's taste: how much it likes each family, a favourite digit, and whether it leans to
/// short or long names. Tastes differ from one participant to the next, around the landrush's culture.
/// </summary>
internal sealed record TasteProfile(double[] Weights, int FavouriteDigit, double LengthLean, double Focus)
{
    /// <summary>A dominant taste drawn from the culture, often a second and sometimes a third; a faint
    /// liking for everything else, so lists are not pure. Focus (1.5 to 3) sharpens the weights: a focused
    /// participant goes for the few most wanted names of its tastes, as most of a crowd does.</summary>
    public static TasteProfile Draw(Rng rng, double[] culture)
    {
        var w = Enumerable.Repeat(0.02, Catalog.Families).ToArray();
        int dominant = rng.Pick(culture);
        w[dominant] = 1;
        if (rng.Chance(0.6))
        {
            w[rng.Pick(culture)] += rng.Uniform(0.2, 0.7);
        }

        if (rng.Chance(0.25))
        {
            w[rng.Pick(culture)] += rng.Uniform(0.1, 0.3);
        }

        int digit = rng.Chance(0.4) ? rng.Int(0, 9) : -1;
        return new TasteProfile(w, digit, Math.Exp(0.5 * rng.Normal()), rng.Uniform(1.5, 3));
    }

    public Taste Dominant => (Taste)Array.IndexOf(Weights, Weights.Max());

    public string Describe()
    {
        var parts = Enumerable.Range(0, Catalog.Families)
            .Where(f => Weights[f] >= 0.1)
            .OrderByDescending(f => Weights[f])
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{(Taste)f} {Weights[f]:0.00}"));
        string digit = FavouriteDigit >= 0 ? string.Create(CultureInfo.InvariantCulture, $", likes digit {FavouriteDigit}") : "";
        string lean = LengthLean > 1.3 ? ", leans long" : LengthLean < 0.77 ? ", leans short" : "";
        return string.Join(" + ", parts) + digit + lean;
    }
}

/// <summary>Builds an ordinary participant's list from its taste.</summary>
internal static class Ordinary
{
    private static readonly double[] RandomLengths = [0.2, 0.4, 0.4]; // of 3, 4 and 5 digits
    private static readonly int[] PaddedLengths = [4, 5];
    private static readonly int[] Neighbours = [-2, -1, 1, 2];

    /// <summary>
    /// Weighted sampling without replacement (Efraimidis–Spirakis: key = ln(u) / weight, largest first) over the
    /// catalogue and the participant's personal names. The sampling order is the send order: roughly most wanted
    /// first, with the noise of the draw.
    /// </summary>
    public static int[] BuildList(Rng rng, TasteProfile taste, int size)
    {
        var candidates = new List<(double Key, int Name)>(Catalog.Names.Length + size + 64);
        for (int e = 0; e < Catalog.Names.Length; e++)
        {
            double w = 0;
            for (int f = 0; f < Catalog.Weights.Length; f++)
            {
                w += taste.Weights[f] * Catalog.Weights[f][e];
            }

            Add(candidates, rng, taste, Catalog.Names[e], w);
        }

        foreach ((Taste family, List<(int Name, double Weight)> items) in Personal(rng, size))
        {
            double total = items.Sum(i => i.Weight);
            foreach ((int name, double weight) in items)
            {
                Add(candidates, rng, taste, name, taste.Weights[(int)family] * weight / total);
            }
        }

        candidates.Sort((a, b) => b.Key.CompareTo(a.Key) != 0 ? b.Key.CompareTo(a.Key) : a.Name.CompareTo(b.Name));
        var seen = new HashSet<int>();
        var list = new List<int>(size);
        foreach ((_, int name) in candidates)
        {
            if (list.Count == size)
            {
                break;
            }

            if (seen.Add(name))
            {
                list.Add(name);
            }
        }

        return [.. list];
    }

    private static void Add(List<(double, int)> candidates, Rng rng, TasteProfile taste, int name, double weight)
    {
        if (weight <= 0)
        {
            return;
        }

        string label = Space.Label(name);
        if (taste.FavouriteDigit >= 0 && label.Contains((char)('0' + taste.FavouriteDigit), StringComparison.Ordinal))
        {
            weight *= 3;
        }

        weight = Math.Pow(weight * Math.Pow(taste.LengthLean, label.Length - 3), taste.Focus);
        if (weight > 0) // a faint weight can underflow under the focus power
        {
            candidates.Add((Math.Log(rng.UniformPositive()) / weight, name));
        }
    }

    /// <summary>
    /// The personal names, drawn for every participant (a faint taste still picks one now and then): a postcode
    /// area (four digits, most wanted near its centre), one to three own numbers with their variants (padded,
    /// neighbours, reversed, doubled), and a random set of three- to five-digit names.
    /// </summary>
    private static IEnumerable<(Taste, List<(int, double)>)> Personal(Rng rng, int size)
    {
        int count = Math.Min(4000, (2 * size) + 10);
        int centre = rng.Int(1000, 9999);
        double spread = rng.Uniform(3, 60);
        var postcode = new List<(int, double)>();
        for (int i = 0; i < count; i++)
        {
            int v = Math.Clamp(centre + (int)Math.Round(spread * rng.Normal()), 1000, 9999);
            postcode.Add((Space.Index(v, 4), Math.Exp(-Math.Abs(v - centre) / spread)));
        }

        var anchors = new List<(int, double)>();
        for (int a = rng.Int(1, 3); a > 0; a--)
        {
            int v = rng.Chance(0.5) ? rng.Int(1, 999) : rng.Int(1000, 99999);
            anchors.Add((Space.Plain(v), 3));
            string s = v.ToString(CultureInfo.InvariantCulture);
            foreach (int len in PaddedLengths.Where(l => l > s.Length))
            {
                anchors.Add((Space.Index(v, len), 1.5));
            }

            foreach (int d in Neighbours.Where(d => v + d is >= 0 and < 100000))
            {
                anchors.Add((Space.Plain(v + d), 1));
            }

            anchors.Add((Space.Parse(new string([.. s.Reverse()])), 1));
            if (s.Length <= 2)
            {
                anchors.Add((Space.Parse(s + s), 1.5));
            }
        }

        var random = new List<(int, double)>();
        for (int i = 0; i < count; i++)
        {
            int len = rng.Pick(RandomLengths) + 3;
            random.Add((Space.Index(rng.Int(0, (int)Math.Pow(10, len) - 1), len), 1));
        }

        return [(Taste.Postcode, postcode), (Taste.Anchors, anchors), (Taste.RandomSet, random)];
    }
}
