using System.Globalization;

namespace Collectors;

/// <summary>
/// Builds the lists of ordinary participants and collectors. An ordinary participant likes one to four
/// themes (its own mix of weights, drawn per participant) and samples its list from them without replacement,
/// each draw weighted: the result is "most wanted first, with noise". A collector wants a whole themed set.
/// </summary>
internal sealed class Demand
{
    private static readonly Dictionary<Space, Demand> Cache = [];

    // How common each taste is among ordinary participants (short names and years most of all).
    private static readonly (Func<Space, Theme> Make, double Prior)[] Tastes =
    [
        (Themes.Short, 3.0), (Themes.ThreeDigit, 1.5), (Themes.Repdigits, 2.0), (s => Themes.Palindromes(s), 1.5),
        (Themes.Round, 2.0), (s => Themes.Years(s), 2.5), (s => Themes.AreaCodes(s), 1.2), (Themes.Sequences, 1.0),
        (Themes.Pairs, 1.0), (Themes.Dates, 1.0), (Themes.Lucky, 0.8), (Themes.ZeroLed, 0.8),
    ];

    private static readonly (string Description, Func<Space, Theme> Make)[] Sets =
    [
        ("every year 1900-2030", s => Themes.Years(s, 1900, 2030)),
        ("every year 1950-2025", s => Themes.Years(s, 1950, 2025)),
        ("every year 1800-2099", s => Themes.Years(s, 1800, 2099)),
        ("area-code-like 010-099", s => Themes.AreaCodes(s, false)),
        ("area-code-like 010-0999", s => Themes.AreaCodes(s, true)),
        ("every repdigit", Themes.Repdigits),
        ("repdigits and 3-5 digit palindromes", s => Join("repdigits+palindromes", Themes.Repdigits(s), Themes.Palindromes(s))),
        ("four-digit palindromes", s => Themes.Palindromes(s, 4, 4)),
        ("five-digit palindromes", s => Themes.Palindromes(s, 5, 5)),
        ("round numbers", Themes.Round),
        ("dates ddmm", Themes.Dates),
        ("lucky digits 6/8/9", Themes.Lucky),
        ("runs and pairs", s => Join("runs+pairs", Themes.Sequences(s), Themes.Pairs(s))),
    ];

    private readonly Space _space;
    private readonly Theme[] _tastes;
    private readonly Theme? _four;
    private readonly Theme? _five;
    private readonly int[] _stamp;
    private int _stampValue;

    private Demand(Space space)
    {
        _space = space;
        _tastes = [.. Tastes.Select(t => t.Make(space))];
        _four = space.Has(4) ? Themes.AllOfLength(space, 4) : null;
        _five = space.Has(5) ? Themes.AllOfLength(space, 5) : null;
        _stamp = new int[space.Size];
        Attractiveness = new double[space.Size];
        foreach (Theme t in _tastes)
        {
            for (int i = 0; i < t.Count; i++)
            {
                Attractiveness[t.Members[i]] = Math.Max(Attractiveness[t.Members[i]], t.Weights[i]);
            }
        }
    }

    /// <summary>A label's highest weight in any taste: 0 for a name no theme likes (used for favourites).</summary>
    public double[] Attractiveness { get; }

    public static Demand For(Space space)
    {
        if (!Cache.TryGetValue(space, out Demand? demand))
        {
            demand = new Demand(space);
            Cache[space] = demand;
        }

        return demand;
    }

    private static Theme Join(string name, Theme a, Theme b)
    {
        var seen = new HashSet<int>(a.Members);
        var members = new List<int>(a.Members);
        var weights = new List<double>(a.Weights);
        for (int i = 0; i < b.Count; i++)
        {
            if (seen.Add(b.Members[i]))
            {
                members.Add(b.Members[i]);
                weights.Add(b.Weights[i]);
            }
        }

        return new Theme(name, members, weights);
    }

