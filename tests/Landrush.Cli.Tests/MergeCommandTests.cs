using Landrush.Cli.Files;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Store;
using Landrush.Simulator;
using Landrush.Simulator.Whois;

namespace Landrush.Cli.Tests;

/// <summary>Shards harvested into separate stores and joined by <c>landrush merge</c>, against the simulator.</summary>
public sealed class MergeCommandTests : IDisposable
{
    private const string Space = "digits:1-3";
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-cli-merge-").FullName;

    private string P(string name) => Path.Combine(_dir, name);

    [Fact]
    public async Task Two_shards_merged_export_what_one_unsharded_harvest_exports()
    {
        var data = DatasetFile.Read(Path.Combine(RepositoryFiles.Root, "data", "nl-2008-reconstruction.csv"));
        await using var sim = await RegistrySimulator.StartAsync(new RegistrySimulatorOptions
        {
            Dataset = data,
            DatasetName = "nl-2008-reconstruction.csv",
            Whois = new WhoisServerOptions { RatePerSecond = null, DailyLimit = null },
        });
        async Task Harvest(string store, string shard)
        {
            var (code, _, err) = await CliRunner.RunAsync("harvest", "--space", Space, "--store", P(store), "--shard", shard,
                "--dns", $"127.0.0.1:{sim.DnsEndPoint!.Port}", "--whois", $"127.0.0.1:{sim.WhoisEndPoint!.Port}", "--whois-rate", "2000");
            Assert.True(code == 0, err);
        }

        await Harvest("whole.db", "1/1");
        await Harvest("a.db", "1/2");
        await Harvest("b.db", "2/2");

        // --shard partitions: every name of the space in exactly one shard's store.
        long replies;
        using (var a = SqliteHarvestStore.Open(P("a.db"), mustExist: true))
        using (var b = SqliteHarvestStore.Open(P("b.db"), mustExist: true))
        {
            var inA = a.States().Values.Select(s => s.Name).ToHashSet();
            var inB = b.States().Values.Select(s => s.Name).ToHashSet();
            Assert.Empty(inA.Intersect(inB));
            Assert.Equal(NameSpace.Parse(Space).Enumerate().Select(l => l + ".nl").Order(), inA.Union(inB).Order());
            Assert.True(inA.Count > 500 && inB.Count > 500);
            replies = a.ReplyCount() + b.ReplyCount();
        }

        var (code, output, err) = await CliRunner.RunAsync("merge", "--out", P("merged.db"), P("a.db"), P("b.db"));
        Assert.True(code == 0, err);
        Assert.Contains("1,110 names (0 held by more than one", output);
        Assert.Contains("shard 1/1", output);

        var whole = await Export("whole.db");
        var merged = await Export("merged.db");
        Assert.Equal(whole.Records.Select(Facts), merged.Records.Select(Facts));
        Assert.Equal(whole.Header.Space.Spec, merged.Header.Space.Spec);
        Assert.True(merged.Header.IsSynthetic);
        Assert.Contains(":shard=1/1:", merged.Header.Provenance);

        // Every raw reply carried over, and every row's raw_ref names a reply about its own name, whose time is the row's.
        using var m = SqliteHarvestStore.Open(P("merged.db"), mustExist: true);
        Assert.Equal(replies, m.ReplyCount());
        foreach (var row in merged.Records)
        {
            var reply = m.Reply(RawRef.IdOf(row.RawRef)!.Value)!;
            Assert.Equal(row.Name.ToString(), reply.Name);
            Assert.Equal(row.RawRef, reply.Ref.ToString());
            Assert.Equal(row.FetchedAt, reply.At);
        }

        // An overlap that agrees (the whole harvest and one of its shards) merges; the shards' copies count once each.
        (code, output, err) = await CliRunner.RunAsync("merge", "--out", P("again.db"), P("whole.db"), P("a.db"), P("a.db"));
        Assert.True(code == 0, err);
        Assert.Contains("1,110 names (", output);
        Assert.Equal(whole.Records.Select(Facts), (await Export("again.db")).Records.Select(Facts));
        using var again = SqliteHarvestStore.Open(P("again.db"), mustExist: true);
        using var w = SqliteHarvestStore.Open(P("whole.db"), mustExist: true);
        using var sa = SqliteHarvestStore.Open(P("a.db"), mustExist: true);
        Assert.Equal(w.ReplyCount() + sa.ReplyCount(), again.ReplyCount());
    }

