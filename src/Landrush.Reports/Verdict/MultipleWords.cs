using System.Globalization;
using Landrush.Analysis.Verdict;

namespace Landrush.Reports.Verdict;

/// <summary>
/// A capacity multiple in short words, composed once for every text and table: an estimate, a one-sided bound where the
/// likelihood peaks at an edge of the multiples searched, or nothing; and its 95% interval, "up to" where it has no lower end.
/// </summary>
public static class MultipleWords
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>"12.5×", "above 40×", "below 1.4×", or <paramref name="none"/> when the data bound it on neither side.</summary>
    /// <param name="range">The reading.</param>
    /// <param name="format">Number format, e.g. <c>0.#</c>.</param>
    /// <param name="unit">What follows a number, e.g. <c>×</c> (empty in a table whose header names it).</param>
    /// <param name="none">The words for no reading.</param>
    public static string Reading(MultipleRange range, string format, string unit, string none = "not identified") =>
        range.Multiple is { } m ? N(m, format) + unit
        : range.Above ? $"above {N(range.Low, format)}{unit}"
        : range.Below ? $"below {N(range.High!.Value, format)}{unit}"
        : none;

    /// <summary>
    /// The 95% interval of an estimate: "8.1× to 20×", "up to 20×" (no lower end) or "8.1× to unbounded"; null without an
    /// estimate (a one-sided reading is its own interval, and no reading has none).
    /// </summary>
    public static string? Interval(MultipleRange range, string format, string unit, string to = " to ", string unbounded = "unbounded") =>
        range.Multiple is null ? null
        : (range.Low > 0 ? N(range.Low, format) + unit + to : "up to ") + (range.High is { } h ? N(h, format) + unit : unbounded);

    private static string N(double x, string format) => x.ToString(format, Inv);
}
