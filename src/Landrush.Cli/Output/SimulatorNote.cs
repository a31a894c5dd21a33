using System.Globalization;
using Landrush.Harvest.Dns;

namespace Landrush.Cli.Output;

/// <summary>
/// What a harvest says when its DNS server is Landrush's simulator (its notice at the apex): what it serves, the WHOIS
/// pace it allows, the pace this harvest keeps, and how to raise both sides. A harvest of the simulator at the default
/// 1 query/s takes hours for the 2008 space, and a newcomer should not have to guess why.
/// </summary>
internal static class SimulatorNote
{
    /// <summary>The note (one line), or null when the server is not the simulator.</summary>
    public static string? For(RegistryNotice? reply, double harvestRate, string source)
    {
        if (reply?.Notice is not { } notice)
        {
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        var what = $"the target is the Landrush simulator serving \"{notice.Dataset}\"{(notice.Synthetic ? " (SYNTHETIC data)" : "")}";
        var pace = string.Create(inv, $"this harvest asks at {harvestRate:0.###}/s");
        if (reply.Limits is not { } limits)
        {
            return $"harvest: {what}; {pace}";
        }

        var daily = limits.WhoisDaily is { } d ? string.Create(inv, $", {d:N0} a day") : ", no daily cap";
        if (limits.WhoisRate is not { } allowed)
        {
            return $"harvest: {what}; it sets no WHOIS rate limit{daily}, and {pace}: raise it with 'harvest --whois-rate R'";
        }

        var over = harvestRate > allowed ? " (faster than it allows: expect throttle replies)" : "";
        return string.Create(inv,
            $"harvest: {what}; it allows {allowed:0.###} WHOIS quer{(allowed == 1 ? "y" : "ies")}/s per client (burst {limits.WhoisBurst}){daily}, and {pace}{over}. " +
            $"To go faster raise both sides: 'simulate --whois-rate off' (or a rate) and 'harvest --whois-rate R'{(source == "rdap" ? " (the RDAP server is not the simulator's)" : "")}");
    }
}
