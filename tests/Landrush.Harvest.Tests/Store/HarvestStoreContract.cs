using System.Text;
using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Store;

namespace Landrush.Harvest.Tests.Store;

/// <summary>
/// What every <see cref="IHarvestStore"/> must do, written against the interface only: a PostgreSQL store
/// derives from this class, says how to open a fresh store and reopen it, and passes the same tests.
/// </summary>
public abstract class HarvestStoreContract
{
    /// <summary>A new, empty store; each call a different one.</summary>
    protected abstract IHarvestStore CreateNew(out string location);

    /// <summary>The store at <paramref name="location"/>, opened again (as a later run would).</summary>
    protected abstract IHarvestStore Reopen(string location);

    protected static HarvestPlan Plan => new("digits:1-2", "nl", "1/1", "whois", 5, 16, "127.0.0.1:53", "127.0.0.1:43");

    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public void A_new_store_takes_its_plan_and_keeps_it_when_reopened()
    {
        string where;
        using (var store = CreateNew(out where))
        {
            Assert.Null(store.Plan);
            store.Begin(Plan);
        }

        using var again = Reopen(where);
        Assert.Equal(Plan, again.Plan);
        again.Begin(Plan with { WhoisServer = "127.0.0.1:4343" }); // servers may move
        Assert.Equal("127.0.0.1:4343", again.Plan!.WhoisServer);
    }

    [SkippableTheory]
    [InlineData("space")]
    [InlineData("tld")]
    [InlineData("shard")]
    [InlineData("verify")]
    public void A_store_of_another_plan_is_refused(string what)
    {
        using var store = CreateNew(out _);
        store.Begin(Plan);
        var other = what switch
        {
            "space" => Plan with { Space = "digits:1-3" },
            "tld" => Plan with { Tld = "be" },
            "shard" => Plan with { Shard = "1/2" },
            _ => Plan with { VerifyAbsent = 6 },
        };
        var ex = Assert.Throws<UserInputException>(() => store.Begin(other));
        Assert.Contains("another harvest", ex.Message);
    }

    [SkippableFact]
    public void Dns_outcomes_and_their_replies_are_kept()
    {
        string where;
        using (var store = CreateNew(out where))
        {
            store.Begin(Plan);
            store.SaveDns([
                new DnsObservation(0, "0.nl", DnsOutcome.Delegated, "127.0.0.1:53", T0, new byte[] { 1, 2, 3 }),
                new DnsObservation(1, "1.nl", DnsOutcome.Absent, "127.0.0.1:53", T0, new byte[] { 4 }),
                new DnsObservation(2, "2.nl", DnsOutcome.Unknown, "127.0.0.1:53", T0, ReadOnlyMemory<byte>.Empty),
            ]);
        }

        using var again = Reopen(where);
        var states = again.States();
        Assert.Equal(3, states.Count);
        Assert.Equal(DnsOutcome.Delegated, states[0].Dns);
        Assert.True(states[0].NeedsWhois);
        Assert.False(states[1].NeedsWhois);
        Assert.True(states[2].NeedsWhois);
        Assert.Null(states[2].DnsReplyId);
        Assert.Equal(new byte[] { 1, 2, 3 }, again.Reply(states[0].DnsReplyId!.Value)!.Raw.ToArray());
        again.MarkVerify(new VerifyStratum("1/1", 0, 100, 1, [1]));
        Assert.True(again.States()[1].NeedsWhois);
    }

    [SkippableFact]
    public void The_verify_sample_keeps_its_strata_with_their_members()
    {
        string where;
        using (var store = CreateNew(out where))
        {
            store.Begin(Plan);
            Assert.Empty(store.Strata());
            store.SaveDns([.. Enumerable.Range(0, 10).Select(i => new DnsObservation(i, $"{i}.nl", DnsOutcome.Absent, "s", T0, new byte[] { 1 }))]);
            store.MarkVerify(new VerifyStratum("1/2", 0, 5, 5, [1, 3]));
            store.MarkVerify(new VerifyStratum("2/2", 5, 10, 4, [9]));
        }

        using var again = Reopen(where);
        var strata = again.Strata();
        Assert.Equal(2, strata.Count);
        Assert.Equal(("1/2", 0L, 5L, 5L), (strata[0].Shard, strata[0].Start, strata[0].End, strata[0].Absent));
        Assert.Equal([1L, 3L], strata[0].Members);
        Assert.Equal(("2/2", 5L, 10L, 4L), (strata[1].Shard, strata[1].Start, strata[1].End, strata[1].Absent));
        Assert.Equal([9L], strata[1].Members);
        Assert.Equal([1L, 3L, 9L], again.States().Values.Where(s => s.Verify).Select(s => s.Index).Order());
    }

