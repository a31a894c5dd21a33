using System.Net;
using System.Text;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois;
using Xunit.Abstractions;

namespace Landrush.Core.Tests.Whois;

/// <summary>
/// The renderer against the parser: every rendered reply reads back into the record it came from,
/// restricted to what its era shows; and the layout is the real replies' layout, line for line.
/// </summary>
public class WhoisRendererTests(ITestOutputHelper output)
{
    private static readonly SimulatorNotice Synthetic = new("nl-2008-reconstruction.csv", Synthetic: true);

    /// <summary>The fields a dataset row keeps after a reply of <paramref name="era"/> was read back.</summary>
    private static RegistryRecord Restrict(RegistryRecord r, FormatEra era) => era switch
    {
        FormatEra.Indented2008 => r,
        FormatEra.Flat2010s => new RegistryRecord(r.Name, r.Status, r.Registrar, NameServers: r.NameServerList, Source: r.Source),
        FormatEra.Current => new RegistryRecord(r.Name, r.Status, r.Registrar, NameServers: r.NameServerList, Created: r.Created, Updated: r.Updated, Source: r.Source),
        _ => throw new ArgumentOutOfRangeException(nameof(era)),
    };

    private static RegistryDataset ReadReconstruction()
    {
        using var stream = File.OpenRead(RepositoryFiles.Path("data/nl-2008-reconstruction.csv"));
        return RegistryCsv.Read(stream, "data/nl-2008-reconstruction.csv");
    }

    private static RegistryRecord? ReadBack(RegistryRecord original, FormatEra era)
    {
        var text = WhoisRenderer.Render(original, era, Synthetic);
        var reply = WhoisParser.Parse(text);
        return reply.ToRegistryRecord(original.Source);
    }

    [Fact]
    public void Every_registered_name_of_the_reconstruction_reads_back_in_every_era()
    {
        var dataset = ReadReconstruction();
        var registered = dataset.Records.Where(r => r.IsRegistered).ToList();
        Assert.Equal(11_245, registered.Count);
        foreach (var era in WhoisRenderer.Eras)
        {
            foreach (var record in registered)
            {
                var back = ReadBack(record, era);
                Assert.True(Restrict(record, era).Equals(back), $"{record.Name} in era {era}: read back as {back}");
            }
        }
    }

    [Fact]
    public void Free_names_of_the_reconstruction_read_back_as_free()
    {
        var dataset = ReadReconstruction();
        foreach (var record in dataset.Records.Where(r => r.Status == DomainStatus.Free).Take(500))
        {
            foreach (var era in WhoisRenderer.Eras)
            {
                var reply = WhoisParser.Parse(WhoisRenderer.Render(record, era, Synthetic));
                Assert.Equal(ReplyClass.Free, reply.Class);
                Assert.Equal(record.Name.ToString(), reply.Domain);
            }
        }
    }

    [Fact]
    public void Random_rows_with_non_ascii_names_and_many_name_servers_read_back()
    {
        const int seed = 15;
        output.WriteLine($"seed {seed}");
        var rng = new Random(seed);
        for (var i = 0; i < 3000; i++)
        {
            var record = RandomRow(rng);
            foreach (var era in WhoisRenderer.Eras)
            {
                var back = ReadBack(record, era);
                Assert.True(Restrict(record, era).Equals(back), $"case {i}, era {era}: {record} read back as {back}");
            }
        }
    }

    [Fact]
    public void Random_records_with_long_address_lines_contacts_and_glue_read_back()
    {
        const int seed = 1515;
        output.WriteLine($"seed {seed}");
        var rng = new Random(seed);
        for (var i = 0; i < 2000; i++)
        {
            var record = RandomRecord(rng);
            foreach (var era in WhoisRenderer.Eras)
            {
                var text = WhoisRenderer.Render(record, era, Synthetic);
                var reply = WhoisParser.Parse(text);
                Assert.True(reply.Record is not null, $"case {i}, era {era}: {reply.Class} {reply.Message}\n{text}");
                AssertShows(record, reply.Record!, era, $"case {i}, era {era}:\n{text}");
                Assert.Equal(era, reply.Era);
            }
        }
    }

