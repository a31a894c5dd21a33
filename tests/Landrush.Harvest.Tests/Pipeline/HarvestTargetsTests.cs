using System.Net;
using Landrush.Core;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Pipeline;

namespace Landrush.Harvest.Tests.Pipeline;

/// <summary>
/// What the servers of a harvest decide before the first packet: the paces when none is given (no DNS cap toward a
/// simulator on loopback, a known WHOIS server's own rate) and the terms rule (any server off loopback needs the
/// user's word that the registry permits the harvest).
/// </summary>
public sealed class HarvestTargetsTests
{
    private static readonly IPEndPoint[] LoopbackDns = [new(IPAddress.Loopback, 5353), new(IPAddress.Parse("127.0.0.2"), 53)];

    // Documentation addresses (RFC 5737): nothing is sent, the rule only looks at them.
    private static readonly IPEndPoint[] RemoteDns = [new(IPAddress.Loopback, 5353), new(IPAddress.Parse("192.0.2.1"), 53)];

    [Fact]
    public void Dns_on_loopback_is_swept_without_a_cap_and_elsewhere_at_the_sweeps_default()
    {
        Assert.Equal(0, new HarvestTargets(LoopbackDns, "127.0.0.1", null).DnsQueriesPerSecond(null));
        Assert.Equal(DnsSweepOptions.DefaultQueriesPerSecond, new HarvestTargets(RemoteDns, "127.0.0.1", null).DnsQueriesPerSecond(null));
        Assert.Equal(100, DnsSweepOptions.DefaultQueriesPerSecond);
    }

    [Fact]
    public void A_given_pace_wins_everywhere()
    {
        Assert.Equal(7, new HarvestTargets(LoopbackDns, "127.0.0.1", null).DnsQueriesPerSecond(7));
        Assert.Equal(0, new HarvestTargets(RemoteDns, "127.0.0.1", null).DnsQueriesPerSecond(0));
        Assert.Equal(0.5, new HarvestTargets(RemoteDns, "whois.domain-registry.nl", null).WhoisRate(0.5));
    }

    [Fact]
    public void The_whois_rate_is_the_known_servers_else_the_harvests_default()
    {
        var sidn = KnownWhoisServer.ForTld("nl")!;
        Assert.Equal(sidn.Rate, new HarvestTargets(RemoteDns, sidn.Host.ToUpperInvariant(), null).WhoisRate(null));
        Assert.Equal(HarvestOptions.DefaultWhoisRate, new HarvestTargets(LoopbackDns, "127.0.0.1", null).WhoisRate(null));
        Assert.Equal(1, HarvestOptions.DefaultWhoisRate);

        // Over RDAP the WHOIS table says nothing about the pace.
        Assert.Equal(HarvestOptions.DefaultWhoisRate, new HarvestTargets(RemoteDns, sidn.Host, new Uri("https://rdap.sidn.nl/")).WhoisRate(null));
    }

    [Theory]
    [InlineData("127.0.0.1", null, true)]
    [InlineData("localhost", null, true)]
    [InlineData("LOCALHOST", null, true)]
    [InlineData("::1", null, true)]
    [InlineData("whois.domain-registry.nl", null, false)]
    [InlineData("192.0.2.7", null, false)]
    // Over RDAP the WHOIS host is not asked: the RDAP base decides.
    [InlineData("whois.domain-registry.nl", "http://127.0.0.1:8080/", true)]
    [InlineData("127.0.0.1", "https://rdap.sidn.nl/", false)]
    public void Loopback_is_every_server_the_harvest_asks(string whoisHost, string? rdap, bool onLoopback)
    {
        var targets = new HarvestTargets(LoopbackDns, whoisHost, rdap is null ? null : new Uri(rdap));
        Assert.Equal(onLoopback, targets.OnLoopback);
        Assert.False((targets with { DnsServers = RemoteDns }).OnLoopback);
    }

    [Fact]
    public void Servers_off_loopback_need_the_terms_accepted()
    {
        var remote = new HarvestTargets(RemoteDns, "127.0.0.1", null);
        var e = Assert.Throws<UserInputException>(() => remote.RequireTerms(accepted: false, "https://example.test/terms"));
        Assert.Equal("a harvest of servers not on loopback needs --accept-terms: state that the registry permits it (https://example.test/terms)", e.Message);
        Assert.Contains("(read the registry's terms)", Assert.Throws<UserInputException>(() => remote.RequireTerms(false, null)).Message, StringComparison.Ordinal);
        remote.RequireTerms(accepted: true, null);
        new HarvestTargets(LoopbackDns, "localhost", null).RequireTerms(accepted: false, null);
    }

    [Fact]
    public void Looking_up_the_TLDs_own_servers_needs_the_terms_unless_a_server_or_resolver_is_given()
    {
        var e = Assert.Throws<UserInputException>(() => HarvestTargets.RequireTermsForTldServers(false, dnsGiven: false, resolverGiven: false, "T"));
        Assert.Equal("a harvest of the TLD's own DNS servers needs --accept-terms: state that the registry permits it (T), or give --dns HOST:PORT", e.Message);
        HarvestTargets.RequireTermsForTldServers(true, dnsGiven: false, resolverGiven: false, null);
        HarvestTargets.RequireTermsForTldServers(false, dnsGiven: true, resolverGiven: false, null);
        HarvestTargets.RequireTermsForTldServers(false, dnsGiven: false, resolverGiven: true, null);
    }
}
