using System.Globalization;

namespace SpanRace;

/// <summary>What makes a label attractive to a person; a label may have several traits.</summary>
[Flags]
internal enum Trait
{
    None = 0,
    Repdigit = 1,       // 7, 77, 5555 (a single digit counts: it is the shortest name there is)
    VeryRound = 2,      // 10, 300, 5000, 90000
    Round = 4,          // two significant digits then zeros: 250, 1500, 12000
    Sequence = 8,       // 123, 0123, 9876
    Palindrome = 16,    // 121, 1221, 12321 (not a repdigit)
    Pair = 32,          // 1212, 1122
    Year = 64,          // 1900-2030
    FewDigits = 128,    // four or five digits, two distinct: 1011, 70070
    LeadingZero = 256,  // 007, 0318: area-code-like; most people avoid them, some collect them
    Date = 512,         // DDMM: 2512, 0104
    Eights = 1024,      // two or more 8s: 88, 188, 8828
}

/// <summary>
/// One ordinary participant's taste: a log-weight per trait (a shared base plus a personal draw, and one favourite
/// trait much liked), a dislike of length, sometimes a home postcode whose neighbourhood it likes, and a few personal
/// numbers (a house number, a phone tail). Its list is the labels it likes most, ordered by liking plus noise.
/// </summary>
internal sealed class Taste
{
    private static readonly Trait[] s_traits = Enum.GetValues<Trait>().Where(t => t != Trait.None).ToArray();
    private static readonly double[] s_baseWeight = [3.0, 2.5, 1.3, 2.0, 1.0, 1.0, 1.6, 0.5, -1.0, 0.6, 0.8];

    /// <summary>The labels any taste considers without a personal reason: every label of 1-3 characters, every
    /// labelled 4- or 5-character one (a 5-character name with only a leading zero is not worth a thought).</summary>
    private static readonly int[] s_pool = BuildPool(out s_poolTraits);
    private static readonly Trait[] s_poolTraits;

    private readonly double[] _weight = new double[s_traits.Length];
    private readonly double _shortness;
    private readonly double _noise;
    private readonly Dictionary<int, double> _personal = [];

    /// <summary>What the taste favours, for the truth file.</summary>
    public string Description { get; }

    private Taste(Rng rng, double shortness)
    {
        for (int t = 0; t < s_traits.Length; t++)
        {
            _weight[t] = s_baseWeight[t] + (0.9 * rng.Normal());
        }
        Trait favourite = s_traits[rng.Below(s_traits.Length)];
        _weight[Array.IndexOf(s_traits, favourite)] += 2.5;
        _shortness = shortness;
        Description = string.Create(CultureInfo.InvariantCulture, $"taste: {favourite} most, shortness {shortness:0.00}");
        _noise = rng.Uniform(0.4, 1.4);
        if (rng.Chance(0.3))
        {
            // A Dutch postcode (1000-9999): the home one and its neighbours, liked less with distance.
            int home = rng.Between(1000, 9999);
            Description += string.Create(CultureInfo.InvariantCulture, $", home postcode {home}");
            for (int d = -20; d <= 20; d++)
            {
                if (home + d is >= 1000 and <= 9999)
                {
                    _personal[Space.Plain(home + d)] = 2.5 - (0.1 * Math.Abs(d));
                }
            }
        }
        int personal = rng.Between(0, 3);
        for (int i = 0; i < personal; i++)
        {
            int label = rng.Below(3) switch
            {
                0 => Space.Plain((int)rng.LogUniform(1, 2000)), // a house number
                1 => Space.Padded(5, rng.Below(100_000)),       // the tail of a phone number
                _ => Space.Padded(4, rng.Between(1, 28) * 100 + rng.Between(1, 12)), // a birthday, DDMM
            };
            _personal[label] = 4.0;
        }
    }

    /// <summary>An ordinary taste: names of one character more are liked e^-s times less, s in [0.3, 1.5].</summary>
    public static Taste Draw(Rng rng) => new(rng, rng.Uniform(0.3, 1.5));

