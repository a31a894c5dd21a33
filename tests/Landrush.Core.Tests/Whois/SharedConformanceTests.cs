using Landrush.Core.Dataset;
using Landrush.Core.Whois;
using Xunit.Abstractions;

namespace Landrush.Core.Tests.Whois;

/// <summary>
/// Reads every real reply in <c>../shared/fixtures/whois-nl/</c> (beside the repository root) and checks
/// what that folder's README says a correct reader gets. The folder is not part of the project: when it is
/// absent the test says so and checks nothing; when it is present every file must be known here.
/// </summary>
public class SharedConformanceTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, Action<WhoisReply>> Expected = new(StringComparer.Ordinal)
    {
        ["registered-2009-google.nl.txt"] = reply =>
        {
            Assert.Equal(ReplyClass.Registered, reply.Class);
            Assert.Equal(FormatEra.Indented2008, reply.Era);
            var r = reply.Record!;
            Assert.Equal("google.nl", r.Domain);
            Assert.Equal(DomainStatus.Active, r.Status);
            Assert.Equal("GOO001748-MARKM", r.RegistrantHandle);
            Assert.Equal("Google Inc.", r.RegistrantName);
            Assert.Equal("GOO007083-MARKM", r.AdminHandle);
            Assert.Equal(["JOH004771-MARKM"], r.TechHandles);
            Assert.Equal("MarkMonitor International LTD", r.Registrar!.Name);
            Assert.Equal(["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"], r.NameServers.Select(n => n.Host));
            Assert.Equal(new DateOnly(1999, 5, 27), r.Created);
            Assert.Equal(new DateOnly(2009, 2, 11), r.Updated);
        },
        ["free-2009-u34jedzcq.nl.txt"] = reply =>
        {
            Assert.Equal(ReplyClass.Free, reply.Class);
            Assert.Equal("u34jedzcq.nl", reply.Domain);
            Assert.Null(reply.Record);
        },
        ["inactive-2010s-smsexdates.nl.txt"] = reply =>
        {
            Assert.Equal(ReplyClass.Inactive, reply.Class);
            Assert.Equal(FormatEra.Flat2010s, reply.Era);
            var r = reply.Record!;
            Assert.Equal("smsexdates.nl", r.Domain);
            Assert.Equal(DomainStatus.Inactive, r.Status);
            Assert.Equal("JK Websolutions", r.Registrar!.Name);
            Assert.False(r.Dnssec);
            Assert.Equal(["ns1.jkwebsolutions.nl"], r.NameServers.Select(n => n.Host));
            Assert.Null(r.Created);
            Assert.Null(r.Updated);
        },
        ["registered-current-app.nl.txt"] = reply =>
        {
            Assert.Equal(ReplyClass.Registered, reply.Class);
            Assert.Equal(FormatEra.Current, reply.Era);
            var r = reply.Record!;
            Assert.Equal("app.nl", r.Domain);
            Assert.Equal(DomainStatus.Active, r.Status);
            Assert.Equal("Hoasted", r.Reseller!.Name);
            Assert.Equal("Hosting Secure", r.Registrar!.Name);
            Assert.Equal(new AbuseContact("+31.0202018165", "abuse@hostingsecure.com"), r.Abuse);
            Assert.True(r.Dnssec);
            Assert.Equal(["ns1.hoasted.nl", "ns2.hoasted.eu", "ns3.hoasted.com"], r.NameServers.Select(n => n.Host));
            Assert.Equal(new DateOnly(1998, 2, 20), r.Created);
            Assert.Equal(new DateOnly(2025, 9, 12), r.Updated);
        },
        ["throttled-per-second.txt"] = reply =>
        {
            Assert.Equal(ReplyClass.Throttled, reply.Class);
            Assert.Equal(TimeSpan.FromSeconds(1), reply.RetryAfter);
            Assert.False(reply.IsFact);
            Assert.Null(reply.ToRegistryRecord(RecordSource.Whois));
        },
        ["throttled-daily-limit.txt"] = reply =>
        {
            Assert.Equal(ReplyClass.DailyLimit, reply.Class);
            Assert.False(reply.IsFact);
            Assert.Null(reply.ToRegistryRecord(RecordSource.Whois));
        },
    };

    [SkippableFact]
    public void Every_shared_reply_is_read_as_its_README_says()
    {
        var folder = Fixtures.SharedFolder();
        if (folder is null)
        {
            // CI always has ../shared and sets LANDRUSH_REQUIRE_SHARED=1, so there a missing folder is a
            // failure, not a silent pass. A fresh clone on its own has nothing to conform to.
            if (Environment.GetEnvironmentVariable("LANDRUSH_REQUIRE_SHARED") == "1")
            {
                Assert.Fail($"LANDRUSH_REQUIRE_SHARED=1 but ../shared/fixtures/whois-nl is not beside {RepositoryFiles.Root}");
            }

            Skip.If(true, "../shared/fixtures/whois-nl not found beside the repository root: conformance not checked");
        }

        output.WriteLine($"conformance against {folder}");
        var files = Fixtures.Names(folder).ToList();
        // A file this test does not know is a failure: its expected reading must be written down here.
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), files);
        foreach (var file in files)
        {
            var reply = WhoisParser.Parse(WhoisText.Decode(File.ReadAllBytes(Path.Combine(folder, file))));
            output.WriteLine($"{file}: {reply.Class} {reply.Era} {reply.Domain}");
            Expected[file](reply);
        }
    }
}
