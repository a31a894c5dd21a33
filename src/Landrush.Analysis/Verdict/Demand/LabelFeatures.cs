using Landrush.Core.Model.Demand;

namespace Landrush.Analysis.Verdict.Demand;

/// <summary>
/// Generic features that make a numeric label attractive, for the want-rate fit: nothing of one country or launch.
/// Core's patterns (repeated digit, run, repeated pair, round, year-like, palindrome, leading zero) without its
/// profile's area codes, plus three shapes any numbering shows: <see cref="AreaCodeLike"/> (a leading zero then a
/// non-zero digit, three or four digits: how telephone area codes are written in many countries),
/// <see cref="RoundHundreds"/> (three or more digits ending in 00 that are not already round: 2100, 1500) and
/// <see cref="DateLike"/> (four digits that read as a day and month either way round: 2412, 1225).
/// </summary>
public static class LabelFeatures
{
    /// <summary>Number of feature bits <see cref="Of"/> returns.</summary>
    public const int Count = 10;

    /// <summary>Bit of the year-like shape (Core's: four digits, 1900–2030).</summary>
    /// <remarks>Its place in <see cref="CoreFlags"/> (the fifth); SpanFinderTests read 1901–2028 as one stretch class through it.</remarks>
    public const int Year = 1 << 4;

    /// <summary>
    /// The shapes each of which is one unbroken stretch of numbers (years, area-code-like numbers): a list of such a class,
    /// in any order, holds a span of it as a range would.
    /// </summary>
    public const int Stretches = Year | AreaCodeLike;

    /// <summary>Bit of the area-code-like shape.</summary>
    public const int AreaCodeLike = 1 << 7;

    /// <summary>Bit of the round-hundreds shape.</summary>
    public const int RoundHundreds = 1 << 8;

    /// <summary>Bit of the date-like shape.</summary>
    public const int DateLike = 1 << 9;

    private static readonly NameAttractiveness Patterns = new([]);

    // Core's flags in a fixed bit order: the fit's columns.
    private static readonly NameFeatures[] CoreFlags =
    [
        NameFeatures.RepeatedDigit, NameFeatures.Run, NameFeatures.RepeatedPair, NameFeatures.Round,
        NameFeatures.Year, NameFeatures.Palindrome, NameFeatures.LeadingZero,
    ];

    /// <summary>The feature bits of a label (0 for a label that is not all digits).</summary>
    public static int Of(ReadOnlySpan<char> label)
    {
        var core = Patterns.Features(label);
        var bits = 0;
        for (var i = 0; i < CoreFlags.Length; i++)
        {
            bits |= (core & CoreFlags[i]) != 0 ? 1 << i : 0;
        }

        if (bits == 0 && core == NameFeatures.None && (label.Length == 0 || label.ContainsAnyExceptInRange('0', '9')))
        {
            return 0;
        }

        if (label.Length is 3 or 4 && label[0] == '0' && label[1] != '0')
        {
            bits |= AreaCodeLike;
        }

        if (label.Length >= 3 && label[^1] == '0' && label[^2] == '0' && (core & NameFeatures.Round) == 0 && label[0] != '0')
        {
            bits |= RoundHundreds;
        }

        if (label.Length == 4 && (IsDayMonth(label[..2], label[2..]) || IsDayMonth(label[2..], label[..2])))
        {
            bits |= DateLike;
        }

        return bits;
    }

    private static bool IsDayMonth(ReadOnlySpan<char> day, ReadOnlySpan<char> month)
    {
        var d = ((day[0] - '0') * 10) + (day[1] - '0');
        var m = ((month[0] - '0') * 10) + (month[1] - '0');
        return d is >= 1 and <= 31 && m is >= 1 and <= 12;
    }
}