    [Fact]
    public async Task Shards_with_different_sample_fractions_merge_into_a_stratified_estimate_of_what_dns_missed()
    {
        // The reconstruction's three-digit names, some made inactive (registered, not in the zone: what DNS misses), few
        // in the first half of the space and many in the second, so that the two shards' shares differ.
        var full = DatasetFile.Read(Path.Combine(RepositoryFiles.Root, "data", "nl-2008-reconstruction.csv"));
        var rows = full.Records.Where(r => r.Length == 3).Select(r =>
        {
            var n = int.Parse(r.Name.Label, System.Globalization.CultureInfo.InvariantCulture);
            return r.Status == DomainStatus.Active && (n < 500 ? n % 10 == 2 : n % 2 == 0) ? r with { Status = DomainStatus.Inactive } : r;
        }).ToList();
        var data = new RegistryDataset(full.Header with { Space = NameSpace.Parse("digits:3") }, rows);
        await using var sim = await RegistrySimulator.StartAsync(new RegistrySimulatorOptions
        {
            Dataset = data,
            DatasetName = "nl-2008-reconstruction.csv",
            Whois = new WhoisServerOptions { RatePerSecond = null, DailyLimit = null },
        });

        // Shard 1/2 draws 15 of its absent names, shard 2/2 draws 120 of its own: very different sample fractions.
        foreach (var (store, shard, n) in new[] { ("a.db", "1/2", "15"), ("b.db", "2/2", "120") })
        {
            var (c, _, e) = await CliRunner.RunAsync("harvest", "--space", "digits:3", "--store", P(store), "--shard", shard, "--verify-absent", n,
                "--dns", $"127.0.0.1:{sim.DnsEndPoint!.Port}", "--whois", $"127.0.0.1:{sim.WhoisEndPoint!.Port}", "--whois-rate", "2000");
            Assert.True(c == 0, e);
        }

        // Each shard's N_h (absent names), n_h (sampled) and k_h (registered among them), read from its store.
        var strata = new List<(long Absent, long Sampled, long Found)>();
        foreach (var store in new[] { "a.db", "b.db" })
        {
            using var s = SqliteHarvestStore.Open(P(store), mustExist: true);
            var stratum = Assert.Single(s.Strata());
            var records = s.Records();
            strata.Add((s.States().Values.LongCount(x => x.Dns == DnsOutcome.Absent), stratum.Members.Count,
                stratum.Members.Count(i => records[i].IsRegistered)));
        }

        Assert.Equal([15L, 120L], strata.Select(s => s.Sampled));
        var (code, output, err) = await CliRunner.RunAsync("merge", "--out", P("merged.db"), P("a.db"), P("b.db"));
        Assert.True(code == 0, err);
        // The stratified point estimate by hand: Σ N_h·k_h/n_h over all Σ N_h absent names.
        var count = strata.Sum(s => (double)s.Absent * s.Found / s.Sampled);
        // The two samples pooled as one would say something else here (what merge did before strata).
        var pooled = strata.Sum(s => (double)s.Absent) * strata.Sum(s => s.Found) / strata.Sum(s => s.Sampled);
        Assert.True(Math.Abs(count - pooled) > 10, $"stratified {count:N1}, pooled {pooled:N1}: the shards do not tell the methods apart");
        var line = FormattableString.Invariant(
            $"DNS-missed registrations: {strata.Sum(s => s.Found)} of 135 sampled absent names are registered (stratified over 2 shards' samples); estimate for all {strata.Sum(s => s.Absent):N0} absent names {count:N0} (95% CI ");
        Assert.Contains(line, output);

        // export states the same estimate beside the dataset.
        (code, var exported, err) = await CliRunner.RunAsync("export", "--store", P("merged.db"), "--out", P("merged.csv"));
        Assert.True(code == 0, err);
        Assert.Contains(line, exported);
    }

