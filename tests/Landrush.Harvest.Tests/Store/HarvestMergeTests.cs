using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Store;

namespace Landrush.Harvest.Tests.Store;

/// <summary>How <see cref="HarvestMerge"/> carries the shards' verify samples: one stratum per shard's draw.</summary>
public sealed class HarvestMergeTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-merge-").FullName;

    /// <summary>
    /// A store of shard <paramref name="shard"/> of <c>digits:2</c> (indices 0–99) whose names from
    /// <paramref name="start"/> are absent except every tenth, with a verify stratum of <paramref name="members"/>,
    /// the first <paramref name="registered"/> of them inactive, the rest free.
    /// </summary>
    private SqliteHarvestStore Make(string file, string shard, int start, int end, long[] members, int registered)
    {
        var store = SqliteHarvestStore.Open(Path.Combine(_dir, file));
        store.Begin(new HarvestPlan("digits:2", "nl", shard, "whois", members.Length, 16, "127.0.0.1:53", "127.0.0.1:43"));
        var names = Enumerable.Range(start, end - start).Select(i => new DnsObservation(
            i, $"{i:00}.nl", i % 10 == 0 ? DnsOutcome.Delegated : DnsOutcome.Absent, "127.0.0.1:53", T0, new byte[] { 1 })).ToList();
        store.SaveDns(names);
        store.MarkVerify(new VerifyStratum(shard, start, end, names.Count(n => n.Outcome == DnsOutcome.Absent), members));
        for (var m = 0; m < members.Length; m++)
        {
            var name = $"{members[m]:00}.nl";
            store.SaveWhois(new StoredReply(0, members[m], name, "whois", "127.0.0.1:43", T0, "record", null, "x"u8.ToArray()), WhoisState.Answered,
                new RegistryRecord(DomainName.Parse(name), m < registered ? DomainStatus.Inactive : DomainStatus.Free, Source: RecordSource.Whois, FetchedAt: T0), null);
        }

        return store;
    }

    [Fact]
    public void Shards_with_different_sample_fractions_merge_into_strata_and_a_repeated_draw_counts_once()
    {
        // Shard 1/2: 45 absent names, 5 sampled (--verify-absent 5), 2 registered; shard 2/2: 45 absent, 20 sampled, 1 registered.
        using var a = Make("a.db", "1/2", 0, 50, [1, 2, 3, 4, 5], 2);
        using var b = Make("b.db", "2/2", 50, 100, [.. Enumerable.Range(51, 22).Where(i => i % 10 != 0).Select(i => (long)i)], 1);
        using var merged = SqliteHarvestStore.Open(Path.Combine(_dir, "m.db"));
        var result = HarvestMerge.Merge([("a", a), ("b", b), ("b again", b)], merged);

        Assert.Equal((2, 0), (result.Strata, result.StrataSetAside));
        Assert.Equal(25, merged.Plan!.VerifyAbsent); // the shards' sizes differ: the merged sample is their sum
        Assert.Equal(["1/2", "2/2"], merged.Strata().Select(s => s.Shard));
        var estimate = MissedEstimate.Of(merged);
        var expected = new MissedEstimate([new MissedStratum("1/2", 45, 5, 2), new MissedStratum("2/2", 45, 20, 1)], 90);
        Assert.Equal(expected.CountInterval, estimate.CountInterval);
        // Equal weights: 90·(0.5·2/5 + 0.5·1/20) = 20.25, where one pooled sample would say 90·3/25 = 10.8.
        Assert.Equal(20.25, estimate.CountInterval!.Value.Count, 9);
    }

    [Fact]
    public void A_shards_sample_inside_the_whole_harvests_is_set_aside_and_its_names_stay_answered()
    {
        using var whole = Make("whole.db", "1/1", 0, 100, [7, 33, 68], 1);
        using var a = Make("a.db", "1/2", 0, 50, [1, 2, 3, 4, 5], 2);
        using var merged = SqliteHarvestStore.Open(Path.Combine(_dir, "m.db"));
        var result = HarvestMerge.Merge([("a", a), ("whole", whole)], merged);

        Assert.Equal((1, 1), (result.Strata, result.StrataSetAside));
        var stratum = Assert.Single(merged.Strata());
        Assert.Equal(("1/1", 90L), (stratum.Shard, stratum.Absent));
        Assert.Equal(new MissedEstimate(3, 1, 90).CountInterval, MissedEstimate.Of(merged).CountInterval);
        Assert.All([1L, 2L, 3L, 4L, 5L], i => Assert.True(merged.States()[i].Verify && merged.Records().ContainsKey(i)));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