    [Fact]
    public void Every_reply_carries_one_notice_line_naming_the_dataset()
    {
        var real = new SimulatorNotice("harvest-2026.csv", Synthetic: false);
        var row = new RegistryRecord(DomainName.Parse("1234.nl"), DomainStatus.Active, "Registrar 01 (synthetic)", "ABC001234-XYZAB", "Someone", "DEF005678-XYZAB", ["ns1.a.example"], new DateOnly(2008, 2, 28), new DateOnly(2008, 2, 29));
        foreach (var notice in new[] { Synthetic, real })
        {
            var replies = WhoisRenderer.Eras.SelectMany(era => new[]
                {
                    WhoisRenderer.Render(row, era, notice),
                    WhoisRenderer.Render(row with { Status = DomainStatus.Inactive }, era, notice),
                    WhoisRenderer.Render(row with { Status = DomainStatus.Quarantine }, era, notice),
                    WhoisRenderer.RenderFree("99999.nl", era, notice),
                })
                .Concat([WhoisRenderer.RenderThrottled(notice), WhoisRenderer.RenderDailyLimit("127.0.0.1", notice), WhoisRenderer.RenderBusy(notice), WhoisRenderer.RenderInvalid(notice)]);
            foreach (var reply in replies)
            {
                Assert.Single(reply.Split("\r\n"), l => l.TrimStart().StartsWith(SimulatorNotice.Prefix, StringComparison.Ordinal));
                Assert.Equal(notice, SimulatorNotice.TryFind(reply));
                Assert.Equal(notice.Synthetic, reply.Contains("SYNTHETIC", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Limit_and_busy_replies_classify_as_the_real_lines_do()
    {
        Assert.Equal(ReplyClass.Throttled, WhoisParser.Parse(WhoisRenderer.RenderThrottled(Synthetic)).Class);
        Assert.Equal(TimeSpan.FromSeconds(1), WhoisParser.Parse(WhoisRenderer.RenderThrottled(Synthetic)).RetryAfter);
        Assert.Equal(ReplyClass.DailyLimit, WhoisParser.Parse(WhoisRenderer.RenderDailyLimit("127.0.0.1", Synthetic)).Class);
        Assert.Equal(ReplyClass.Unavailable, WhoisParser.Parse(WhoisRenderer.RenderBusy(Synthetic)).Class);
        Assert.False(WhoisParser.Parse(WhoisRenderer.RenderInvalid(Synthetic)).IsFact);
        Assert.StartsWith(SidnMessages.Throttled() + "\r\n", WhoisRenderer.RenderThrottled(Synthetic), StringComparison.Ordinal);
    }

    [Fact]
    public void Quarantine_and_inactive_read_back_with_their_class_and_release_date()
    {
        var row = new RegistryRecord(DomainName.Parse("5550.nl"), DomainStatus.Quarantine, "Meeuw Media", Updated: new DateOnly(2013, 5, 12));
        var reply = WhoisParser.Parse(WhoisRenderer.Render(row, FormatEra.Flat2010s, Synthetic));
        Assert.Equal(ReplyClass.Quarantine, reply.Class);
        Assert.Equal("Meeuw Media", reply.Record!.LastRegistrar!.Name);
        Assert.Equal(new DateOnly(2013, 6, 21), reply.Record.OutOfQuarantine);
        var inactive = WhoisParser.Parse(WhoisRenderer.Render(row with { Status = DomainStatus.Inactive }, FormatEra.Current, Synthetic));
        Assert.Equal(ReplyClass.Inactive, inactive.Class);
    }

    [SkippableFact]
    public void The_real_replies_in_shared_are_laid_out_as_the_renderer_lays_them_out()
    {
        var shared = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "..", "shared", "fixtures", "whois-nl"));
        if (!Directory.Exists(shared))
        {
            // As in SharedConformanceTests: CI has ../shared and sets LANDRUSH_REQUIRE_SHARED=1; a lone clone skips.
            Assert.True(Environment.GetEnvironmentVariable("LANDRUSH_REQUIRE_SHARED") != "1", $"LANDRUSH_REQUIRE_SHARED=1 but {shared} is missing");
            throw new Xunit.SkipException($"{shared} is absent: nothing checked");
        }

        AssertSameLayout("registered-2009-google.nl.txt", FormatEra.Indented2008, shared);
        AssertSameLayout("inactive-2010s-smsexdates.nl.txt", FormatEra.Flat2010s, shared);
        AssertSameLayout("registered-current-app.nl.txt", FormatEra.Current, shared);
        var free = File.ReadAllText(Path.Combine(shared, "free-2009-u34jedzcq.nl.txt"));
        var rendered = WhoisRenderer.RenderFree("u34jedzcq.nl", FormatEra.Indented2008, Synthetic);
        Assert.Equal(Lines(free)[..3], Lines(rendered)[..3]);
    }

    /// <summary>
    /// Reads a real reply, renders what was read in its era, and compares the two line by line (trailing
    /// spaces ignored) up to <c>Record maintained by</c>. Blocks the renderer does not write (<c>Domicile:</c>)
    /// are left out of the real reply first.
    /// </summary>
    private void AssertSameLayout(string file, FormatEra era, string folder)
    {
        var real = File.ReadAllText(Path.Combine(folder, file), Encoding.UTF8);
        var record = WhoisParser.Parse(real).Record!;
        var rendered = WhoisRenderer.Render(record, era, Synthetic);
        var want = Record(WithoutBlock(Lines(real), "Domicile:"));
        var got = Record(Lines(rendered));
        output.WriteLine(string.Join('\n', got));
        Assert.Equal(want, got);

        static List<string> Record(List<string> lines) =>
            [.. lines.Take(lines.FindIndex(l => l.TrimStart().StartsWith("Record maintained", StringComparison.Ordinal)) + 1)];
    }

    private static List<string> Lines(string text) => [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())];

    private static List<string> WithoutBlock(List<string> lines, string label)
    {
        var at = lines.FindIndex(l => l.Trim() == label);
        if (at < 0)
        {
            return lines;
        }

        var end = lines.FindIndex(at, l => l.Length == 0);
        return [.. lines.Take(at - 1), .. lines.Skip(end)];
    }

    private static void AssertShows(WhoisRecord want, WhoisRecord got, FormatEra era, string because)
    {
        Assert.True(want.Domain == got.Domain, because);
        Assert.True(want.Status == got.Status && want.StatusText == got.StatusText, because);
        Assert.True(SameParty(want.Registrar, got.Registrar), because);
        Assert.True(SameParty(want.LastRegistrar, got.LastRegistrar), because);
        Assert.True(want.NameServers.Select(n => n.ToString()).SequenceEqual(got.NameServers.Select(n => n.ToString())), because);
        var is2008 = era == FormatEra.Indented2008;
        var current = era == FormatEra.Current;
        Assert.True(SameContact(is2008 ? want.Registrant : null, got.Registrant), because);
        Assert.True(SameContact(is2008 ? want.Admin : null, got.Admin), because);
        Assert.True((is2008 ? want.Tech : []).Count == got.Tech.Count && want.Tech.Zip(got.Tech).All(p => SameContact(p.First, p.Second)), because);
        Assert.True(SameParty(current ? want.Reseller : null, got.Reseller), because);
        Assert.True((current ? want.Abuse : null) == got.Abuse, because);
        Assert.True((is2008 || want.Status == DomainStatus.Quarantine ? null : want.Dnssec ?? false) == got.Dnssec, because);
        Assert.True((era == FormatEra.Flat2010s ? null : want.Created) == got.Created, because);
        Assert.True((era == FormatEra.Flat2010s ? null : want.Updated) == got.Updated, because);
        Assert.True(want.OutOfQuarantine == got.OutOfQuarantine, because);
        Assert.True((current ? WhoisRenderer.MaintainedBySidn : WhoisRenderer.MaintainedByRegistry) == got.MaintainedBy, because);
        Assert.True(got.OtherFields.Count == 0, because);

        static bool SameParty(WhoisParty? a, WhoisParty? b) =>
            a is null ? b is null : b is not null && a.Name == b.Name && a.AddressLines.SequenceEqual(b.AddressLines);

        static bool SameContact(WhoisContact? a, WhoisContact? b) =>
            a is null ? b is null : b is not null && a.Handle == b.Handle && a.Name == b.Name && a.Lines.SequenceEqual(b.Lines);
    }

    // Text that must survive: accents, CJK, Arabic, emoji, colons and "try again later" inside a value.
    private static readonly string[] Words =
    [
        "Zeeuwse", "Stichting", "Müller", "Ærø", "Crème", "brûlée", "Ñandú", "株式会社", "Ελληνικά", "Łódź", "São",
        "Paulo", "عربي", "😀", "B.V.", "Try", "again", "later", "Koninklijke", "straat", "12a", "Postbus:", "&", "'t", "Ĳssel",
    ];

    private static string Text(Random rng, int minWords, int maxWords) =>
        string.Join(' ', Enumerable.Range(0, rng.Next(minWords, maxWords + 1)).Select(_ => Words[rng.Next(Words.Length)]));

    private static string Label(Random rng, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => "abcdefghijklmnopqrstuvwxyz0123456789"[rng.Next(36)])]);

