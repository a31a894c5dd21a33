using System.Text;
using Landrush.Core.Dataset;
using Landrush.Core.Rdap;
using Landrush.Core.Whois;

namespace Landrush.Core.Tests.Whois;

/// <summary>
/// Reader defects found on realistic variants of real replies (issue 13), one test each; every one of
/// them failed on the reader before its fix.
/// </summary>
public class ReaderDefectTests
{
    [Fact]
    public void Cr_cr_lf_line_ends_keep_registrar_name_servers_and_abuse_contact()
    {
        // A reply saved twice through a text-mode conversion: every CRLF became CR CR LF.
        var bytes = Fixtures.Bytes("registered-current-crcrlf-4711.nl.txt");
        Assert.Contains("\r\r\n", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);

        var reply = Fixtures.Parse("registered-current-crcrlf-4711.nl.txt");

        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal(FormatEra.Current, reply.Era);
        var r = reply.Record!;
        Assert.Equal("4711.nl", r.Domain);
        Assert.Equal("Gaai Webwinkel", r.Reseller?.Name);
        Assert.Equal("Kauw Registrar B.V.", r.Registrar?.Name);
        Assert.Equal(["Ringbaan 40", "4444IJ Polderveen", "Netherlands"], r.Registrar!.AddressLines);
        Assert.Equal(new AbuseContact("+31.0307654321", "abuse@kauw.example"), r.Abuse);
        Assert.Equal(["ns1.kauw.example", "ns2.kauw.example"], r.NameServers.Select(n => n.Host));
        Assert.Equal(new DateOnly(2008, 2, 29), r.Created);
    }

    public static TheoryData<string> RecordFixtures() =>
    [
        "registered-2008-4821.nl.txt", "registered-2010s-ips-90210.nl.txt", "registered-current-31337.nl.txt",
        "inactive-2010s-00417.nl.txt", "quarantine-2010s-5550.nl.txt", "registered-2010s-latin1-777.nl.txt",
    ];

    [Theory]
    [MemberData(nameof(RecordFixtures))]
    public void Any_record_with_cr_cr_lf_line_ends_reads_as_with_its_own(string fixture)
    {
        var text = Fixtures.Text(fixture);
        var doubled = text.ReplaceLineEndings("\n").Replace("\n", "\r\r\n", StringComparison.Ordinal);

        var expected = WhoisParser.Parse(text);
        var reply = WhoisParser.Parse(doubled);

        Assert.Equal(expected.Class, reply.Class);
        Assert.Equal(expected.Era, reply.Era);
        Assert.Equal(expected.ToRegistryRecord(RecordSource.Whois), reply.ToRegistryRecord(RecordSource.Whois));
        Assert.Equal(Party(expected.Record!.Registrar), Party(reply.Record!.Registrar));
        Assert.Equal(Party(expected.Record.LastRegistrar), Party(reply.Record.LastRegistrar));
        Assert.Equal(expected.Record.Abuse, reply.Record.Abuse);
        Assert.Equal(expected.Record.Tech.Count, reply.Record.Tech.Count);
        Assert.Equal(expected.Record.OtherFields.Count, reply.Record.OtherFields.Count);
    }

    private static string? Party(WhoisParty? p) => p is null ? null : string.Join(" | ", p.AddressLines.Prepend(p.Name));

    [Fact]
    public void A_block_label_whose_values_follow_a_blank_line_is_never_a_silent_record()
    {
        // Whatever the cause, values cut off from their label must not vanish from a registered record.
        var reply = WhoisParser.Parse("Domain name: 1.nl\nStatus: active\n\nRegistrar:\n\n   Wulp BV\n   Dijk 1\n\n" +
            "Domain nameservers:\n   ns1.wulp.example\n\nRecord maintained by: SIDN BV\n");

        Assert.True(reply.Class == ReplyClass.Unparseable || reply.Record?.Registrar?.Name == "Wulp BV",
            $"{reply.Class}, registrar {reply.Record?.Registrar?.Name ?? "(none)"}");
    }

    [Fact]
    public void Rdap_registry_lock_without_active_is_registered_with_its_statuses_kept()
    {
        var reply = RdapParser.Parse(Fixtures.Text("rdap-registered-locked-8642.nl.json"));

        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal(DomainStatus.Active, reply.Record!.Status);
        Assert.Equal("server delete prohibited, server transfer prohibited, server update prohibited", reply.Record.StatusText);
        Assert.Equal(["server delete prohibited", "server transfer prohibited", "server update prohibited"], reply.Record.Statuses);
        Assert.Equal("Lepelaar Registrar B.V.", reply.Record.Registrar!.Name);
        Assert.Equal(DomainStatus.Active, reply.ToRegistryRecord(RecordSource.Rdap)!.Status);
    }

