using ARSoft.Tools.Net.Dns;
using Landrush.Core.Dataset;
using Xunit.Abstractions;

namespace Landrush.Simulator.Tests;

/// <summary>
/// NSD serving the simulator's zone file and the simulator's own DNS server give the same answer: same
/// rcode, same AA flag, same NS set, for a seeded sample of 2,000 names of the reconstruction.
/// </summary>
public class NsdComparisonTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Nsd_and_the_simulator_agree_on_rcode_and_NS_set_for_2000_names()
    {
        var nsd = Requirement.Program("nsd", "nsd");

        var dataset = TestData.Reconstruction;
        await using var sim = await RegistrySimulator.StartAsync(TestData.Options(dataset) with { EnableWhois = false });
        var zoneText = new StringWriter();
        sim.Zone.WriteZoneFile(zoneText, ["test zone"]);
        await using var server = await NsdServer.StartAsync(nsd, zoneText.ToString());

        const int seed = 2000;
        output.WriteLine($"seed {seed}");
        var rng = new Random(seed);
        // Half registered, half not, plus a few names below delegations and at the apex.
        var registered = dataset.Records.Where(r => r.Status == DomainStatus.Active).Select(r => r.Name.ToString()).ToArray();
        var others = dataset.Records.Where(r => r.Status != DomainStatus.Active).Select(r => r.Name.ToString()).ToArray();
        var sample = Enumerable.Range(0, 1000).Select(_ => registered[rng.Next(registered.Length)])
            .Concat(Enumerable.Range(0, 990).Select(_ => others[rng.Next(others.Length)]))
            .Concat(Enumerable.Range(0, 9).Select(_ => "www." + registered[rng.Next(registered.Length)]))
            .Append("nl")
            .ToList();
        Assert.Equal(2000, sample.Count);
        var disagreements = 0;
        foreach (var name in sample)
        {
            var ours = await DnsProbe.AskAsync(sim.DnsEndPoint!, name, RecordType.Ns, ednsSize: 4096);
            var theirs = await DnsProbe.AskAsync(server.EndPoint, name, RecordType.Ns, ednsSize: 4096);
            Assert.NotNull(ours);
            Assert.NotNull(theirs);
            var same = ours!.ReturnCode == theirs!.ReturnCode
                       && ours.IsAuthoritiveAnswer == theirs.IsAuthoritiveAnswer
                       && NsSet(ours).SequenceEqual(NsSet(theirs));
            if (!same && disagreements++ < 5)
            {
                output.WriteLine($"{name}: ours {ours.ReturnCode} aa={ours.IsAuthoritiveAnswer} [{string.Join(' ', NsSet(ours))}], nsd {theirs.ReturnCode} aa={theirs.IsAuthoritiveAnswer} [{string.Join(' ', NsSet(theirs))}]");
            }
        }

        Assert.Equal(0, disagreements);
    }

    private static IEnumerable<string> NsSet(DnsMessage m) =>
        m.AnswerRecords.Concat(m.AuthorityRecords).OfType<NsRecord>().Select(n => $"{n.Name.ToString(false).ToLowerInvariant()}>{n.NameServer.ToString(false).ToLowerInvariant()}").Order(StringComparer.Ordinal);
}
