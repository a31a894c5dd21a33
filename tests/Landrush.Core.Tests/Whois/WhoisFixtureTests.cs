using System.Net;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Core.Rdap;
using Landrush.Core.Whois;

namespace Landrush.Core.Tests.Whois;

/// <summary>
/// What a correct reader gets from each of the project's own fixtures (one fact per file); the fixtures of
/// reader defects are read in <see cref="ReaderDefectTests"/>.
/// </summary>
public class WhoisFixtureTests
{
    private static readonly string[] Covered =
    [
        "free-2008-73915.nl.txt",
        "inactive-2010s-00417.nl.txt",
        "quarantine-2010s-5550.nl.txt",
        "rdap-error-404.json",
        "rdap-registered-2468.nl.json",
        "rdap-registered-bom-1357.nl.json",
        "rdap-registered-locked-8642.nl.json",
        "refused-invalid-domain-name.txt",
        "registered-2008-4821.nl.txt",
        "registered-2010s-ips-90210.nl.txt",
        "registered-2010s-latin1-777.nl.txt",
        "registered-2010s-reseller-abuse-6543.nl.txt",
        "registered-current-31337.nl.txt",
        "registered-current-crcrlf-4711.nl.txt",
        "registered-current-mixed-endings-8.nl.txt",
        "throttled-daily-limit.txt",
        "throttled-per-second.txt",
        "two-replies-90210-00417.nl.txt",
        "unavailable-busy.txt",
    ];

    [Fact]
    public void Every_fixture_file_has_a_test_and_every_test_its_file()
    {
        Assert.Equal(Covered, Fixtures.Names(Fixtures.Folder));
    }

    [Fact]
    public void Registered_2008_indented_reads_every_block()
    {
        var reply = Fixtures.Parse("registered-2008-4821.nl.txt");

        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal(FormatEra.Indented2008, reply.Era);
        var r = reply.Record!;
        Assert.Equal("4821.nl", r.Domain);
        Assert.Equal(DomainStatus.Active, r.Status);
        Assert.Equal("ZWA000412-HOOGV", r.RegistrantHandle);
        Assert.Equal("Zwaluw Handelsonderneming B.V.", r.RegistrantName);
        Assert.Equal(["Dorpsstraat 12", "9999ZZ  WATERDORP", "Netherlands"], r.Registrant!.Lines);
        Assert.Equal("ZWA000413-HOOGV", r.AdminHandle);
        Assert.Equal("P. de Vink", r.Admin!.Name);
        Assert.Equal(["HOO000021-HOOGV", "HOO000022-HOOGV"], r.TechHandles);
        Assert.Equal("J. Kraai", r.Tech[1].Name);
        Assert.Equal("Hoogvlieger Internet Diensten", r.Registrar!.Name);
        Assert.Equal(["Kanaalweg 3", "9998AA  MOLENDAM"], r.Registrar.AddressLines);
        Assert.Equal(["ns1.hoogvlieger.example", "ns2.hoogvlieger.example", "ns3.hoogvlieger.example"], r.NameServers.Select(n => n.Host));
        Assert.Equal([IPAddress.Parse("192.0.2.53")], r.NameServers[1].Addresses);
        Assert.Empty(r.NameServers[0].Addresses);
        Assert.Equal(new DateOnly(2008, 2, 29), r.Created);
        Assert.Equal(new DateOnly(2008, 3, 14), r.Updated);
        Assert.Null(r.Dnssec);
        Assert.Equal("NL Domain Registry", r.MaintainedBy);
        // Domicile is shown but not interpreted: kept, not lost.
        var domicile = Assert.Single(r.OtherFields);
        Assert.Equal("Domicile", domicile.Label);
        Assert.Equal(["Postbus 77", "9999ZZ  WATERDORP", "Netherlands"], domicile.Values);
    }

    [Fact]
    public void Free_2008_names_the_domain_and_has_no_record()
    {
        var reply = Fixtures.Parse("free-2008-73915.nl.txt");

        Assert.Equal(ReplyClass.Free, reply.Class);
        Assert.Equal("73915.nl", reply.Domain);
        Assert.Null(reply.Record);
        Assert.Equal(FormatEra.Indented2008, reply.Era);
    }