    private static string Handle(Random rng) =>
        $"{Upper(rng, 3)}{rng.Next(1_000_000):D6}-{Upper(rng, 5)}";

    private static string Upper(Random rng, int n) => new([.. Enumerable.Range(0, n).Select(_ => (char)('A' + rng.Next(26)))]);

    private static DateOnly? Date(Random rng) => rng.Next(5) == 0 ? null : new DateOnly(1996, 1, 1).AddDays(rng.Next(11_000));

    private static DomainStatus Registered(Random rng) => rng.Next(3) switch
    {
        0 => DomainStatus.Active,
        1 => DomainStatus.Inactive,
        _ => DomainStatus.Quarantine,
    };

    private static RegistryRecord RandomRow(Random rng)
    {
        var status = Registered(rng);
        var hosts = Enumerable.Range(0, rng.Next(0, 40)).Select(_ => $"ns{rng.Next(100)}.{Label(rng, rng.Next(1, 20))}.{(rng.Next(2) == 0 ? "nl" : "example")}")
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new RegistryRecord(
            DomainName.Parse($"{Label(rng, rng.Next(1, 30))}.nl"),
            status,
            rng.Next(8) == 0 ? null : Text(rng, 1, 12),
            rng.Next(5) == 0 ? null : Handle(rng),
            rng.Next(5) == 0 ? null : Text(rng, 1, 30),
            rng.Next(5) == 0 ? null : Handle(rng),
            hosts,
            Date(rng),
            Date(rng),
            RecordSource.Reconstruction);
    }

