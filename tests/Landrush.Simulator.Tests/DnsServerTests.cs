using ARSoft.Tools.Net.Dns;
using Landrush.Simulator.Dns;

namespace Landrush.Simulator.Tests;

public class DnsServerTests
{
    private static RegistrySimulatorOptions DnsOnly() => TestData.Options() with { EnableWhois = false };

    [Fact]
    public async Task An_active_name_gets_a_referral_with_in_bailiwick_glue_and_no_AA()
    {
        await using var sim = await RegistrySimulator.StartAsync(DnsOnly());
        var r = (await DnsProbe.AskAsync(sim.DnsEndPoint!, "4821.nl", RecordType.Ns))!;
        Assert.Equal(ReturnCode.NoError, r.ReturnCode);
        Assert.False(r.IsAuthoritiveAnswer);
        Assert.False(r.IsRecursionAllowed);
        Assert.Empty(r.AnswerRecords);
        Assert.Equal(["ns1.4821.nl", "ns2.4821.nl", "ns3.9998.nl"], r.AuthorityRecords.OfType<NsRecord>().Select(n => n.NameServer.ToString(false)));
        Assert.All(r.AuthorityRecords, a => Assert.Equal("4821.nl", a.Name.ToString(false)));
        // Glue for the two under 4821.nl; none for the one under a free name.
        var glue = r.AdditionalRecords.Where(a => a.RecordType is RecordType.A or RecordType.Aaaa).Select(a => a.Name.ToString(false)).Distinct().Order();
        Assert.Equal(["ns1.4821.nl", "ns2.4821.nl"], glue);
        var a1 = r.AdditionalRecords.OfType<ARecord>().First(a => a.Name.ToString(false) == "ns1.4821.nl");
        Assert.Equal(RegistryZone.GlueAddresses("ns1.4821.nl").V4, a1.Address);

        // A name below a delegation is referred too.
        var below = (await DnsProbe.AskAsync(sim.DnsEndPoint!, "www.1234.nl", RecordType.A))!;
        Assert.Equal(["ns1.hosting.example", "ns2.hosting.example"], below.AuthorityRecords.OfType<NsRecord>().Select(n => n.NameServer.ToString(false)));
        Assert.False(below.IsAuthoritiveAnswer);
    }

    [Theory]
    [InlineData("9998.nl")] // free
    [InlineData("0417.nl")] // inactive
    [InlineData("5550.nl")] // quarantine
    [InlineData("abc.nl")] // not in the dataset
    [InlineData("ns3.9998.nl")] // a name server under a free name
    public async Task Every_name_not_delegated_is_NXDOMAIN_with_the_SOA(string name)
    {
        await using var sim = await RegistrySimulator.StartAsync(DnsOnly());
        var r = (await DnsProbe.AskAsync(sim.DnsEndPoint!, name, RecordType.Ns))!;
        Assert.Equal(ReturnCode.NxDomain, r.ReturnCode);
        Assert.True(r.IsAuthoritiveAnswer);
        var soa = Assert.IsType<SoaRecord>(Assert.Single(r.AuthorityRecords));
        Assert.Equal("nl", soa.Name.ToString(false));
        Assert.Equal(RegistryZone.NegativeTtl, soa.TimeToLive);
    }

    [Fact]
    public async Task The_apex_answers_SOA_and_NS_with_AA_and_other_zones_are_refused()
    {
        await using var sim = await RegistrySimulator.StartAsync(DnsOnly());
        var soa = (await DnsProbe.AskAsync(sim.DnsEndPoint!, "nl", RecordType.Soa))!;
        Assert.True(soa.IsAuthoritiveAnswer);
        Assert.IsType<SoaRecord>(Assert.Single(soa.AnswerRecords));
        var ns = (await DnsProbe.AskAsync(sim.DnsEndPoint!, "NL", RecordType.Ns))!;
        Assert.Equal(RegistryZone.ApexNameServers, ns.AnswerRecords.OfType<NsRecord>().Select(n => n.NameServer.ToString(false)));
        var nodata = (await DnsProbe.AskAsync(sim.DnsEndPoint!, "nl", RecordType.Mx))!;
        Assert.Equal(ReturnCode.NoError, nodata.ReturnCode);
        Assert.Empty(nodata.AnswerRecords);
        Assert.IsType<SoaRecord>(Assert.Single(nodata.AuthorityRecords));
        var other = (await DnsProbe.AskAsync(sim.DnsEndPoint!, "example.com", RecordType.A))!;
        Assert.Equal(ReturnCode.Refused, other.ReturnCode);
        Assert.False(other.IsAuthoritiveAnswer);
    }

    [Fact]
    public async Task A_referral_over_512_bytes_is_truncated_without_EDNS_and_whole_with_it()
    {
        await using var sim = await RegistrySimulator.StartAsync(DnsOnly());
        var plain = (await DnsProbe.AskAsync(sim.DnsEndPoint!, "9999.nl", RecordType.Ns))!;
        Assert.True(plain.IsTruncated);
        Assert.False(plain.IsEDnsEnabled);
        var edns = (await DnsProbe.AskAsync(sim.DnsEndPoint!, "9999.nl", RecordType.Ns, ednsSize: 4096))!;
        Assert.False(edns.IsTruncated);
        Assert.True(edns.IsEDnsEnabled);
        Assert.Equal(TestData.ManyNameServers, edns.AuthorityRecords.OfType<NsRecord>().Select(n => n.NameServer.ToString(false)));
        var small = (await DnsProbe.AskAsync(sim.DnsEndPoint!, "1234.nl", RecordType.Ns, ednsSize: 1232))!;
        Assert.True(small.IsEDnsEnabled);
        Assert.False(small.IsTruncated);
    }
}
