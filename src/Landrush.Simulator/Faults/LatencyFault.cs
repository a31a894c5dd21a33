using System.Globalization;
using Landrush.Core;

namespace Landrush.Simulator.Faults;

/// <summary>
/// Added latency: with <see cref="Probability"/>, a delay drawn uniformly from
/// [<see cref="Min"/>, <see cref="Max"/>] before the answer. Written <c>P:MIN[-MAX]</c> in a fault spec,
/// e.g. <c>0.1:50ms-200ms</c> or <c>0.05:1s</c>.
/// </summary>
public sealed record LatencyFault(double Probability, TimeSpan Min, TimeSpan Max)
{
    /// <summary>No added latency.</summary>
    public static LatencyFault None { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The delay for two uniform draws (whether, how long).</summary>
    public TimeSpan Draw(double whether, double howLong) =>
        whether < Probability ? Min + ((Max - Min) * howLong) : TimeSpan.Zero;

    public override string ToString() => Probability == 0
        ? "0"
        : string.Create(CultureInfo.InvariantCulture, $"{Probability}:{Min.TotalMilliseconds}ms-{Max.TotalMilliseconds}ms");

    /// <summary>Reads <c>P:MIN[-MAX]</c>; durations in <c>ms</c> or <c>s</c>.</summary>
    internal static LatencyFault Parse(string key, string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new UserInputException($"fault '{key}': write PROBABILITY:MIN[-MAX], e.g. {key}=0.1:50ms-200ms");
        }

        var p = FaultSpec.Probability(key, value[..colon]);
        var range = value[(colon + 1)..].Split('-');
        if (range.Length > 2)
        {
            throw new UserInputException($"fault '{key}': '{value[(colon + 1)..]}' is not MIN or MIN-MAX");
        }

        var min = Duration(key, range[0]);
        var max = range.Length == 2 ? Duration(key, range[1]) : min;
        if (max < min)
        {
            throw new UserInputException($"fault '{key}': the maximum {range[1]} is below the minimum {range[0]}");
        }

        return new LatencyFault(p, min, max);
    }

    private static TimeSpan Duration(string key, string text)
    {
        var t = text.Trim();
        var (number, scale) = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 1.0)
            : t.EndsWith('s') ? (t[..^1], 1000.0)
            : (t, double.NaN);
        if (double.IsNaN(scale) || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0 || v * scale > 3_600_000)
        {
            throw new UserInputException($"fault '{key}': '{text}' is not a duration (write e.g. 200ms or 1.5s, at most an hour)");
        }

        return TimeSpan.FromMilliseconds(v * scale);
    }
}