    private static WhoisRecord RandomRecord(Random rng)
    {
        var status = Registered(rng);
        WhoisParty Party() => new(Text(rng, 1, 8), [.. Enumerable.Range(0, rng.Next(0, 6)).Select(_ => Text(rng, 1, 60))]);
        WhoisContact Contact() => new(Handle(rng), Text(rng, 1, 10), [.. Enumerable.Range(0, rng.Next(0, 5)).Select(_ => Text(rng, 1, 40))]);
        var quarantine = status == DomainStatus.Quarantine;
        var updated = Date(rng);
        return new WhoisRecord
        {
            Domain = $"{Label(rng, rng.Next(1, 60))}.nl",
            Status = status,
            StatusText = WhoisRenderer.StatusText(status),
            Registrar = quarantine ? null : Party(),
            LastRegistrar = quarantine ? Party() : null,
            Reseller = rng.Next(2) == 0 ? Party() : null,
            Registrant = Contact(),
            Admin = Contact(),
            Tech = [.. Enumerable.Range(0, rng.Next(0, 4)).Select(_ => Contact())],
            NameServers = [.. Enumerable.Range(0, rng.Next(0, 25)).Select(i => new NameServer(
                $"ns{i}.{Label(rng, rng.Next(1, 30))}.nl",
                rng.Next(3) == 0 ? [new IPAddress(rng.NextInt64(1L << 32)), IPAddress.Parse($"2001:db8::{rng.Next(65536):x}")] : []))],
            Dnssec = rng.Next(2) == 0,
            Created = Date(rng),
            Updated = updated,
            OutOfQuarantine = quarantine ? Date(rng) : null,
            Abuse = rng.Next(2) == 0 ? new AbuseContact($"+31.{rng.Next(100_000_000):D9}", $"abuse@{Label(rng, 8)}.nl") : null,
        };
    }
}