    [Fact]
    public async Task An_overlap_that_disagrees_is_one_line_naming_the_name_and_nothing_is_written()
    {
        var t = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        void Make(string file, string shard, string handle)
        {
            using var store = SqliteHarvestStore.Open(P(file));
            store.Begin(new HarvestPlan("digits:1", "nl", shard, "whois", 0, 16, "127.0.0.1:53", "127.0.0.1:43"));
            store.SaveDns([new DnsObservation(7, "7.nl", DnsOutcome.Delegated, "127.0.0.1:53", t, new byte[] { 1, 2 })]);
            store.SaveWhois(new StoredReply(0, 7, "7.nl", "whois", "127.0.0.1:43", t, "registered", null, "Domain name: 7.nl"u8.ToArray()),
                WhoisState.Answered, new RegistryRecord(DomainName.Parse("7.nl"), DomainStatus.Active, "Registrar", handle, Source: RecordSource.Whois, FetchedAt: t), null);
        }

        Make("x.db", "1/1", "ABC001-X");
        Make("y.db", "1/1", "XYZ999-Y");
        var (code, output, err) = await CliRunner.RunAsync("merge", "--out", P("m.db"), P("x.db"), P("y.db"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("7.nl: the stores disagree on its registrant handle", err);
        Assert.Contains("ABC001-X", err);
        Assert.Contains("XYZ999-Y", err);
        Assert.False(File.Exists(P("m.db")));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Stores_of_different_harvests_and_an_existing_out_are_refused()
    {
        void Make(string file, string space)
        {
            using var store = SqliteHarvestStore.Open(P(file));
            store.Begin(new HarvestPlan(space, "nl", "1/1", "whois", 0, 16, "127.0.0.1:53", "127.0.0.1:43"));
        }

        Make("one.db", "digits:1");
        Make("two.db", "digits:2");
        var (code, _, err) = await CliRunner.RunAsync("merge", "--out", P("m.db"), P("one.db"), P("two.db"));
        Assert.Equal(2, code);
        Assert.Contains("another harvest", err);
        Assert.Contains("space digits:2, not digits:1", err);
        Assert.False(File.Exists(P("m.db")));

        (code, _, err) = await CliRunner.RunAsync("merge", "--out", P("one.db"), P("two.db"));
        Assert.Equal(2, code);
        Assert.Contains("exists", err);
        (code, _, err) = await CliRunner.RunAsync("merge", "--out", P("m.db"), P("missing.db"));
        Assert.Equal(2, code);
        Assert.Contains("no such harvest store", err);
        (code, _, err) = await CliRunner.RunAsync("merge", "--out", P("no-such-dir/m.db"), P("one.db"));
        Assert.Equal(2, code);
        Assert.Equal($"landrush: error: cannot write {P("no-such-dir/m.db")}: directory {P("no-such-dir")} does not exist", err.Trim());
        (code, _, err) = await CliRunner.RunAsync("harvest", "--space", "digits:1", "--store", P("no-such-dir/h.db"), "--dns", "127.0.0.1:9", "--whois", "127.0.0.1:9");
        Assert.Equal(2, code);
        Assert.Contains($"landrush: error: cannot write {P("no-such-dir/h.db")}: directory {P("no-such-dir")} does not exist", err);
        Assert.False(Directory.Exists(P("no-such-dir")));
    }

    private async Task<RegistryDataset> Export(string store)
    {
        var csv = P(store + ".csv");
        var (code, _, err) = await CliRunner.RunAsync("export", "--store", P(store), "--out", csv);
        Assert.True(code == 0, err);
        using var stream = File.OpenRead(csv);
        return RegistryCsv.Read(stream, csv);
    }

    // Where and when a row was fetched legitimately differ between two harvests; everything else may not.
    private static object Facts(RegistryRecord r) => (r.Name, r.Status, r.Registrar, r.RegistrantHandle, r.RegistrantName, r.AdminHandle,
        string.Join(';', r.NameServerList), r.Created, r.Updated, r.Source, r.RawRef is null, r.FetchedAt is null);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