    [Theory]
    [InlineData("\"client transfer prohibited\"", ReplyClass.Registered)]
    [InlineData("\"client delete prohibited\", \"client update prohibited\"", ReplyClass.Registered)]
    [InlineData("\"active\"", ReplyClass.Registered)]
    [InlineData("\"inactive\", \"server hold\"", ReplyClass.Inactive)]
    [InlineData("\"pending delete\", \"server update prohibited\"", ReplyClass.Quarantine)]
    [InlineData("\"redemption period\"", ReplyClass.Quarantine)]
    [InlineData("", ReplyClass.Unparseable)]
    [InlineData("\"frobnicated\"", ReplyClass.Unparseable)]
    public void Rdap_status_sets_map_to_a_class(string statuses, ReplyClass expected)
    {
        var json = $$"""{"objectClassName":"domain","ldhName":"1.nl","status":[{{statuses}}]}""";

        Assert.Equal(expected, RdapParser.Parse(json).Class);
    }

    [Fact]
    public void Rdap_body_with_a_byte_order_mark_is_read()
    {
        var bytes = Fixtures.Bytes("rdap-registered-bom-1357.nl.json");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var reply = RdapParser.Parse(WhoisText.Decode(bytes));

        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal("1357.nl", reply.Domain);
        Assert.Equal("Roerdomp Registrar B.V.", reply.Record!.Registrar!.Name);
    }

    [Fact]
    public void Rdap_redacted_name_is_absent_not_empty()
    {
        // RFC 9537 "emptyValue" redaction: the fn property is there with "" as its value.
        var reply = RdapParser.Parse(Fixtures.Text("rdap-registered-locked-8642.nl.json"));

        Assert.Equal("LEP000864-LEPEL", reply.Record!.RegistrantHandle);
        Assert.Null(reply.Record.RegistrantName);
        Assert.Null(reply.ToRegistryRecord(RecordSource.Rdap)!.RegistrantName);
    }

    [Fact]
    public void Two_replies_saved_in_one_input_are_not_read_as_the_first()
    {
        var reply = Fixtures.Parse("two-replies-90210-00417.nl.txt");

        Assert.Equal(ReplyClass.Unparseable, reply.Class);
        Assert.Contains("more than one reply", reply.Message, StringComparison.Ordinal);
        Assert.Null(reply.ToRegistryRecord(RecordSource.Whois));
    }

    [Theory]
    [InlineData("1.nl is free\n2.nl is free\n")]
    [InlineData("1.nl is free\n\nCopyright notice\ntext\n1.nl is free\n")]
    public void Two_free_lines_are_more_than_one_reply(string text)
    {
        var reply = WhoisParser.Parse(text);

        Assert.Equal(ReplyClass.Unparseable, reply.Class);
        Assert.Contains("more than one reply", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_record_twice_is_more_than_one_reply()
    {
        var one = Fixtures.Text("registered-current-31337.nl.txt");

        var reply = WhoisParser.Parse(one + "\r\n" + one);

        Assert.Equal(ReplyClass.Unparseable, reply.Class);
        Assert.Contains("more than one reply", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reseller_and_abuse_blocks_under_nl_domain_registry_are_the_2010s_not_current()
    {
        var reply = Fixtures.Parse("registered-2010s-reseller-abuse-6543.nl.txt");

        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal(FormatEra.Flat2010s, reply.Era);
        var r = reply.Record!;
        Assert.Equal("Vink Webdiensten", r.Reseller!.Name);
        Assert.Equal("Mus Registrar B.V.", r.Registrar!.Name);
        Assert.Equal(new AbuseContact("+31.0501112233", "abuse@mus.example"), r.Abuse);
        Assert.Null(r.Created);
        Assert.Equal("NL Domain Registry", r.MaintainedBy);
    }

    [Fact]
    public void Invalid_domain_name_error_is_the_servers_refusal()
    {
        var reply = Fixtures.Parse("refused-invalid-domain-name.txt");

        Assert.Equal(ReplyClass.Unavailable, reply.Class);
        Assert.Equal("the server refused the query: Error: invalid domain name", reply.Message);
        Assert.False(reply.IsFact);
    }
}
