using Landrush.Core.Whois;
using Xunit.Abstractions;

namespace Landrush.Simulator.Tests;

/// <summary>Real clients, not only ours: Debian's <c>whois</c> and <c>dig</c> against the simulator on loopback.</summary>
public class RealClientTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Debian_whois_prints_the_rendered_reply()
    {
        var whois = Requirement.Program("whois", "whois");

        await using var sim = await RegistrySimulator.StartAsync(TestData.Options() with { EnableDns = false });
        var (code, stdout, stderr) = await ExternalTool.RunAsync(whois, ["-h", "127.0.0.1", "-p", sim.WhoisEndPoint!.Port.ToString(), "1234.nl"]);
        Assert.True(code == 0, stderr);
        var expected = WhoisRenderer.Render(TestData.Small.Records.Single(r => r.Name.ToString() == "1234.nl"), FormatEra.Indented2008, sim.Notice);
        // The client prints the reply with LF line ends.
        Assert.Equal(expected.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), stdout.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd());
    }

    [SkippableFact]
    public async Task Dig_gets_the_referral_for_an_active_name_and_NXDOMAIN_for_a_free_one()
    {
        var dig = Requirement.Program("dig", "dnsutils");

        await using var sim = await RegistrySimulator.StartAsync(TestData.Options() with { EnableWhois = false });
        var port = sim.DnsEndPoint!.Port.ToString();
        var referral = await ExternalTool.RunAsync(dig, ["@127.0.0.1", "-p", port, "1234.nl", "NS", "+norec", "+time=5", "+tries=1"]);
        output.WriteLine(referral.Out);
        Assert.Contains("status: NOERROR", referral.Out, StringComparison.Ordinal);
        Assert.Contains("ANSWER: 0, AUTHORITY: 2", referral.Out, StringComparison.Ordinal);
        Assert.Matches(@"flags: qr;", referral.Out); // no aa on a referral
        Assert.Matches(@"1234\.nl\.\s+3600\s+IN\s+NS\s+ns1\.hosting\.example\.", referral.Out);
        Assert.Matches(@"1234\.nl\.\s+3600\s+IN\s+NS\s+ns2\.hosting\.example\.", referral.Out);

        var free = await ExternalTool.RunAsync(dig, ["@127.0.0.1", "-p", port, "9998.nl", "NS", "+norec", "+time=5", "+tries=1"]);
        output.WriteLine(free.Out);
        Assert.Contains("status: NXDOMAIN", free.Out, StringComparison.Ordinal);
        Assert.Matches(@"flags: qr aa;", free.Out);
        Assert.Matches(@"nl\.\s+600\s+IN\s+SOA\s+ns1\.registry-simulator\.example\.", free.Out);

        // Over TCP too.
        var tcp = await ExternalTool.RunAsync(dig, ["@127.0.0.1", "-p", port, "9999.nl", "NS", "+norec", "+tcp", "+time=5", "+tries=1"]);
        Assert.Contains("AUTHORITY: 30", tcp.Out, StringComparison.Ordinal);
    }
}