    [SkippableFact]
    public void A_reply_about_the_registry_is_kept_as_evidence_and_is_no_name()
    {
        string where;
        using (var store = CreateNew(out where))
        {
            store.Begin(Plan);
            store.SaveNotice(new StoredReply(0, -1, "nl", "dns", "127.0.0.1:53", T0, "notice", "% simulator notice", Encoding.UTF8.GetBytes("% simulator notice\nlimits")));
        }

        using var again = Reopen(where);
        Assert.Equal(["% simulator notice"], again.Notices());
        Assert.Empty(again.States());
        Assert.Empty(again.Records());
        var reply = Assert.Single(again.Replies("nl"));
        Assert.Equal((-1L, "dns", "notice"), (reply.Index, reply.Source, reply.Class));
        Assert.Equal("% simulator notice\nlimits", Encoding.UTF8.GetString(reply.Raw.Span));
        Assert.Equal(T0, again.Span().First);
    }

    [SkippableFact]
    public void A_whois_answer_is_stored_whole_with_its_record_and_evidence()
    {
        string where;
        long id;
        var record = new RegistryRecord(DomainName.Parse("0.nl"), DomainStatus.Active, "Registrar 1", "ABC001-X", "Someone", "DEF002-X",
            ["ns1.example", "ns2.example"], new DateOnly(2008, 2, 28), new DateOnly(2008, 3, 1), RecordSource.Whois, T0);
        using (var store = CreateNew(out where))
        {
            store.Begin(Plan);
            store.SaveDns([new DnsObservation(0, "0.nl", DnsOutcome.Delegated, "127.0.0.1:53", T0, new byte[] { 1 })]);
            store.SaveWhois(new StoredReply(0, 0, "0.nl", "whois", "127.0.0.1:43", T0, "throttled", null, Encoding.ASCII.GetBytes("slow down")),
                WhoisState.Pending, null, null);
            id = store.SaveWhois(new StoredReply(0, 0, "0.nl", "whois", "127.0.0.1:43", T0, "registered", "% notice", Encoding.Latin1.GetBytes("Domain name: 0.nl é")),
                WhoisState.Answered, record, null).ReplyId;
        }

        using var again = Reopen(where);
        Assert.Equal(WhoisState.Answered, again.States()[0].Whois);
        Assert.False(again.States()[0].NeedsWhois);
        var stored = again.Records()[0];
        Assert.Equal(record with { RawRef = $"raw/0.nl/{id}" }, stored);
        var replies = again.Replies("0.nl");
        Assert.Equal(["dns", "whois", "whois"], replies.Select(r => r.Source));
        Assert.Equal(Encoding.Latin1.GetBytes("Domain name: 0.nl é"), replies[^1].Raw.ToArray());
        Assert.Equal(["% notice"], again.Notices());
        Assert.Equal(T0, again.Span().First);
    }

    [SkippableFact]
    public void A_failed_name_keeps_its_reason_and_is_asked_again()
    {
        using var store = CreateNew(out _);
        store.Begin(Plan);
        store.SaveDns([new DnsObservation(3, "3.nl", DnsOutcome.Delegated, "s", T0, new byte[] { 1 })]);
        store.SaveWhois(new StoredReply(0, 3, "3.nl", "whois", "s", T0, "failed", null, ReadOnlyMemory<byte>.Empty), WhoisState.Failed, null, "connection refused");
        var state = store.States()[3];
        Assert.Equal(WhoisState.Failed, state.Whois);
        Assert.Equal("connection refused", state.Reason);
        Assert.True(state.NeedsWhois);
    }

