using System.Globalization;

namespace TwoFleets;

/// <summary>The name space digits:1-5 under .nl: 0..9, 00..99, ..., 00000..99999 (111,110 labels) in space order.</summary>
internal static class Space
{
    public const string Spec = "digits:1-5";
    public const string Tld = "nl";
    public const int Count = 111_110;

    private static readonly int[] Offsets = [0, 10, 110, 1_110, 11_110, 111_110];
    private static readonly string[] Formats = ["D1", "D1", "D2", "D3", "D4", "D5"];

    /// <summary>Every label, by index.</summary>
    public static readonly string[] Labels = BuildLabels();

    public static int Index(int length, int value) => Offsets[length - 1] + value;

    /// <summary>The index of a number written without leading zeros (7 is "7", 2100 is "2100").</summary>
    public static int Plain(int value) => Index(DigitCount(value), value);

    public static int DigitCount(int value) =>
        value < 10 ? 1 : value < 100 ? 2 : value < 1_000 ? 3 : value < 10_000 ? 4 : 5;

    public static int LengthOf(int index)
    {
        int length = 1;
        while (index >= Offsets[length])
        {
            length++;
        }
        return length;
    }

    public static string Pad(int length, int value) => value.ToString(Formats[length], CultureInfo.InvariantCulture);

    private static string[] BuildLabels()
    {
        var labels = new string[Count];
        for (int length = 1; length <= 5; length++)
        {
            for (int value = 0; value < Offsets[length] - Offsets[length - 1]; value++)
            {
                labels[Index(length, value)] = Pad(length, value);
            }
        }
        return labels;
    }
}

/// <summary>What makes a label attractive, computed once per label (all values are natural logarithms of multipliers).</summary>
internal readonly record struct NameFeatures(int Length, double Shape, double Round, double Year, bool LeadingZero, bool AreaLike, int Prefix2)
{
    /// <summary>Base weight by length, index = length: short names are wanted most, five digits hardly.</summary>
    public static readonly double[] LengthLog = [0, Math.Log(400), Math.Log(50), Math.Log(6), 0, Math.Log(0.015)];

    public static readonly NameFeatures[] All = BuildAll();

    /// <summary>Attractiveness to nobody in particular (used for a range party's favourites).</summary>
    public double Generic => LengthLog[Length] + Shape + Round + Year + (LeadingZero ? Math.Log(0.25) : 0);

    private static NameFeatures[] BuildAll()
    {
        var all = new NameFeatures[Space.Count];
        for (int i = 0; i < Space.Count; i++)
        {
            all[i] = Of(Space.Labels[i]);
        }
        return all;
    }

    private static NameFeatures Of(string s)
    {
        int n = s.Length;
        int value = int.Parse(s, CultureInfo.InvariantCulture);
        bool rep = n >= 2 && s.All(c => c == s[0]);
        bool up = n >= 3, down = n >= 3, palindrome = n >= 3;
        for (int k = 1; k < n; k++)
        {
            up &= s[k] == s[k - 1] + 1;
            down &= s[k] == s[k - 1] - 1;
        }
        for (int k = 0; k < n / 2; k++)
        {
            palindrome &= s[k] == s[n - 1 - k];
        }
        bool abab = n == 4 && s[0] == s[2] && s[1] == s[3] && s[0] != s[1];
        bool aabb = n == 4 && s[0] == s[1] && s[2] == s[3] && s[0] != s[2];
        bool twoDigits = n >= 4 && s.Distinct().Count() == 2;

        // repeated digits and runs count for more the longer the name (44 is common, 4444 is not)
        double shape = rep ? Math.Log(n == 2 ? 4 : n == 3 ? 15 : 30) : (up || down) ? Math.Log(n == 3 ? 8 : 20)
            : (abab || aabb) ? Math.Log(5)
            : palindrome ? Math.Log(4) : twoDigits ? Math.Log(2) : 0;

        int zeros = 0;
        while (value > 0 && zeros < n && s[n - 1 - zeros] == '0')
        {
            zeros++;
        }
        double round = zeros > 0 ? Math.Log(1 + (2.5 * zeros))
            : n >= 3 && s.EndsWith("50", StringComparison.Ordinal) ? Math.Log(2)
            : n >= 3 && (s.EndsWith("25", StringComparison.Ordinal) || s.EndsWith("75", StringComparison.Ordinal) || s.EndsWith("99", StringComparison.Ordinal)) ? Math.Log(1.5)
            : 0;

        bool lead = n >= 2 && s[0] == '0';
        double year = n != 4 || lead ? 0
            : value == 2008 ? Math.Log(30)
            : value is >= 1950 and <= 2010 ? Math.Log(8)
            : value is >= 1900 and <= 2030 ? Math.Log(4)
            : 0;
        bool area = n is 3 or 4 && lead && s[1] != '0';
        int prefix2 = n == 4 && !lead ? value / 100 : -1;
        return new NameFeatures(n, shape, round, year, lead, area, prefix2);
    }
}

