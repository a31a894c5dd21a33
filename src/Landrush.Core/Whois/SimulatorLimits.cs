using System.Globalization;

namespace Landrush.Core.Whois;

/// <summary>
/// The WHOIS limits Landrush's registry simulator enforces per client address, as its DNS server states them beside its
/// notice (a TXT record at the apex), so that a harvest can say at its start what pace the simulator allows and how to
/// raise it on both sides. One line: <c>landrush-simulator-limits whois-rate=1 whois-burst=1 whois-daily=10000</c>, a rate
/// or daily cap of <c>off</c> when there is none.
/// </summary>
/// <param name="WhoisRate">Queries per second per client; null when off.</param>
/// <param name="WhoisBurst">Queries a client may send at once.</param>
/// <param name="WhoisDaily">Answered queries per client per UTC day; null when off.</param>
public sealed record SimulatorLimits(double? WhoisRate, int WhoisBurst, int? WhoisDaily)
{
    /// <summary>How the line starts.</summary>
    public const string Prefix = "landrush-simulator-limits";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string ToLine() =>
        $"{Prefix} whois-rate={(WhoisRate is { } r ? r.ToString("R", Inv) : "off")} whois-burst={WhoisBurst.ToString(Inv)} whois-daily={(WhoisDaily is { } d ? d.ToString(Inv) : "off")}";

    /// <summary>Reads a line written by <see cref="ToLine"/>; null for any other text.</summary>
    public static SimulatorLimits? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[0] != Prefix)
        {
            return null;
        }

        var values = words.Skip(1).Select(w => w.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        double? rate = values.GetValueOrDefault("whois-rate") is { } rt && rt != "off"
            ? double.TryParse(rt, NumberStyles.Float, Inv, out var rv) && rv > 0 ? rv : null
            : null;
        var burst = int.TryParse(values.GetValueOrDefault("whois-burst"), NumberStyles.None, Inv, out var b) && b > 0 ? b : 1;
        int? daily = int.TryParse(values.GetValueOrDefault("whois-daily"), NumberStyles.None, Inv, out var dv) ? dv : null;
        return new SimulatorLimits(rate, burst, daily);
    }
}
