using System.Net;
using Landrush.Core;
using Landrush.Harvest.Dns;

namespace Landrush.Harvest.Pipeline;

/// <summary>
/// The servers one harvest asks, and what they decide before the first packet leaves: whether the user must state that
/// the registry permits the harvest (any server off loopback), and the paces when none is given (a simulator on
/// loopback is swept without a DNS cap; a known WHOIS server at its published rate).
/// </summary>
/// <param name="DnsServers">The DNS servers the sweep asks.</param>
/// <param name="WhoisHost">The WHOIS server's host; unused when the facts come from RDAP.</param>
/// <param name="RdapBase">The RDAP base URL, or null when the facts come from WHOIS.</param>
public sealed record HarvestTargets(IReadOnlyList<IPEndPoint> DnsServers, string WhoisHost, Uri? RdapBase)
{
    /// <summary>Whether every DNS server is on loopback.</summary>
    public bool DnsOnLoopback => DnsServers.All(e => IPAddress.IsLoopback(e.Address));

    /// <summary>Whether every server the harvest asks (DNS, and WHOIS or RDAP) is on loopback.</summary>
    public bool OnLoopback => DnsOnLoopback && (RdapBase is null ? IsLoopback(WhoisHost) : RdapBase.IsLoopback);

    /// <summary>The DNS cap: <paramref name="given"/>, else no cap (0) on loopback and the sweep's default off it.</summary>
    public double DnsQueriesPerSecond(double? given) => given ?? (DnsOnLoopback ? 0 : DnsSweepOptions.DefaultQueriesPerSecond);

    /// <summary>The WHOIS rate: <paramref name="given"/>, else the known server's rate (WHOIS only), else the harvest's default.</summary>
    public double WhoisRate(double? given) =>
        given ?? (RdapBase is null ? KnownWhoisServer.ForHost(WhoisHost)?.Rate : null) ?? HarvestOptions.DefaultWhoisRate;

    /// <summary>
    /// Refuses (one line, exit 2) a harvest of servers off loopback the user has not stated the registry permits;
    /// <paramref name="terms"/> is where the registry's terms are, when known.
    /// </summary>
    public void RequireTerms(bool accepted, string? terms)
    {
        if (!OnLoopback && !accepted)
        {
            throw new UserInputException(
                $"a harvest of servers not on loopback needs --accept-terms: state that the registry permits it ({terms ?? "read the registry's terms"})");
        }
    }

    /// <summary>
    /// Refuses, before the TLD's servers are looked up, a harvest of them (no DNS server and no resolver given) the user
    /// has not stated the registry permits: finding them asks the network, so the terms apply before that first packet.
    /// </summary>
    public static void RequireTermsForTldServers(bool accepted, bool dnsGiven, bool resolverGiven, string? terms)
    {
        if (!dnsGiven && !resolverGiven && !accepted)
        {
            throw new UserInputException(
                $"a harvest of the TLD's own DNS servers needs --accept-terms: state that the registry permits it ({terms ?? "read the registry's terms"}), or give --dns HOST:PORT");
        }
    }

    /// <summary>Whether <paramref name="host"/> names this machine: <c>localhost</c> or a loopback address.</summary>
    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var a) && IPAddress.IsLoopback(a));
}
