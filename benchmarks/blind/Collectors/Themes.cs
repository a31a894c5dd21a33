namespace Collectors;

/// <summary>
/// The themes of this generator's world. Weights encode a shared sense of value (short beats long, repdigits,
/// round numbers, years people were born in), so that attractive names are contested by many participants.
/// A theme keeps only the labels that lie in the space.
/// </summary>
internal static class Themes
{
    private sealed class Builder(Space space, string name)
    {
        private readonly List<int> _members = [];
        private readonly List<double> _weights = [];
        private readonly HashSet<int> _seen = [];

        public void Add(int len, int value, double weight)
        {
            if (space.Has(len) && _seen.Add(space.Index(len, value)))
            {
                _members.Add(space.Index(len, value));
                _weights.Add(weight);
            }
        }

        public Theme Build() => new(name, _members, _weights);
    }

    private static bool IsPalindrome(int v, int len)
    {
        string s = v.ToString("D" + len, System.Globalization.CultureInfo.InvariantCulture);
        return s.SequenceEqual(s.Reverse());
    }

    public static Theme Short(Space s)
    {
        var b = new Builder(s, "short");
        for (int v = 0; v < 10; v++)
        {
            b.Add(1, v, v == 0 ? 6 : 8);
        }

        for (int v = 10; v < 100; v++)
        {
            b.Add(2, v, v % 11 == 0 ? 6 : 4);
        }

        for (int v = 0; v < 10; v++)
        {
            b.Add(2, v, 2);
        }

        return b.Build();
    }

    public static Theme ThreeDigit(Space s)
    {
        var b = new Builder(s, "three-digit");
        for (int v = 100; v < 1000; v++)
        {
            b.Add(3, v, (v % 100 == 0 ? 3 : v % 10 == 0 ? 2 : 1) * (IsPalindrome(v, 3) ? 2 : 1));
        }

        return b.Build();
    }

    public static Theme Repdigits(Space s)
    {
        var b = new Builder(s, "repdigits");
        for (int len = 1; len <= 5; len++)
        {
            foreach (int d in (int[])[1, 2, 3, 4, 5, 6, 7, 8, 9, 0])
            {
                b.Add(len, d * ((Space.Pow10(len) - 1) / 9), (6 - len) * (d == 0 ? 0.5 : d is 7 or 8 ? 1.5 : 1.0));
            }
        }

        return b.Build();
    }

    /// <summary>Palindromes of lengths lo..hi without a leading zero.</summary>
    public static Theme Palindromes(Space s, int lo = 3, int hi = 5)
    {
        var b = new Builder(s, "palindromes");
        for (int len = lo; len <= hi; len++)
        {
            for (int v = Space.Pow10(len - 1); v < Space.Pow10(len); v++)
            {
                if (IsPalindrome(v, len))
                {
                    b.Add(len, v, len == 3 ? 3 : len == 4 ? 2 : 0.6);
                }
            }
        }

        return b.Build();
    }

    /// <summary>One significant digit (40, 500, 7000, 20000), then two (250, 1500, 12000).</summary>
    public static Theme Round(Space s)
    {
        var b = new Builder(s, "round");
        for (int len = 2; len <= 5; len++)
        {
            for (int d = 1; d <= 9; d++)
            {
                b.Add(len, d * Space.Pow10(len - 1), 9 - len);
            }
        }

        for (int len = 3; len <= 5; len++)
        {
            for (int ab = 11; ab <= 99; ab++)
            {
                if (ab % 10 != 0)
                {
                    b.Add(len, ab * Space.Pow10(len - 2), 2.4 / (len - 2));
                }
            }
        }

        return b.Build();
    }

    /// <summary>Years; people want the years they and their children were born in, and round years.</summary>
    public static Theme Years(Space s, int from = 1900, int to = 2030)
    {
        var b = new Builder(s, "years");
        for (int y = from; y <= to; y++)
        {
            double z = (y - 1972) / 22.0;
            b.Add(4, y, 0.3 + Math.Exp(-z * z) + (y is >= 2000 and <= 2010 ? 0.6 : 0) + (y % 10 == 0 ? 0.4 : 0));
        }

        return b.Build();
    }