    [Fact]
    public void Flat_2010s_splits_ip_columns_off_the_host()
    {
        var reply = Fixtures.Parse("registered-2010s-ips-90210.nl.txt");

        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal(FormatEra.Flat2010s, reply.Era);
        var r = reply.Record!;
        Assert.Equal("90210.nl", r.Domain);
        Assert.Equal("Kievit Hosting", r.Registrar!.Name);
        Assert.True(r.Dnssec);
        Assert.Equal(["ns1.90210.nl", "ns2.90210.nl", "ns.kievit.example"], r.NameServers.Select(n => n.Host));
        Assert.Equal([IPAddress.Parse("198.51.100.7")], r.NameServers[0].Addresses);
        Assert.Equal([IPAddress.Parse("198.51.100.8"), IPAddress.Parse("2001:db8:10::53")], r.NameServers[1].Addresses);
        Assert.Empty(r.NameServers[2].Addresses);
        Assert.Equal("NL Domain Registry", r.MaintainedBy);
        Assert.Null(r.Registrant);
        Assert.Null(r.Created);
        Assert.Empty(r.OtherFields);
    }

    [Fact]
    public void Inactive_2010s_is_inactive_not_registered_active()
    {
        var reply = Fixtures.Parse("inactive-2010s-00417.nl.txt");

        Assert.Equal(ReplyClass.Inactive, reply.Class);
        Assert.Equal(FormatEra.Flat2010s, reply.Era);
        Assert.Equal(DomainStatus.Inactive, reply.Record!.Status);
        Assert.Equal("00417.nl", reply.Domain);
        Assert.False(reply.Record.Dnssec);
        Assert.Equal("Reiger Registraties", reply.Record.Registrar!.Name);
        Assert.Equal("ns1.reiger.example", Assert.Single(reply.Record.NameServers).Host);
    }

    [Fact]
    public void Quarantine_reads_last_registrar_and_date_out_of_quarantine()
    {
        var reply = Fixtures.Parse("quarantine-2010s-5550.nl.txt");

        Assert.Equal(ReplyClass.Quarantine, reply.Class);
        var r = reply.Record!;
        Assert.Equal(DomainStatus.Quarantine, r.Status);
        Assert.Equal("in quarantine", r.StatusText);
        Assert.Null(r.Registrar);
        Assert.Equal("Meeuw Media", r.LastRegistrar!.Name);
        Assert.Equal(new DateOnly(2013, 6, 21), r.OutOfQuarantine);
        Assert.Empty(r.NameServers);
        // The dataset row keeps who held the name: the last registrar.
        Assert.Equal("Meeuw Media", reply.ToRegistryRecord(RecordSource.Whois)!.Registrar);
    }

    [Fact]
    public void Current_format_reads_reseller_abuse_and_iso_dates()
    {
        var reply = Fixtures.Parse("registered-current-31337.nl.txt");

        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal(FormatEra.Current, reply.Era);
        var r = reply.Record!;
        Assert.Equal("Sperwer Webwinkel", r.Reseller!.Name);
        Assert.Equal("Buizerd Registrar B.V.", r.Registrar!.Name);
        Assert.Equal(new AbuseContact("+31.0301234567", "abuse@buizerd.example"), r.Abuse);
        Assert.True(r.Dnssec);
        Assert.Equal(new DateOnly(2008, 2, 29), r.Created);
        Assert.Equal(new DateOnly(2024, 11, 5), r.Updated);
        Assert.Equal("SIDN BV", r.MaintainedBy);
        Assert.Equal(["ns1.buizerd.example", "ns2.buizerd.example"], r.NameServers.Select(n => n.Host));
    }

    [Fact]
    public void Mixed_line_endings_empty_abuse_and_unknown_block_do_not_break_the_rest()
    {
        var bytes = Fixtures.Bytes("registered-current-mixed-endings-8.nl.txt");
        // The fixture really mixes CR, LF and CRLF (guards against a checkout normalising it).
        Assert.Contains(bytes.Select((b, i) => (b, i)), p => p.b == '\r' && p.i + 1 < bytes.Length && bytes[p.i + 1] != '\n');
        Assert.Contains(bytes.Select((b, i) => (b, i)), p => p.b == '\n' && (p.i == 0 || bytes[p.i - 1] != '\r'));

        var reply = Fixtures.Parse("registered-current-mixed-endings-8.nl.txt");

        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal(FormatEra.Current, reply.Era);
        var r = reply.Record!;
        Assert.Equal("8.nl", r.Domain);
        Assert.Equal("Grutto Domeinen", r.Registrar!.Name);
        Assert.Equal(["Weidelaan 9", "5555KL Graslanden", "Netherlands"], r.Registrar.AddressLines);
        Assert.Null(r.Abuse);
        Assert.False(r.Dnssec);
        Assert.Equal(["ns1.grutto.example", "ns2.grutto.example"], r.NameServers.Select(n => n.Host));
        Assert.Equal(new DateOnly(2008, 2, 28), r.Created);
        Assert.Equal(new DateOnly(2022, 7, 30), r.Updated);
        var extra = Assert.Single(r.OtherFields);
        Assert.Equal("Registry lock", extra.Label);
        Assert.Equal(["enabled since 2023-01-01", "contact registry to change"], extra.Values);
    }