/// <summary>One ordinary participant's taste: the common features, weighted its own way, plus personal quirks.</summary>
internal sealed class Taste
{
    private readonly double _shape, _round, _year, _leadingZero;
    private readonly int _favouriteLength, _favouriteDigit, _homePrefix;
    private readonly bool _areaCodes;

    public Taste(Rng rng)
    {
        _shape = rng.Uniform(0.6, 1.4);
        _round = rng.Uniform(0.6, 1.4);
        _year = rng.Chance(0.25) ? rng.Uniform(1.2, 1.6) : rng.Uniform(0.3, 1.1);
        _areaCodes = rng.Chance(0.25);
        _leadingZero = rng.Chance(0.15) ? Math.Log(1.2) : Math.Log(0.25);
        // a favourite length (most often 3 or 4 digits; a few like five-digit, phone-like numbers)
        double u = rng.Open();
        _favouriteLength = u < 0.1 ? 1 : u < 0.25 ? 2 : u < 0.5 ? 3 : u < 0.85 ? 4 : 5;
        _favouriteDigit = rng.Chance(0.35) ? rng.Pick(1, 3, 7, 7, 8, 8, 8, 9, 2, 5) : -1;
        _homePrefix = rng.Chance(0.35) ? rng.Between(10, 99) : -1;
    }

    public double LogWeight(int index)
    {
        NameFeatures f = NameFeatures.All[index];
        double w = NameFeatures.LengthLog[f.Length] + (f.Length == _favouriteLength ? Math.Log(3) : 0)
            + (_shape * f.Shape) + (_round * f.Round) + (_year * f.Year);
        if (f.LeadingZero)
        {
            w += _areaCodes && f.AreaLike ? Math.Log(6) : _leadingZero;
        }
        if (_homePrefix >= 0 && f.Prefix2 == _homePrefix)
        {
            w += Math.Log(4);
        }
        if (_favouriteDigit >= 0 && f.Length >= 2)
        {
            char d = (char)('0' + _favouriteDigit);
            int count = 0;
            foreach (char c in Space.Labels[index])
            {
                count += c == d ? 1 : 0;
            }
            w += count >= 2 ? Math.Log(3) : 0;
        }
        return w;
    }

    /// <summary>
    /// The participant's list: which names by weighted sampling without replacement (Gumbel top-n, probability
    /// proportional to the weight), then sent most-wanted first with noise (log weight plus a normal jitter).
    /// </summary>
    public int[] DrawList(int size, double orderNoise, Rng rng)
    {
        var heap = new PriorityQueue<int, double>(size + 1);
        var logWeight = new double[Space.Count];
        for (int i = 0; i < Space.Count; i++)
        {
            logWeight[i] = LogWeight(i);
            double key = logWeight[i] + rng.Gumbel();
            if (heap.Count < size)
            {
                heap.Enqueue(i, key);
            }
            else if (heap.TryPeek(out _, out double least) && key > least)
            {
                heap.DequeueEnqueue(i, key);
            }
        }
        var chosen = new List<(int Index, double Order)>(size);
        while (heap.TryDequeue(out int index, out _))
        {
            chosen.Add((index, logWeight[index] + (orderNoise * rng.Normal())));
        }
        chosen.Sort((a, b) => b.Order != a.Order ? b.Order.CompareTo(a.Order) : a.Index.CompareTo(b.Index));
        return [.. chosen.Select(c => c.Index)];
    }
}
