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