    public Participant Ordinary(Rng rng, int size)
    {
        int themeCount = 1 + rng.PickWeighted([0.3, 0.35, 0.25, 0.1]);
        double[] priors = [.. Tastes.Select((t, i) => _tastes[i].Count > 0 ? t.Prior : 0)];
        var chosen = new List<Theme>();
        var weights = new List<double>();
        for (int k = 0; k < themeCount; k++)
        {
            int t = rng.PickWeighted(priors);
            priors[t] = 0;
            chosen.Add(_tastes[t]);
            weights.Add(0.2 + rng.Exponential());
        }

        // Some want names near home: a postcode-like hundred block of their own.
        if (_space.Has(4) && rng.Chance(0.15))
        {
            chosen.Add(Themes.Region(_space, rng.Between(10, 99)));
            weights.Add(0.2 + rng.Exponential());
        }

        double liked = weights.Sum();
        int pool = chosen.Sum(t => t.Count);
        Theme filler = (_four ?? _five)!;

        // Everyone now and then types a random number; long lists run out of themed names and fill up widely.
        chosen.Add(filler);
        weights.Add(0.03 * liked);
        if (size > pool / 2)
        {
            // Half of the extra weight on four-digit names, half on five-digit ones (where the space has them).
            double extra = liked * Math.Min(3.0, (double)size / Math.Max(1, pool));
            weights[^1] += extra / 2;
            chosen.Add((_five ?? _four)!);
            weights.Add(extra / 2);
        }

        double total = weights.Sum();
        string tastes = string.Join(", ", chosen.Select((t, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{t.Name} {100 * weights[i] / total:0}%")));
        int[] list = Sample(rng, chosen, weights, size);
        return new Participant(Kind.Ordinary, list, "ordinary, tastes " + tastes);
    }

    /// <summary>Weighted draws without replacement; a name drawn twice is drawn again. If the tastes run dry
    /// the list is completed with uniformly random names, so a list always has the size asked for.</summary>
    private int[] Sample(Rng rng, List<Theme> themes, List<double> weights, int size)
    {
        size = Math.Min(size, _space.Size / 2);
        _stampValue++;
        var list = new List<int>(size);
        int attempts = (40 * size) + 2000;
        while (list.Count < size && attempts-- > 0)
        {
            int name = themes[rng.PickWeighted(weights)].Sample(rng);
            if (_stamp[name] != _stampValue)
            {
                _stamp[name] = _stampValue;
                list.Add(name);
            }
        }

        while (list.Count < size)
        {
            int name = rng.Next(_space.Size);
            if (_stamp[name] != _stampValue)
            {
                _stamp[name] = _stampValue;
                list.Add(name);
            }
        }

        return [.. list];
    }

    /// <summary>A collector: a whole themed set, sent in one of four orders. Large: at least 100 names.</summary>
    public Participant Collector(Rng rng, bool large)
    {
        Theme set;
        string what;
        do
        {
            (what, Func<Space, Theme> make) = rng.Pick(Sets);
            set = make(_space);
        }
        while (set.Count < (large ? 100 : 20));

        int[] list;
        string order;
        switch (rng.PickWeighted([0.4, 0.2, 0.25, 0.15]))
        {
            case 0:
                list = set.Members;
                order = "in natural order";
                break;
            case 1:
                list = [.. set.Members.Reverse()];
                order = "from the top down";
                break;
            case 2:
                int k = Math.Min(set.Count / 3, rng.Between(3, 20));
                int[] favourites = [.. set.ByWeight().Take(k)];
                list = [.. favourites, .. set.Members.Except(favourites)];
                order = string.Create(CultureInfo.InvariantCulture, $"{k} favourites first, then in natural order");
                break;
            default:
                list = set.ByWeight();
                order = "most wanted first";
                break;
        }

        return new Participant(Kind.Collector, list, "collector, " + what + ", " + order);
    }
}