    [SkippableFact]
    public void An_imported_name_keeps_its_evidence_under_new_ids_and_replaces_an_older_copy()
    {
        var record = new RegistryRecord(DomainName.Parse("4.nl"), DomainStatus.Active, "Registrar 4", "ABC004-X", Source: RecordSource.Whois, FetchedAt: T0.AddSeconds(1), RawRef: "raw/4.nl/102");
        var imported = new ImportedName(
            new NameState(4, "4.nl", DnsOutcome.Delegated, 101, Verify: true, WhoisState.Answered, null),
            [
                new StoredReply(101, 4, "4.nl", "dns", "127.0.0.1:53", T0, "delegated", null, new byte[] { 9 }),
                new StoredReply(102, 4, "4.nl", "whois", "127.0.0.1:43", T0.AddSeconds(1), "registered", null, "Domain name: 4.nl"u8.ToArray()),
            ],
            record);
        string where;
        using (var store = CreateNew(out where))
        {
            store.Begin(Plan);
            store.SaveDns([new DnsObservation(4, "4.nl", DnsOutcome.Unknown, "s", T0, ReadOnlyMemory<byte>.Empty)]);
            store.Import([imported]);
        }

        using var again = Reopen(where);
        var state = again.States()[4];
        Assert.Equal(DnsOutcome.Delegated, state.Dns);
        Assert.True(state.Verify);
        Assert.Equal(WhoisState.Answered, state.Whois);
        Assert.Equal(new byte[] { 9 }, again.Reply(state.DnsReplyId!.Value)!.Raw.ToArray());
        var stored = again.Records()[4];
        Assert.Equal("Domain name: 4.nl"u8.ToArray(), again.Reply(RawRef.IdOf(stored.RawRef)!.Value)!.Raw.ToArray());
        Assert.Equal(record with { RawRef = stored.RawRef }, stored);
        Assert.Equal(2, again.ReplyCount());
        Assert.Equal(["dns", "whois"], again.Replies("4.nl").Select(r => r.Source));
    }

    private static HarvestWorker Worker(string name) => new(name, "127.0.0.2", "test-host", 42, 20);

    private static List<DnsObservation> Swept(int count, Func<int, DnsOutcome> outcome) =>
        [.. Enumerable.Range(0, count).Select(i => new DnsObservation(i, NameOf(i), outcome(i), "127.0.0.1:53", T0, new byte[] { (byte)i }))];

    // The label of index i in digits:1-2: 0–9, then 00–99.
    private static string NameOf(int i) => (i < 10 ? $"{i}" : $"{i - 10:00}") + ".nl";

    [SkippableFact]
    public void Dns_blocks_are_claimed_once_while_leased_and_come_back_when_the_lease_expires()
    {
        using var a = CreateNew(out var where);
        a.Begin(Plan);
        using var b = Reopen(where);
        a.Join(Worker("a"), TimeSpan.FromMilliseconds(600));
        b.Join(Worker("b"), TimeSpan.FromMilliseconds(600));
        var block = a.ClaimDns();
        Assert.Equal(new DnsBlock(0, 0, 110), block); // digits:1-2 is one block
        Assert.Null(b.ClaimDns());
        Assert.Equal((1L, 1L), (b.Left().DnsBlocks, b.Left().DnsBlocksLeased));

        // a dies: its lease expires and b takes the block, sweeping only what a did not store.
        a.SaveDns(Swept(40, _ => DnsOutcome.Absent));
        Thread.Sleep(800);
        Assert.Equal(block, b.ClaimDns());
        Assert.Equal(40, b.Swept(0, 110).Count);
        b.CompleteDns(block!);
        Assert.Equal((0L, 110L), (b.Left().DnsBlocks, b.Left().DnsNamesDone));
        Assert.Null(a.ClaimDns());
    }

    [SkippableFact]
    public void Two_workers_claim_disjoint_names_and_a_dead_workers_names_return_to_the_pool()
    {
        using var a = CreateNew(out var where);
        a.Begin(Plan);
        a.SaveDns(Swept(30, i => i % 3 == 0 ? DnsOutcome.Absent : DnsOutcome.Delegated)); // 20 to ask
        using var b = Reopen(where);
        a.Join(Worker("a"), TimeSpan.FromMilliseconds(600));
        b.Join(Worker("b"), TimeSpan.FromSeconds(60));
        var mine = a.ClaimWhois(8);
        var theirs = b.ClaimWhois(100);
        Assert.Equal(8, mine.Count);
        Assert.Equal(12, theirs.Count);
        Assert.Empty(mine.Select(n => n.Index).Intersect(theirs.Select(n => n.Index)));
        Assert.Empty(b.ClaimWhois(100));
        Assert.Equal(8, b.Left().WhoisLeased);

        // a stops renewing (killed): its 8 names are b's after the lease.
        Thread.Sleep(800);
        Assert.Equal(mine.Select(n => n.Index), b.ClaimWhois(100).Select(n => n.Index));
    }

