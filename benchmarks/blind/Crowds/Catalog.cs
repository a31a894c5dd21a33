using System.Globalization;

namespace Crowds;

/// <summary>What an ordinary participant can like. The first seven are fixed catalogues shared by everyone; the
/// last three are personal: drawn anew for each participant (its postcode area, its own numbers, a random set).</summary>
internal enum Taste
{
    Short, Year, Pattern, Round, AreaCode, Lucky, LeadingZero, Postcode, Anchors, RandomSet,
}

/// <summary>
/// The catalogue of attractive names and the lists of ordinary participants. Each catalogue family gives its
/// names weights normalised to a total of 1, so that a participant's taste weights read as the rough share of
/// its list that comes from each family.
/// </summary>
internal static class Catalog
{
    public const int Families = 10;
    private const int SharedFamilies = 7;

    /// <summary>How popular each taste is before a landrush's own culture reshuffles it.</summary>
    public static readonly double[] Prior = [1.0, 0.8, 0.8, 0.6, 0.4, 0.5, 0.3, 0.25, 0.35, 0.25];

    private static readonly (string Label, double Weight)[] LuckyNames =
    [
        ("7", 3), ("8", 3), ("13", 2), ("21", 1.5), ("42", 2), ("69", 2), ("88", 2), ("99", 1.5), ("100", 2),
        ("101", 2), ("111", 2), ("112", 2), ("123", 3), ("247", 1.5), ("365", 2), ("404", 1.5), ("420", 1.5),
        ("500", 1), ("666", 2), ("747", 1), ("777", 3), ("888", 3), ("911", 2), ("999", 2), ("0123", 1),
        ("0800", 2), ("0900", 2), ("1001", 1.5), ("1234", 3), ("1337", 2), ("1888", 1), ("2000", 2),
        ("2468", 1), ("3000", 1), ("4711", 1), ("7777", 2), ("8888", 3), ("9999", 2), ("12345", 3),
        ("31337", 1.5), ("54321", 1),
    ];

    /// <summary>Names in the catalogue (as space indices) and, per shared family, their normalised weights.</summary>
    public static readonly int[] Names;
    public static readonly double[][] Weights;

    static Catalog()
    {
        // Four-digit area-code-like numbers: a fixed draw (not from the suite seed), as a country's plan is fixed.
        var areaRng = new Rng(0x0A4EAC0DE);
        var areaCodes4 = new HashSet<int>();
        while (areaCodes4.Count < 160)
        {
            areaCodes4.Add(Space.Index(areaRng.Int(100, 999), 4));
        }

        var lucky = LuckyNames.ToDictionary(l => Space.Parse(l.Label), l => l.Weight);
        var names = new List<int>();
        var raw = new List<double[]>();
        for (int i = 0; i < Space.Count; i++)
        {
            string s = Space.Label(i);
            double[] w =
            [
                ShortWeight(s), YearWeight(s), PatternWeight(s), RoundWeight(s),
                s.Length == 3 && s[0] == '0' && s[1] != '0' ? 2 : areaCodes4.Contains(i) ? 1 : 0,
                lucky.GetValueOrDefault(i), LeadingZeroWeight(s),
            ];
            if (w.Any(x => x > 0))
            {
                names.Add(i);
                raw.Add(w);
            }
        }

        Names = [.. names];
        Weights = new double[SharedFamilies][];
        for (int f = 0; f < SharedFamilies; f++)
        {
            double total = raw.Sum(w => w[f]);
            Weights[f] = [.. raw.Select(w => w[f] / total)];
        }
    }

    private static double ShortWeight(string s) => s.Length switch
    {
        1 => 40,
        2 => s[0] == '0' ? 2 : 6,
        3 => s[0] == '0' ? 0.3 : 1,
        _ => 0,
    };

    private static double YearWeight(string s)
    {
        int v = int.Parse(s, CultureInfo.InvariantCulture);
        if (s.Length == 2)
        {
            return v >= 50 ? 0.6 : v <= 12 ? 0.4 : 0; // '75, '08
        }

        if (s.Length != 4 || v < 1900 || v > 2030)
        {
            return 0;
        }

        // Birth years around 1972 most, the new millennium and round decades a little more.
        double z = (v - 1972) / 20.0;
        return 0.3 + (2.5 * Math.Exp(-z * z)) + (v is >= 2000 and <= 2012 ? 1.2 : 0) + (v % 10 == 0 ? 0.5 : 0);
    }

    private static double PatternWeight(string s)
    {
        int n = s.Length;
        if (n < 2)
        {
            return 0;
        }

        if (s.All(c => c == s[0]))
        {
            return n == 2 ? 4 : 8; // repdigits
        }

        bool up = true, down = true;
        for (int i = 1; i < n; i++)
        {
            up &= s[i] == s[i - 1] + 1;
            down &= s[i] == s[i - 1] - 1;
        }

        if (n >= 3 && (up || down))
        {
            return 5; // 123, 0123, 54321
        }

        bool palindrome = s.SequenceEqual(s.Reverse());
        return n switch
        {
            3 when palindrome => 1,
            4 when s[0] == s[2] && s[1] == s[3] => 1.5, // ABAB
            4 when s[0] == s[1] && s[2] == s[3] => 1.5, // AABB
            4 when palindrome => 1,                    // ABBA
            4 when s[1] == s[2] && (s[0] == s[1] || s[2] == s[3]) => 0.5, // AAAB, ABBB
            5 when s[0] == s[2] && s[2] == s[4] && s[1] == s[3] => 1, // ABABA
            5 when palindrome => 0.4,
            _ => 0,
        };
    }

    private static double RoundWeight(string s)
    {
        int n = s.Length, v = int.Parse(s, CultureInfo.InvariantCulture);
        if (n < 2 || s[0] == '0')
        {
            return 0;
        }

        int p = (int)Math.Pow(10, n - 1);
        return v % p == 0 ? 6 : n >= 3 && v % (p / 10) == 0 ? 2 : n == 3 && v % 50 == 0 ? 1 : n == 5 && v % 1000 == 0 ? 1 : 0;
    }

    private static double LeadingZeroWeight(string s)
    {
        int n = s.Length;
        if (n < 2 || s[0] != '0')
        {
            return 0;
        }

        int zeros = s.TakeWhile(c => c == '0').Count();
        string rest = s[zeros..];
        if (rest.Length == 1)
        {
            return zeros <= 2 ? 3 : 2; // 07, 007, 0007, 00007
        }

        if (zeros == 1 && rest.All(c => c == rest[0]))
        {
            return 1.5; // 077, 0777
        }

        return rest.Length == 2 && n >= 4 ? (n == 4 ? 0.6 : 0.4) : 0; // 0042, 00042
    }
}