    /// <summary>A range party's favourites: short names above all.</summary>
    public static Taste DrawShortLover(Rng rng) => new(rng, rng.Uniform(1.2, 2.0));

    /// <summary>The most-liked labels, most liked first: liking plus a normal noise of the taste's spread, so
    /// the order is roughly, not strictly, by liking (a person ranks by feel, not by formula).</summary>
    public int[] List(Rng rng, int size)
    {
        var extra = _personal.Keys.Where(label => Array.BinarySearch(s_pool, label) < 0).Order().ToArray();
        int n = s_pool.Length + extra.Length;
        double[] keys = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            bool pooled = i < s_pool.Length;
            int label = pooled ? s_pool[i] : extra[i - s_pool.Length];
            Trait traits = pooled ? s_poolTraits[i] : TraitsOf(Space.Labels[label]);
            double score = Liking(label, traits) + _personal.GetValueOrDefault(label);
            // Negated so an ascending sort puts the most liked first; a primitive-key sort is fast and, for the
            // same keys, always gives the same order.
            keys[i] = -(score + (_noise * rng.Normal()));
            labels[i] = label;
        }
        Array.Sort(keys, labels);
        return labels[..Math.Min(size, n)];
    }

    private double Liking(int label, Trait traits)
    {
        double score = -_shortness * (Space.LengthOf(label) - 1);
        for (int t = 0; t < s_traits.Length; t++)
        {
            if ((traits & s_traits[t]) != 0)
            {
                score += _weight[t];
            }
        }
        return score;
    }

    public static Trait TraitsOf(string label)
    {
        int n = label.Length;
        Trait traits = Trait.None;
        bool repdigit = label.All(c => c == label[0]);
        if (repdigit)
        {
            traits |= Trait.Repdigit;
        }
        if (n >= 2 && label[0] == '0')
        {
            traits |= Trait.LeadingZero;
        }
        else if (n >= 2)
        {
            int trailingZeros = n - label.TrimEnd('0').Length;
            if (trailingZeros == n - 1)
            {
                traits |= Trait.VeryRound;
            }
            else if (n >= 3 && trailingZeros >= n - 2)
            {
                traits |= Trait.Round;
            }
        }
        if (n >= 3 && (Steps(label, 1) || Steps(label, -1)))
        {
            traits |= Trait.Sequence;
        }
        if (n >= 3 && !repdigit && label.SequenceEqual(label.Reverse()))
        {
            traits |= Trait.Palindrome;
        }
        if (n == 4 && !repdigit && ((label[0] == label[2] && label[1] == label[3]) || (label[0] == label[1] && label[2] == label[3])))
        {
            traits |= Trait.Pair;
        }
        if (n >= 4 && !repdigit && label.Distinct().Count() == 2)
        {
            traits |= Trait.FewDigits;
        }
        if (n == 4)
        {
            int value = int.Parse(label, CultureInfo.InvariantCulture);
            if (value is >= 1900 and <= 2030)
            {
                traits |= Trait.Year;
            }
            int day = value / 100, month = value % 100;
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2008, month))
            {
                traits |= Trait.Date;
            }
        }
        if (label.Count(c => c == '8') >= 2)
        {
            traits |= Trait.Eights;
        }
        return traits;
    }

    private static bool Steps(string label, int step)
    {
        for (int i = 1; i < label.Length; i++)
        {
            if (label[i] - label[i - 1] != step)
            {
                return false;
            }
        }
        return true;
    }

    private static int[] BuildPool(out Trait[] traits)
    {
        var pool = new List<int>();
        var poolTraits = new List<Trait>();
        for (int i = 0; i < Space.Count; i++)
        {
            string label = Space.Labels[i];
            Trait t = TraitsOf(label);
            bool worthAThought = label.Length <= 3 || (t & ~Trait.LeadingZero) != 0 || (t == Trait.LeadingZero && label.Length == 4);
            if (worthAThought)
            {
                pool.Add(i);
                poolTraits.Add(t);
            }
        }
        traits = [.. poolTraits];
        return [.. pool];
    }
}
