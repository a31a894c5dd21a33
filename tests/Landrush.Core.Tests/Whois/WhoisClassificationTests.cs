using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois;

namespace Landrush.Core.Tests.Whois;

/// <summary>Classification rules that no single fixture shows: conflicts, cuts and near-misses.</summary>
public class WhoisClassificationTests
{
    private const string Record = "Domain name: 4242.nl\nStatus:      active\n\nRegistrar:\n   Tureluur BV\n\nDomain nameservers:\n   ns1.tureluur.example\n\n" +
        "Record maintained by: NL Domain Registry\n";

    [Theory]
    [InlineData("whois.domain-registry.nl: only 1 request per second allowed, try again later", ReplyClass.Throttled)]
    [InlineData("whois.domain-registry.nl: daily whois-limit exceeded for client 192.0.2.1", ReplyClass.DailyLimit)]
    [InlineData("whois.domain-registry.nl: Server too busy, try again later", ReplyClass.Unavailable)]
    public void A_limit_line_anywhere_outranks_a_record(string limit, ReplyClass expected)
    {
        Assert.Equal(expected, WhoisParser.Parse(Record + "\n" + limit + "\n").Class);
        Assert.Equal(expected, WhoisParser.Parse(limit + "\r\n" + Record).Class);
        Assert.Equal(expected, WhoisParser.Parse("4242.nl is free\n" + limit).Class);
    }

    [Theory]
    [InlineData("whois.domain-registry.nl: only 1 request per second allowed, try again later", ReplyClass.Throttled)]
    [InlineData("whois.domain-registry.nl: daily whois-limit exceeded for client 192.0.2.1", ReplyClass.DailyLimit)]
    [InlineData("whois.domain-registry.nl: Server too busy, try again later", ReplyClass.Unavailable)]
    public void A_limit_line_right_after_a_block_value_still_outranks_the_record(string limit, ReplyClass expected)
    {
        // No blank line between the block and the message: it is a line of its own at the top level.
        Assert.Equal(expected, WhoisParser.Parse("Domain name: 4242.nl\nStatus: active\nRegistrar:\n   Tureluur BV\n" + limit + "\n").Class);
        Assert.Equal(expected, WhoisParser.Parse("Domain name: 4242.nl\nStatus: active\nRegistrar:\n" + limit + "\n").Class);
    }

    public static TheoryData<string> LimitPhrases() => [.. WhoisParser.LimitPhrases];

    [Theory]
    [MemberData(nameof(LimitPhrases))]
    public void A_party_whose_name_holds_a_limit_phrase_is_read_as_a_record(string phrase)
    {
        // A registrant called "Try Again Later B.V." must not make a harvester retry forever.
        var name = $"{char.ToUpperInvariant(phrase[0])}{phrase[1..]} B.V.";
        var indented = Fixtures.Text("registered-2008-4821.nl.txt")
            .Replace("Zwaluw Handelsonderneming B.V.", name, StringComparison.Ordinal)
            .Replace("Hoogvlieger Internet Diensten", name, StringComparison.Ordinal)
            .Replace("J. Kraai", name, StringComparison.Ordinal)
            .Replace("Postbus 77", name, StringComparison.Ordinal);
        var flat = Fixtures.Text("registered-current-31337.nl.txt").Replace("Buizerd Registrar B.V.", name, StringComparison.Ordinal);
        var reindented = $"Domain name: 1.nl\nStatus: active\n\nRegistrar:\n{name}\nDijk 1\n\nRecord maintained by: SIDN BV\n";

        var a = WhoisParser.Parse(indented);
        Assert.Equal(ReplyClass.Registered, a.Class);
        Assert.Equal(name, a.Record!.RegistrantName);
        Assert.Equal(name, a.Record.Registrar!.Name);
        Assert.Equal(name, a.Record.Tech[1].Name);
        var b = WhoisParser.Parse(flat);
        Assert.Equal(ReplyClass.Registered, b.Class);
        Assert.Equal(name, b.Record!.Registrar!.Name);
        var c = WhoisParser.Parse(reindented);
        Assert.Equal(ReplyClass.Registered, c.Class);
        Assert.Equal(name, c.Record!.Registrar!.Name);
    }