    /// <summary>Area-code-like numbers with a leading zero: 010–099, then 0100–0999.</summary>
    public static Theme AreaCodes(Space s, bool withFourDigit = true)
    {
        var b = new Builder(s, "area-codes");
        for (int v = 10; v < 100; v++)
        {
            b.Add(3, v, v % 10 == 0 ? 6 : 3);
        }

        for (int v = 100; withFourDigit && v < 1000; v++)
        {
            b.Add(4, v, v % 10 == 0 ? 1.5 : 1);
        }

        return b.Build();
    }

    /// <summary>Runs up and down: 123, 0123, 12345, 987, 43210.</summary>
    public static Theme Sequences(Space s)
    {
        var b = new Builder(s, "sequences");
        for (int len = 3; len <= 5; len++)
        {
            for (int start = 0; start + len <= 10; start++)
            {
                int up = 0;
                for (int k = 0; k < len; k++)
                {
                    up = (up * 10) + start + k;
                }

                b.Add(len, up, start == 1 ? 5 : 3);
            }

            for (int top = len - 1; top <= 9; top++)
            {
                int down = 0;
                for (int k = 0; k < len; k++)
                {
                    down = (down * 10) + top - k;
                }

                b.Add(len, down, 3);
            }
        }

        return b.Build();
    }

    /// <summary>Four-digit pairs: abab and aabb.</summary>
    public static Theme Pairs(Space s)
    {
        var b = new Builder(s, "pairs");
        for (int a = 0; a <= 9; a++)
        {
            for (int c = 0; c <= 9; c++)
            {
                if (a != c)
                {
                    b.Add(4, (1010 * a) + (101 * c), a == 0 ? 0.5 : 1);
                    b.Add(4, (1100 * a) + (11 * c), a == 0 ? 0.5 : 1);
                }
            }
        }

        return b.Build();
    }

    /// <summary>Dates written ddmm (0101 … 3112): birthdays, anniversaries, holidays.</summary>
    public static Theme Dates(Space s)
    {
        var b = new Builder(s, "dates");
        int[] days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        for (int m = 1; m <= 12; m++)
        {
            for (int d = 1; d <= days[m - 1]; d++)
            {
                int v = (d * 100) + m;
                b.Add(4, v, v is 101 or 1402 or 2512 or 3112 or 3004 ? 3 : 1);
            }
        }

        return b.Build();
    }

    /// <summary>Only the lucky digits 6, 8 and 9, lengths 2–5; more eights, more luck.</summary>
    public static Theme Lucky(Space s)
    {
        var b = new Builder(s, "lucky");
        for (int len = 2; len <= 5; len++)
        {
            for (int v = Space.Pow10(len - 1); v < Space.Pow10(len); v++)
            {
                string t = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (t.All(ch => ch is '6' or '8' or '9'))
                {
                    b.Add(len, v, 0.5 + t.Count(ch => ch == '8'));
                }
            }
        }

        return b.Build();
    }

    /// <summary>Labels that start with zeros: 000–009, 0000–0099, 00000–00099; 007 above all.</summary>
    public static Theme ZeroLed(Space s)
    {
        var b = new Builder(s, "zero-led");
        for (int len = 3; len <= 5; len++)
        {
            for (int v = 0; v < (len == 3 ? 10 : 100); v++)
            {
                b.Add(len, v, v == 7 ? 12 : v < 10 ? 2 : 1);
            }
        }

        return b.Build();
    }

    /// <summary>Every label of one length, all equal: the filler of very long lists.</summary>
    public static Theme AllOfLength(Space s, int len)
    {
        var b = new Builder(s, len == 4 ? "four-digit" : "five-digit");
        for (int v = 0; v < Space.Pow10(len); v++)
        {
            b.Add(len, v, 1);
        }

        return b.Build();
    }

    /// <summary>A postcode-like hundred block (3500–3599): a local business near home.</summary>
    public static Theme Region(Space s, int hundred)
    {
        var b = new Builder(s, "region");
        for (int v = hundred * 100; v < (hundred * 100) + 100; v++)
        {
            b.Add(4, v, v % 100 == 0 ? 4 : v % 10 == 0 ? 2 : 1);
        }

        return b.Build();
    }
}
