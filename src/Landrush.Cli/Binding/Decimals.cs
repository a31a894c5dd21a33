using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Landrush.Cli.Binding;

/// <summary>
/// Numbers with a fraction, as typed on the command line: a point for the fraction, an optional exponent, never a
/// thousands separator. The library's own parser reads "2,5" as 25 (a rate ten times the one meant), and "1e-400" as 0.
/// NaN and infinities pass: the options' own checks refuse them by name.
/// </summary>
internal static class Decimals
{
    /// <summary>For an <c>Option&lt;double&gt;</c>'s <c>CustomParser</c>.</summary>
    public static double Parse(ArgumentResult result) => ParseOptional(result) ?? 0;

    /// <summary>For an <c>Option&lt;double?&gt;</c>'s <c>CustomParser</c>.</summary>
    public static double? ParseOptional(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
        if (TryRead(text, out var value, out var why))
        {
            return value;
        }

        var name = result.Parent is OptionResult option ? option.Option.Name : "the value";
        result.AddError($"option '{name}': '{text}' {why}");
        return null;
    }

    /// <summary>
    /// <paramref name="option"/>'s value for a message: as typed, and what it was read as when that is another number (a
    /// literal past a double's 17 digits: "0.99999999999999999999 (read as 1)", which "--alpha 1: … below 1" would hide).
    /// </summary>
    public static string Shown(ParseResult parsed, Option<double> option)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var read = parsed.GetValue(option).ToString("R", CultureInfo.InvariantCulture);
        if (parsed.GetResult(option) is not { Tokens.Count: > 0 } given)
        {
            return read;
        }

        // Compared digit by digit, however many were typed: "5E-2" and "0.05" are one number, 0.99999999999999999999 and 1 are not.
        var typed = given.Tokens[^1].Value;
        var same = Canonical(typed) is { } t && Canonical(read) is { } r
            ? t == r
            : string.Equals(typed.Trim(), read, StringComparison.OrdinalIgnoreCase);
        return same ? typed : $"{typed} (read as {read})";
    }

    // "0.050e1" is ("5", -1): the significant digits and the power of ten of the last; null for NaN, infinity or no number.
    private static (bool Negative, string Digits, long Exponent)? Canonical(string text)
    {
        var s = text.Trim();
        var negative = s.StartsWith('-');
        s = s.TrimStart('+', '-');
        long exponent = 0;
        var e = s.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!long.TryParse(s[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return null;
            }

            s = s[..e];
        }

        var point = s.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0)
        {
            exponent -= s.Length - point - 1;
            s = s.Remove(point, 1);
        }

        if (s.Length == 0 || !s.All(char.IsAsciiDigit))
        {
            return null;
        }

        var digits = s.TrimStart('0');
        var significant = digits.TrimEnd('0');
        return significant.Length == 0 ? (false, "0", 0) : (negative, significant, exponent + digits.Length - significant.Length);
    }

    /// <summary>Reads <paramref name="text"/>; false with <paramref name="why"/> (words after the value) when it is no such number.</summary>
    public static bool TryRead(string text, out double value, out string why)
    {
        ArgumentNullException.ThrowIfNull(text);
        why = "";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            why = text.Contains(',', StringComparison.Ordinal)
                ? "is not a number (write a decimal point, not a comma)"
                : "is not a number";
            return false;
        }

        // A literal with a non-zero digit that reads as 0 (or too small to keep its precision) underflowed.
        var mantissa = text.Split('e', 'E')[0];
        if ((value == 0 || double.IsSubnormal(value)) && mantissa.Any(c => c is >= '1' and <= '9'))
        {
            why = "is too small to represent";
            return false;
        }

        return true;
    }
}