    [Fact]
    public void A_known_label_whose_value_holds_a_limit_phrase_is_not_a_limit_message()
    {
        var reply = WhoisParser.Parse("Domain name: 1.nl\nStatus: active\nRegistrar: Too Many Requests B.V.\nRecord maintained by: SIDN BV\n");
        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal("Too Many Requests B.V.", reply.Record!.Registrar!.Name);
    }

    private const string PerSecond = "whois.domain-registry.nl: only 1 request per second allowed, try again later";
    private const string Daily = "whois.domain-registry.nl: daily whois-limit exceeded for client 192.0.2.1";
    private const string Busy = "whois.domain-registry.nl: Server too busy, try again later";

    public static TheoryData<string, string, ReplyClass> IndentedLimitMessages()
    {
        var data = new TheoryData<string, string, ReplyClass>();
        foreach (var indent in new[] { " ", "\t", "   " })
        {
            data.Add(indent, PerSecond, ReplyClass.Throttled);
            data.Add(indent, Daily, ReplyClass.DailyLimit);
            data.Add(indent, Busy, ReplyClass.Unavailable);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IndentedLimitMessages))]
    public void A_limit_message_alone_is_that_limit_however_it_is_indented(string indent, string limit, ReplyClass expected)
    {
        // A reply that is only the message, indented, must still make a harvester wait or stop for the day.
        foreach (var end in new[] { "\r\n", "\n", "" })
        {
            var reply = WhoisParser.Parse(indent + limit + end);
            Assert.Equal(expected, reply.Class);
            Assert.Equal(limit, reply.Message);
        }

        // After a server banner too: without a "Domain name:" there is no record to protect.
        Assert.Equal(expected, WhoisParser.Parse("% SIDN whois\n" + indent + limit + "\n").Class);
    }

    public static TheoryData<string, ReplyClass> LimitMessages() => new()
    {
        { PerSecond, ReplyClass.Throttled },
        { Daily, ReplyClass.DailyLimit },
        { Busy, ReplyClass.Unavailable },
    };

    [Theory]
    [MemberData(nameof(LimitMessages))]
    public void A_limit_line_at_the_label_level_of_a_2008_record_outranks_the_record(string limit, ReplyClass expected)
    {
        var record = Fixtures.Text("registered-2008-4821.nl.txt");
        Assert.Equal(ReplyClass.Registered, WhoisParser.Parse(record).Class);
        var line = "   " + limit + "\r\n";

        // Right after a label with an inline value, with no blank line between: the same depth as the labels.
        var afterLabel = record.Replace("   Record last updated: 14-03-2008\r\n", "   Record last updated: 14-03-2008\r\n" + line, StringComparison.Ordinal);
        // Right after a block's last value, back at the labels' depth.
        var afterBlock = record.Replace("      Netherlands\r\n\r\n   Domicile:", "      Netherlands\r\n" + line + "\r\n   Domicile:", StringComparison.Ordinal);
        var first = line + record;
        var afterCopyright = record + line;
        foreach (var text in new[] { afterLabel, afterBlock, first, afterCopyright })
        {
            Assert.NotEqual(record, text);
            var reply = WhoisParser.Parse(text);
            Assert.Equal(expected, reply.Class);
            Assert.Equal(limit, reply.Message);
        }
    }

    [Theory]
    [MemberData(nameof(LimitMessages))]
    public void A_2008_registrant_value_holding_a_limit_message_stays_a_record(string limit, ReplyClass expected)
    {
        // A value six spaces deep is inside the Registrant block, whatever it says.
        var record = Fixtures.Text("registered-2008-4821.nl.txt");
        var text = record.Replace("      Dorpsstraat 12\r\n", "      " + limit + "\r\n", StringComparison.Ordinal)
            .Replace("      Zwaluw Handelsonderneming B.V.\r\n", "      Try Again Later B.V.\r\n", StringComparison.Ordinal);
        Assert.NotEqual(record, text);

        var reply = WhoisParser.Parse(text);

        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal(FormatEra.Indented2008, reply.Era);
        Assert.Equal("Try Again Later B.V.", reply.Record!.RegistrantName);
        Assert.Equal(limit, reply.Record.Registrant!.Lines[0]);

        // The control: the same line three spaces deep stands at the labels' level and is a message.
        var atLabelLevel = text.Replace("      " + limit + "\r\n", "   " + limit + "\r\n", StringComparison.Ordinal);
        Assert.Equal(expected, WhoisParser.Parse(atLabelLevel).Class);
    }

    [Fact]
    public void The_record_alone_is_registered()
    {
        var reply = WhoisParser.Parse(Record);
        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal("4242.nl", reply.Domain);
    }

    [Fact]
    public void Daily_limit_outranks_per_second_throttle_in_one_reply()
    {
        var reply = WhoisParser.Parse("x: only 1 request per second allowed, try again later\nx: daily whois-limit exceeded for client 192.0.2.1\n");
        Assert.Equal(ReplyClass.DailyLimit, reply.Class);
    }

    [Theory]
    [InlineData("only 1 request per second allowed", 1000)]
    [InlineData("only 4 requests per second allowed", 250)]
    [InlineData("too many requests, try again later", -1)]
    public void Throttle_wait_is_read_from_the_message(string message, int expectedMs)
    {
        var reply = WhoisParser.Parse("whois.example: " + message);
        Assert.Equal(ReplyClass.Throttled, reply.Class);
        Assert.Equal(expectedMs < 0 ? null : TimeSpan.FromMilliseconds(expectedMs), reply.RetryAfter);
    }

    [Fact]
    public void A_domain_whose_name_contains_a_limit_word_is_still_read()
    {
        // Phrases are matched as words with spaces; a host name has none.
        var reply = WhoisParser.Parse("Domain name: toobusy-unavailable.nl\nStatus:      active\nRecord maintained by: SIDN BV\n");
        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal("toobusy-unavailable.nl", reply.Domain);
    }

    [Theory]
    [InlineData("", "no label")]
    [InlineData("   \r\n\r\n  ", "no label")]
    [InlineData("Hello: world\n", "no 'Domain name:' label")]
    [InlineData("Domain name: 4242.nl\n", "record without 'Status:'")]
    [InlineData("Domain name:\n", "is not a domain name")]
    [InlineData("Domain name: not a name\nStatus: active\n", "is not a domain name")]
    [InlineData("Domain name: 1.nl\nStatus: active\nDomain name: 2.nl\nStatus: active\n", "more than one domain name")]
    [InlineData("Domain name: 1.nl\nStatus: active\nStatus: inactive\n", "more than one status")]
    [InlineData("Domain name: 1.nl\nStatus: excluded\n", "unknown status 'excluded'")]
    [InlineData("1.nl is free\nDomain name: 1.nl\nStatus: active\n", "both 'is free' and shows a record")]
    public void What_is_not_clearly_a_fact_is_unparseable_with_a_reason(string text, string reason)
    {
        var reply = WhoisParser.Parse(text);
        Assert.Equal(ReplyClass.Unparseable, reply.Class);
        Assert.Contains(reason, reply.Message, StringComparison.Ordinal);
        Assert.Null(reply.ToRegistryRecord(RecordSource.Whois));
    }

    [Fact]
    public void A_record_cut_before_its_maintained_by_line_is_unparseable_and_keeps_what_was_read()
    {
        // Every complete .nl record of every era ends with "Record maintained by:"; without it the reply was
        // cut (a dropped connection, a short read) and may lack the registrar, contacts or name servers.
        var full = Fixtures.Text("registered-2008-4821.nl.txt");
        var cut = full[..full.IndexOf("   Registrar:", StringComparison.Ordinal)];

        var reply = WhoisParser.Parse(cut);

        Assert.Equal(ReplyClass.Unparseable, reply.Class);
        Assert.Equal("reply incomplete: no 'Record maintained by' line", reply.Message);
        Assert.Equal("4821.nl", reply.Domain);
        Assert.Equal(DomainStatus.Active, reply.Record!.Status);
        Assert.Equal("ZWA000412-HOOGV", reply.Record.RegistrantHandle);
        Assert.Null(reply.Record.Registrar);
        Assert.Null(reply.ToRegistryRecord(RecordSource.Whois));
    }

    [Theory]
    [InlineData("active", "Record maintained by: NL Domain Registry\n", ReplyClass.Registered, null)]
    [InlineData("active", "Record maintained: NL Domain Registry\n", ReplyClass.Registered, null)]
    [InlineData("active", "Record maintained by:\n   SIDN BV\n", ReplyClass.Registered, null)]
    [InlineData("inactive", "Record maintained by: NL Domain Registry\n", ReplyClass.Inactive, null)]
    [InlineData("in quarantine", "Record maintained by: NL Domain Registry\n", ReplyClass.Quarantine, null)]
    [InlineData("active", "", ReplyClass.Unparseable, "reply incomplete: no 'Record maintained by' line")]
    [InlineData("inactive", "", ReplyClass.Unparseable, "reply incomplete: no 'Record maintained by' line")]
    [InlineData("in quarantine", "", ReplyClass.Unparseable, "reply incomplete: no 'Record maintained by' line")]
    [InlineData("active", "Record maintained by:\n", ReplyClass.Unparseable, "reply incomplete: no 'Record maintained by' line")]
    [InlineData("active", "Record maintained\n", ReplyClass.Unparseable, "reply incomplete: no 'Record maintained by' line")]
    public void A_record_is_a_fact_only_with_its_maintained_by_line(string status, string tail, ReplyClass expected, string? message)
    {
        var reply = WhoisParser.Parse($"Domain name: 1.nl\nStatus:      {status}\n\nRegistrar:\n   Wulp BV\n\n{tail}");

        Assert.Equal(expected, reply.Class);
        Assert.Equal(message, reply.Message);
        Assert.Equal("Wulp BV", reply.Record!.Registrar!.Name);
    }

    [Fact]
    public void A_record_with_an_unknown_status_is_kept_for_reading_but_not_classified()
    {
        var reply = WhoisParser.Parse("Domain name: 1.nl\nStatus: being transferred\n\nRegistrar:\n   Wulp BV\n");
        Assert.Equal(ReplyClass.Unparseable, reply.Class);
        Assert.Equal("Wulp BV", reply.Record!.Registrar!.Name);
        Assert.Equal(DomainStatus.Unknown, reply.Record.Status);
        Assert.Equal("being transferred", reply.Record.StatusText);
    }

    [Fact]
    public void Values_that_do_not_parse_are_kept_as_other_fields()
    {
        var reply = WhoisParser.Parse(
            "Domain name: 1.nl\nStatus: active\nCreation Date: 31-31-2020\nDNSSEC: maybe\n\nDomain nameservers:\n   ns1.x.example 1\n   ns2.x.example\n");
        var r = reply.Record!;
        Assert.Null(r.Created);
        Assert.Null(r.Dnssec);
        Assert.Equal(["ns2.x.example"], r.NameServers.Select(n => n.Host));
        Assert.Equal(["Creation Date", "DNSSEC", "Domain nameservers"], r.OtherFields.Select(f => f.Label));
        Assert.Equal(["ns1.x.example 1"], r.OtherFields[2].Values);
    }

    [Fact]
    public void Block_values_without_indentation_are_still_read()
    {
        // A reply re-indented by a mail client or editor: values at the label's own depth.
        var reply = WhoisParser.Parse("Domain name: 1.nl\nStatus: active\n\nRegistrar:\nKemphaan BV\nDijk 1\n\nDomain nameservers:\nns1.kemphaan.example\n");
        Assert.Equal("Kemphaan BV", reply.Record!.Registrar!.Name);
        Assert.Equal(["Dijk 1"], reply.Record.Registrar.AddressLines);
        Assert.Equal("ns1.kemphaan.example", Assert.Single(reply.Record.NameServers).Host);
    }

    [Fact]
    public void Labels_are_found_whatever_their_order()
    {
        var reply = WhoisParser.Parse("Record maintained by: SIDN BV\nDomain nameservers:\n   NS9.Example.NL.\n\nStatus:      inactive\nDomain name: 77.NL\n");
        Assert.Equal(ReplyClass.Inactive, reply.Class);
        Assert.Equal("77.nl", reply.Domain);
        Assert.Equal("ns9.example.nl", Assert.Single(reply.Record!.NameServers).Host);
    }

    [Fact]
    public void Lines_after_the_copyright_notice_are_not_read_as_fields()
    {
        var reply = WhoisParser.Parse("Domain name: 1.nl\nStatus: active\n\nCopyright notice\nRegistrar: not a registrar\nSection 10: subsection\n");
        Assert.Null(reply.Record!.Registrar);
        Assert.Empty(reply.Record.OtherFields);
    }

    [Theory]
    [InlineData("ABC001234-XYZAB", true)]
    [InlineData("GOO001748-MARKM", true)]
    [InlineData("Google Inc.", false)]
    [InlineData("+31 (0)50 5550123", false)]
    [InlineData("abc001234-xyzab", false)]
    public void Handles_are_told_from_names(string line, bool isHandle)
    {
        Assert.Equal(isHandle, ReplyValues.IsHandle(line));
    }

    [Fact]
    public void Free_reply_with_cr_only_line_endings()
    {
        var reply = WhoisParser.Parse("00001.nl is free\r\r   Copyright notice\r   text\r");
        Assert.Equal(ReplyClass.Free, reply.Class);
        Assert.Equal("00001.nl", reply.Domain);
    }

    [Fact]
    public void A_byte_order_mark_is_not_read_as_indentation()
    {
        var reply = WhoisParser.Parse("\uFEFFDomain name: 1.nl\nStatus: active\nRecord maintained: NL Domain Registry\n");
        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal(FormatEra.Flat2010s, reply.Era);
    }

    [Fact]
    public void Valid_utf8_is_decoded_as_utf8()
    {
        var text = WhoisText.Decode(System.Text.Encoding.UTF8.GetBytes("Registrar:\n   Zoë BV\n"), out var encoding);
        Assert.Equal("utf-8", encoding);
        Assert.Contains("Zoë BV", text, StringComparison.Ordinal);
    }

    public static TheoryData<byte[], string, string> Encodings() => new()
    {
        { "Zo\u00eb"u8.ToArray(), "Zoë", "utf-8" },
        { "Zoe"u8.ToArray(), "Zoe", "utf-8" },
        { [(byte)'Z', (byte)'o', 0xEB], "Zoë", "latin-1" },
        // A cut multi-byte sequence at the end is invalid: each of its bytes is Latin-1.
        { [(byte)'Z', (byte)'o', 0xC3], "ZoÃ", "latin-1" },
        { [(byte)'Z', 0xE2, 0x82, (byte)'o'], "Z\u00e2\u0082o", "latin-1" },
        // Valid UTF-8 stays UTF-8 beside an invalid byte: only the invalid byte is Latin-1.
        { [.. "Registrar:\n   Zoë BV\n   Zo"u8, 0xEB, .. " BV\n"u8], "Registrar:\n   Zoë BV\n   Zoë BV\n", "utf-8+latin-1" },
        { [0xEB, .. " Zoë"u8], "ë Zoë", "utf-8+latin-1" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Invalid_bytes_alone_are_decoded_as_latin1(byte[] bytes, string text, string encoding)
    {
        Assert.Equal(text, WhoisText.Decode(bytes, out var used));
        Assert.Equal(encoding, used);
    }

    [Fact]
    public void Dataset_row_has_sorted_distinct_lower_case_name_servers_and_the_record_facts()
    {
        var reply = WhoisParser.Parse(
            "   Domain name:\n      0042.nl\n\n   Status: active\n\n   Registrant:\n      KLU000001-KLUUT\n      Kluut BV\n\n" +
            "   Domain nameservers:\n      ns2.kluut.example\n      NS1.kluut.example\n      ns2.kluut.example\n\n" +
            "   Date registered: 29-02-2008\n\n   Record maintained by: NL Domain Registry\n");
        var fetched = new DateTimeOffset(2008, 3, 1, 12, 0, 0, TimeSpan.Zero);

        var row = reply.ToRegistryRecord(RecordSource.Whois, fetched, "raw/0042.nl/1.txt");

        Assert.Equal(new RegistryRecord(DomainName.Parse("0042.nl"), DomainStatus.Active, null, "KLU000001-KLUUT", "Kluut BV", null,
            ["ns1.kluut.example", "ns2.kluut.example"], new DateOnly(2008, 2, 29), null, RecordSource.Whois, fetched, "raw/0042.nl/1.txt"), row);
    }
}
