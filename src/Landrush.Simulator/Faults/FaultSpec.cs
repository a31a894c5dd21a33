using System.Globalization;
using Landrush.Core;

namespace Landrush.Simulator.Faults;

/// <summary>
/// The <c>--faults</c> spec: comma-separated <c>NAME=VALUE</c>. WHOIS: <c>reset</c>, <c>trickle</c>,
/// <c>empty</c>, <c>garbled</c>, <c>truncated</c>, <c>busy</c> (probabilities, summing to at most 1) and
/// <c>latency=P:MIN[-MAX]</c>; DNS: <c>dns-drop</c>, <c>dns-servfail</c> (summing to at most 1) and
/// <c>dns-latency=P:MIN[-MAX]</c>. Example: <c>busy=0.02,reset=0.01,latency=0.1:50ms-300ms,dns-drop=0.01</c>.
/// Empty or <c>none</c>: no faults.
/// </summary>
public sealed record FaultSpec(WhoisFaults Whois, DnsFaults Dns)
{
    /// <summary>No faults.</summary>
    public static FaultSpec None { get; } = new(WhoisFaults.None, DnsFaults.None);

    /// <summary>Reads a spec; a bad one is a <see cref="UserInputException"/> naming the part that is wrong.</summary>
    public static FaultSpec Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec) || spec.Trim() == "none")
        {
            return None;
        }

        var whois = new WhoisFaults();
        var dns = new DnsFaults();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 1)
            {
                throw new UserInputException($"--faults: '{part}' is not NAME=VALUE");
            }

            var (key, value) = (part[..eq].Trim(), part[(eq + 1)..].Trim());
            if (!seen.Add(key))
            {
                throw new UserInputException($"--faults: '{key}' given twice");
            }

            (whois, dns) = key switch
            {
                "reset" => (whois with { Reset = Probability(key, value) }, dns),
                "trickle" => (whois with { Trickle = Probability(key, value) }, dns),
                "empty" => (whois with { Empty = Probability(key, value) }, dns),
                "garbled" => (whois with { Garbled = Probability(key, value) }, dns),
                "truncated" => (whois with { Truncated = Probability(key, value) }, dns),
                "busy" => (whois with { Busy = Probability(key, value) }, dns),
                "latency" => (whois with { Latency = LatencyFault.Parse(key, value) }, dns),
                "dns-drop" => (whois, dns with { Drop = Probability(key, value) }),
                "dns-servfail" => (whois, dns with { ServFail = Probability(key, value) }),
                "dns-latency" => (whois, dns with { Latency = LatencyFault.Parse(key, value) }),
                _ => throw new UserInputException(
                    $"--faults: unknown fault '{key}' (known: reset, trickle, empty, garbled, truncated, busy, latency, dns-drop, dns-servfail, dns-latency)"),
            };
        }

        if (whois.Total > 1 + 1e-12)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"--faults: the WHOIS answer faults sum to {whois.Total}, more than 1"));
        }

        if (dns.Drop + dns.ServFail > 1 + 1e-12)
        {
            throw new UserInputException("--faults: dns-drop and dns-servfail sum to more than 1");
        }

        return new FaultSpec(whois, dns);
    }

    internal static double Probability(string key, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || !(p is >= 0 and <= 1))
        {
            throw new UserInputException($"--faults: '{key}={text}': a probability is a number from 0 to 1");
        }

        return p;
    }

    internal static double Check(double p) =>
        p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "a probability is from 0 to 1");
}
