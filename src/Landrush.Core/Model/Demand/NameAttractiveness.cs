namespace Landrush.Core.Model.Demand;

/// <summary>
/// How much a numeric label is wanted, as a relative weight for sampling wish lists. The weight is a base
/// for the length — 1 digit 400, 2 digits 100, 3 digits 20, 4 digits 4, 5 digits 0.25 (shorter is scarcer
/// and easier to remember) — times a factor per <see cref="NameFeatures"/> present: repeated digit ×10,
/// run ×6, round ×6, area code ×5, year ×4, repeated pair ×3, palindrome ×2, leading zero ×0.5.
/// The numbers are a judgement, not a measurement: they make short and patterned names contested and
/// most of the space ignored, which is what any landrush shows. Which labels are telephone area codes is
/// the profile's knowledge (the country's numbering plan), so it is given to the constructor.
/// </summary>
public sealed class NameAttractiveness
{
    private static readonly double[] LengthBase = [0, 400, 100, 20, 4, 0.25];

    private readonly HashSet<string> _areaCodes;

    /// <param name="areaCodes">Labels that are telephone area codes where the landrush happened (may be empty).</param>
    public NameAttractiveness(IEnumerable<string> areaCodes)
    {
        ArgumentNullException.ThrowIfNull(areaCodes);
        _areaCodes = new HashSet<string>(areaCodes, StringComparer.Ordinal);
    }

    public NameFeatures Features(ReadOnlySpan<char> label)
    {
        var f = NameFeatures.None;
        var n = label.Length;
        if (n == 0)
        {
            return f;
        }

        foreach (var c in label)
        {
            if (c is < '0' or > '9')
            {
                return f;
            }
        }

        var allSame = n >= 2 && !label.ContainsAnyExcept(label[0]);
        if (allSame)
        {
            f |= NameFeatures.RepeatedDigit;
        }

        if (n >= 3 && IsRun(label, 1) || n >= 3 && IsRun(label, -1))
        {
            f |= NameFeatures.Run;
        }

        if (n == 4 && label[0] == label[2] && label[1] == label[3] && label[0] != label[1])
        {
            f |= NameFeatures.RepeatedPair;
        }

        if (n >= 2 && label[0] != '0' && !label[1..].ContainsAnyExcept('0'))
        {
            f |= NameFeatures.Round;
        }

        if (n == 4 && label[0] != '0')
        {
            var year = ((label[0] - '0') * 1000) + ((label[1] - '0') * 100) + ((label[2] - '0') * 10) + (label[3] - '0');
            if (year is >= 1900 and <= 2030)
            {
                f |= NameFeatures.Year;
            }
        }

        var areaCode = _areaCodes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(label);
        if (areaCode)
        {
            f |= NameFeatures.AreaCode;
        }

        if (n >= 3 && !allSame && IsPalindrome(label))
        {
            f |= NameFeatures.Palindrome;
        }

        if (n >= 2 && label[0] == '0' && !areaCode)
        {
            f |= NameFeatures.LeadingZero;
        }

        return f;
    }

    /// <summary>The weight of a label; 0 for anything that is not 1–5 digits.</summary>
    public double Weight(ReadOnlySpan<char> label)
    {
        if (label.Length is < 1 or > 5)
        {
            return 0;
        }

        foreach (var c in label)
        {
            if (c is < '0' or > '9')
            {
                return 0;
            }
        }

        var w = LengthBase[label.Length];
        var f = Features(label);
        w *= f.HasFlag(NameFeatures.RepeatedDigit) ? 10 : 1;
        w *= f.HasFlag(NameFeatures.Run) ? 6 : 1;
        w *= f.HasFlag(NameFeatures.Round) ? 6 : 1;
        w *= f.HasFlag(NameFeatures.AreaCode) ? 5 : 1;
        w *= f.HasFlag(NameFeatures.Year) ? 4 : 1;
        w *= f.HasFlag(NameFeatures.RepeatedPair) ? 3 : 1;
        w *= f.HasFlag(NameFeatures.Palindrome) ? 2 : 1;
        w *= f.HasFlag(NameFeatures.LeadingZero) ? 0.5 : 1;
        return w;
    }

    private static bool IsRun(ReadOnlySpan<char> label, int step)
    {
        for (var i = 1; i < label.Length; i++)
        {
            if (label[i] - label[i - 1] != step)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPalindrome(ReadOnlySpan<char> label)
    {
        for (int i = 0, j = label.Length - 1; i < j; i++, j--)
        {
            if (label[i] != label[j])
            {
                return false;
            }
        }

        return true;
    }
}