    [SkippableFact]
    public void A_late_answer_is_kept_as_evidence_and_the_first_fact_stays_the_record()
    {
        using var a = CreateNew(out var where);
        a.Begin(Plan);
        a.SaveDns(Swept(1, _ => DnsOutcome.Delegated));
        using var b = Reopen(where);
        a.Join(Worker("a"), TimeSpan.FromMilliseconds(300));
        b.Join(Worker("b"), TimeSpan.FromSeconds(60));
        Assert.Single(a.ClaimWhois(1));
        Thread.Sleep(500);
        Assert.Single(b.ClaimWhois(1));
        RegistryRecord Record(string registrar) => new(DomainName.Parse("0.nl"), DomainStatus.Active, registrar, Source: RecordSource.Whois, FetchedAt: T0);
        StoredReply Reply(string text) => new(0, 0, "0.nl", "whois", "127.0.0.1:43", T0, "registered", null, Encoding.ASCII.GetBytes(text));

        var first = b.SaveWhois(Reply("b's answer"), WhoisState.Answered, Record("B"), null);
        var late = a.SaveWhois(Reply("a's late answer"), WhoisState.Answered, Record("A"), null);
        Assert.True(first.Recorded);
        Assert.False(late.Recorded);
        Assert.Equal("B", b.Records()[0].Registrar);
        Assert.Equal($"raw/0.nl/{first.ReplyId}", b.Records()[0].RawRef);
        var replies = b.Replies("0.nl").Where(r => r.Source == "whois").ToList();
        Assert.Equal(["b's answer", "a's late answer"], replies.Select(r => Encoding.ASCII.GetString(r.Raw.Span)));
        Assert.Equal(["b", "a"], replies.Select(r => r.Worker));
        Assert.All(replies, r => Assert.Equal("127.0.0.2", r.SourceAddress));
        // A failure after the fact does not undo it.
        a.SaveWhois(Reply("") with { Class = "failed" }, WhoisState.Failed, null, "reset");
        var counts = b.Counts();
        Assert.Equal((1L, 1L, 0L, 1L), (counts.WhoisNeeded, counts.WhoisAnswered, counts.WhoisFailed, counts.Registered));
        Assert.Equal(0, b.Left().WhoisTodo);
    }

    [SkippableFact]
    public void A_worker_that_restarts_under_its_name_takes_its_leases_back_and_is_listed_with_what_it_stored()
    {
        using var first = CreateNew(out var where);
        first.Begin(Plan);
        first.SaveDns(Swept(12, _ => DnsOutcome.Delegated));
        first.Join(Worker("w1"), TimeSpan.FromSeconds(60));
        Assert.Equal(5, first.ClaimWhois(5).Count);
        first.SaveWhois(new StoredReply(0, 0, "0.nl", "whois", "s", DateTimeOffset.UtcNow, "throttled", null, new byte[] { 1 }), WhoisState.Pending, null, null);

        using var again = Reopen(where);
        again.Join(Worker("w1"), TimeSpan.FromSeconds(60));
        Assert.Equal(0, again.Left().WhoisLeased);
        Assert.Equal(12, again.ClaimWhois(100).Count);
        var w = Assert.Single(again.Workers());
        Assert.Equal(("w1", "127.0.0.2", "test-host", 1L, 1L), (w.Name, w.SourceAddress, w.Host, w.WhoisQueries, w.Throttles));
        Assert.Equal(1 / 60.0, w.RecentRate, 6);
        Assert.Equal(1, again.Counts().Throttles);
    }

    [SkippableFact]
    public void The_verify_sample_is_drawn_once_from_the_absent_names()
    {
        using var a = CreateNew(out var where);
        a.Begin(Plan);
        a.SaveDns(Swept(20, i => i % 2 == 0 ? DnsOutcome.Absent : DnsOutcome.Delegated));
        using var b = Reopen(where);
        long[]? seen = null;
        Assert.True(a.DrawVerify(0, 20, absent => new VerifyStratum("1/1", 0, 20, (seen = absent).Length, [absent[1], absent[3]])));
        Assert.False(b.DrawVerify(0, 20, _ => throw new InvalidOperationException("drawn twice")));
        Assert.Equal([0L, 2, 4, 6, 8, 10, 12, 14, 16, 18], seen!);
        Assert.Equal([2L, 6L], Assert.Single(b.Strata()).Members);
        Assert.Equal(12, b.Counts().WhoisNeeded);
    }
}