    [Fact]
    public void Latin1_reply_falls_back_and_keeps_the_character()
    {
        var text = WhoisText.Decode(Fixtures.Bytes("registered-2010s-latin1-777.nl.txt"), out var encoding);
        Assert.Equal("latin-1", encoding);

        var reply = WhoisParser.Parse(text);

        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal("Kwartel & Zoë Hosting", reply.Record!.Registrar!.Name);
    }

    [Fact]
    public void Per_second_throttle_is_throttled_with_a_one_second_wait()
    {
        var reply = Fixtures.Parse("throttled-per-second.txt");

        Assert.Equal(ReplyClass.Throttled, reply.Class);
        Assert.Equal(TimeSpan.FromSeconds(1), reply.RetryAfter);
        Assert.Null(reply.Record);
        Assert.Null(reply.Domain);
        Assert.Null(reply.ToRegistryRecord(RecordSource.Whois));
    }

    [Fact]
    public void Daily_limit_is_its_own_class_and_never_a_fact()
    {
        var reply = Fixtures.Parse("throttled-daily-limit.txt");

        Assert.Equal(ReplyClass.DailyLimit, reply.Class);
        Assert.Contains("203.0.113.9", reply.Message, StringComparison.Ordinal);
        Assert.False(reply.IsFact);
        Assert.Null(reply.ToRegistryRecord(RecordSource.Whois));
    }

    [Fact]
    public void Server_too_busy_is_unavailable_not_throttled_or_a_fact()
    {
        var reply = Fixtures.Parse("unavailable-busy.txt");

        Assert.Equal(ReplyClass.Unavailable, reply.Class);
        Assert.Null(reply.ToRegistryRecord(RecordSource.Whois));
    }

    [Fact]
    public void Rdap_domain_object_reads_into_the_same_record()
    {
        var reply = RdapParser.Parse(Fixtures.Text("rdap-registered-2468.nl.json"));

        Assert.Equal(ReplyClass.Registered, reply.Class);
        Assert.Equal(FormatEra.Rdap, reply.Era);
        var r = reply.Record!;
        Assert.Equal("2468.nl", r.Domain);
        Assert.Equal("Ooievaar Registrar B.V.", r.Registrar!.Name);
        Assert.Equal(["Molenweg 7", "Akkerdam", "7777OP", "Netherlands"], r.Registrar.AddressLines);
        Assert.Equal(new AbuseContact("+31.0207654321", "abuse@ooievaar.example"), r.Abuse);
        Assert.Equal("OOI000777-OOIEV", r.RegistrantHandle);
        Assert.Equal("Stichting Ooievaarsnest", r.RegistrantName);
        Assert.Equal("OOI000778-OOIEV", r.AdminHandle);
        Assert.Equal(["OOI000779-OOIEV"], r.TechHandles);
        Assert.Equal(["ns1.ooievaar.example", "ns2.2468.nl"], r.NameServers.Select(n => n.Host));
        Assert.Equal([IPAddress.Parse("192.0.2.68"), IPAddress.Parse("2001:db8::68")], r.NameServers[1].Addresses);
        Assert.True(r.Dnssec);
        Assert.Equal(new DateOnly(2008, 2, 29), r.Created);
        Assert.Equal(new DateOnly(2021, 4, 12), r.Updated);
        // The database-refresh event is about the server, not the domain: not kept as a domain fact.
        Assert.Empty(r.OtherFields);

        var row = reply.ToRegistryRecord(RecordSource.Rdap)!;
        Assert.Equal(new RegistryRecord(DomainName.Parse("2468.nl"), DomainStatus.Active, "Ooievaar Registrar B.V.", "OOI000777-OOIEV",
            "Stichting Ooievaarsnest", "OOI000778-OOIEV", ["ns1.ooievaar.example", "ns2.2468.nl"],
            new DateOnly(2008, 2, 29), new DateOnly(2021, 4, 12), RecordSource.Rdap), row);
    }

    [Fact]
    public void Rdap_error_404_is_free_for_the_name_asked()
    {
        var reply = RdapParser.Parse(Fixtures.Text("rdap-error-404.json"), DomainName.Parse("13579.NL"));

        Assert.Equal(ReplyClass.Free, reply.Class);
        Assert.Equal("13579.nl", reply.Domain);
        Assert.Equal(new RegistryRecord(DomainName.Parse("13579.nl"), DomainStatus.Free, Source: RecordSource.Rdap), reply.ToRegistryRecord(RecordSource.Rdap));
    }
}
