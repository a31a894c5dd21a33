using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;
using Landrush.Harvest.Dns;

namespace Landrush.Harvest.Tests.Dns;

/// <summary>
/// The sweep's allocation-free reader checked against an independent parser, DnsClient's, on the very
/// same packets: DnsClient asks through a loopback relay that records each reply it passes on (from NSD,
/// or built by hand with compression pointers, upper case, foreign owners), then the hot reader reads
/// the recorded bytes.
/// </summary>
public sealed class DnsReplyReaderTests
{
    private static (int Rcode, int AnswerNs, int AuthorityNs) ReadWithDnsClient(IPEndPoint server, string name)
    {
        var client = new LookupClient(new LookupClientOptions(new NameServer(server))
        {
            UseCache = false,
            Recursion = false,
            Retries = 0,
            Timeout = TimeSpan.FromSeconds(5),
            UseTcpFallback = false,
            ThrowDnsErrors = false,
            ContinueOnDnsError = false,
            ContinueOnEmptyResponse = false,
            EnableAuditTrail = false,
        });
        var response = client.Query(name, QueryType.NS);
        var fqdn = name + ".";
        int Count(IEnumerable<DnsResourceRecord> records) =>
            records.OfType<NsRecord>().Count(r => string.Equals(r.DomainName.Value, fqdn, StringComparison.OrdinalIgnoreCase));
        return ((int)response.Header.ResponseCode, Count(response.Answers), Count(response.Authorities));
    }

    private static DnsReplyInfo ReadHot(byte[] reply, string name)
    {
        var table = DnsQueryTable.Build([name]);
        Assert.Equal(DnsReadStatus.Ok, DnsReplyReader.Read(reply, table.Question(0), out var info));
        return info;
    }

    private static void AssertSameReading(IPEndPoint relay, Func<byte[]?> lastReply, string name)
    {
        var reference = ReadWithDnsClient(relay, name);
        var hot = ReadHot(lastReply()!, name);
        Assert.Equal(reference, (hot.Rcode, hot.AnswerNs, hot.AuthorityNs));
    }

    [SkippableFact]
    public void Reads_nsd_replies_as_dnsclient_does()
    {
        NsdServer.Require();
        using var nsd = NsdServer.Start("nl", ["1", "22", "333", "4444"]);
        byte[]? last = null;
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
        upstream.Connect(nsd.EndPoint);
        using var relay = new ScriptedDnsServer((query, _, _) =>
        {
            upstream.Send(query);
            var buffer = new byte[4096];
            last = buffer[..upstream.Receive(buffer)];
            return [last];
        });

        foreach (var name in new[] { "1.nl", "22.nl", "333.nl", "4444.nl", "5.nl", "00000.nl" })
        {
            AssertSameReading(relay.EndPoint, () => last, name);
        }

        Assert.Equal(DnsOutcome.Delegated, ReadHot(last = Relay(relay, upstream, "4444.nl"), "4444.nl").Outcome);
        Assert.Equal(DnsOutcome.Absent, ReadHot(Relay(relay, upstream, "5.nl"), "5.nl").Outcome);
    }

    private static byte[] Relay(ScriptedDnsServer relay, Socket upstream, string name)
    {
        var table = DnsQueryTable.Build([name]);
        upstream.Send(table.Query(0));
        var buffer = new byte[4096];
        _ = relay;
        return buffer[..upstream.Receive(buffer)];
    }

    public static TheoryData<string> HandMade => ["nxdomain", "referral", "referral-upper", "answer", "foreign-owner", "servfail", "mixed", "refused"];

    [Theory]
    [MemberData(nameof(HandMade))]
    public void Reads_hand_made_replies_as_dnsclient_does(string kind)
    {
        byte[]? last = null;
        using var server = new ScriptedDnsServer((query, name, _) =>
        {
            last = kind switch
            {
                "nxdomain" => DnsPackets.Reply(query, 3, authority: [("nl", 6)]),
                "referral" => DnsPackets.Reply(query, 0, authority: [(null, 2), (null, 2), (null, 2)]),
                "referral-upper" => DnsPackets.Reply(query, 0, authority: [(name.ToUpperInvariant(), 2), (null, 2)]),
                "answer" => DnsPackets.Reply(query, 0, answer: [(null, 2), (null, 2)]),
                "foreign-owner" => DnsPackets.Reply(query, 0, authority: [("nl", 2), ("other.nl", 2)]),
                "servfail" => DnsPackets.Reply(query, 2),
                "mixed" => DnsPackets.Reply(query, 0, answer: [(null, 6)], authority: [(null, 2), ("nl", 2), ("NL", 6), (name, 2)]),
                _ => DnsPackets.Reply(query, 5),
            };
            return [last];
        });

        AssertSameReading(server.EndPoint, () => last, "1234.nl");
    }

    [Fact]
    public void Another_question_or_a_query_is_not_a_reply()
    {
        var table = DnsQueryTable.Build(["1234.nl"]);
        var query = table.Query(0).ToArray();
        Assert.Equal(DnsReadStatus.QuestionMismatch, DnsReplyReader.Read(DnsPackets.Reply(query, 3, echoName: "1235.nl"), table.Question(0), out _));
        Assert.Equal(DnsReadStatus.Malformed, DnsReplyReader.Read(query, table.Question(0), out _));
        // Case does not matter in the echoed question (RFC 4343).
        Assert.Equal(DnsReadStatus.Ok, DnsReplyReader.Read(DnsPackets.Reply(query, 3, echoName: "1234.NL"), table.Question(0), out _));
    }

    [Fact]
    public void Pointer_loops_and_cut_packets_are_malformed_never_an_exception()
    {
        var table = DnsQueryTable.Build(["1234.nl"]);
        var good = DnsPackets.Reply(table.Query(0).ToArray(), 0, authority: [(null, 2), (null, 2)]);
        for (var cut = 0; cut < good.Length; cut++)
        {
            Assert.NotEqual(DnsReadStatus.Ok, DnsReplyReader.Read(good.AsSpan(0, cut), table.Question(0), out _));
        }

        // A pointer to itself in the first authority owner.
        var loop = (byte[])good.Clone();
        var at = 12 + 9 + 4;
        loop[at] = (byte)(0xC0 | (at >> 8));
        loop[at + 1] = (byte)at;
        Assert.Equal(DnsReadStatus.Malformed, DnsReplyReader.Read(loop, table.Question(0), out _));

        // Random damage: any status, never an exception (seed printed in the name of the loop variable).
        const int seed = 1616;
        var random = new Random(seed);
        for (var i = 0; i < 20_000; i++)
        {
            var bad = (byte[])good.Clone();
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                bad[random.Next(bad.Length)] = (byte)random.Next(256);
            }

            _ = DnsReplyReader.Read(bad.AsSpan(0, random.Next(bad.Length + 1)), table.Question(0), out _);
        }
    }
}
