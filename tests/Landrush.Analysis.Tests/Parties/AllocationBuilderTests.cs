using Landrush.Analysis.Parties;
using Landrush.Core;
using Landrush.Core.Enumeration;
using static Landrush.Analysis.Tests.Parties.Rows;

namespace Landrush.Analysis.Tests.Parties;

public class AllocationBuilderTests
{
    [Fact]
    public void Handles_sharing_an_admin_handle_are_one_party_and_the_audit_says_why()
    {
        var r = AllocationBuilder.Build(Header, [Row("1", "H1", admin: "A1"), Row("2", "H2", admin: "A1"), Row("3", "H3", admin: "A3"), Free("4")]);
        Assert.Equal(2, r.Allocation.PartyCount);
        Assert.Equal([2, 1], r.Allocation.Holdings());
        var big = r.Audit.Parties[0];
        Assert.Equal(["H1", "H2"], big.Handles);
        var merge = Assert.Single(big.Merges);
        Assert.Equal(new PartyMerge("H2", "H1", PartyLinkKind.AdminHandle, "A1"), merge);
    }

    [Fact]
    public void Normalised_registrant_names_link_handles()
    {
        var r = AllocationBuilder.Build(Header, [Row("1", "H1", name: "Acme B.V."), Row("2", "H2", name: "ACME bv"), Row("3", "H3", name: "Other")]);
        Assert.Equal(2, r.Allocation.PartyCount);
        Assert.Equal(PartyLinkKind.RegistrantName, Assert.Single(r.Audit.Parties[0].Merges).Kind);
        Assert.Equal("acme", r.Audit.Parties[0].Merges[0].Evidence);
    }

    [Fact]
    public void A_name_server_set_links_until_it_has_more_than_K_unrelated_users()
    {
        // Three unrelated handles on one set: evidence with K = 3, shared hosting with K = 2.
        var rows = new[] { Row("1", "H1", ns: "ns1.x.example"), Row("2", "H2", ns: "ns1.x.example"), Row("3", "H3", ns: "ns1.x.example") };
        var linked = AllocationBuilder.Build(Header, rows, new PartyResolutionOptions { SharedHostingThreshold = 3 });
        Assert.Equal(1, linked.Allocation.PartyCount);
        Assert.All(linked.Audit.Parties[0].Merges, m => Assert.Equal(PartyLinkKind.NameServerSet, m.Kind));
        Assert.Empty(linked.Audit.SharedHostingSets);

        var shared = AllocationBuilder.Build(Header, rows, new PartyResolutionOptions { SharedHostingThreshold = 2 });
        Assert.Equal(3, shared.Allocation.PartyCount);
        Assert.Equal(new SharedHostingSet("ns1.x.example", 3, 3), Assert.Single(shared.Audit.SharedHostingSets));
        Assert.Contains(shared.Audit.Notes, n => n.Contains("K = 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Handles_already_related_count_once_towards_K()
    {
        // H1 and H2 share an admin handle: with H3 the set has 2 unrelated groups, so K = 2 still links.
        var rows = new[]
        {
            Row("1", "H1", admin: "A", ns: "ns.example"), Row("2", "H2", admin: "A", ns: "ns.example"), Row("3", "H3", ns: "ns.example"),
        };
        var r = AllocationBuilder.Build(Header, rows, new PartyResolutionOptions { SharedHostingThreshold = 2 });
        Assert.Equal(1, r.Allocation.PartyCount);
    }

    [Fact]
    public void Hidden_registrants_fall_back_to_registrar_and_name_servers_and_say_so()
    {
        var rows = new[]
        {
            Row("1", null, ns: "ns.a.example", registrar: "R1"), Row("2", null, ns: "ns.a.example", registrar: "R1"),
            Row("3", null, ns: "ns.b.example", registrar: "R1"), Row("4", "H4", registrar: "R2"),
        };
        var r = AllocationBuilder.Build(Header, rows);
        Assert.Equal([2, 1, 1], r.Allocation.Holdings());
        Assert.Equal(3, r.Audit.HiddenRegistrantNames);
        Assert.Contains(r.Audit.Notes, n => n.Contains("registrar + name-server set", StringComparison.Ordinal));
        Assert.Equal("[hidden] R1 / ns.a.example", r.Audit.Parties[0].Label);
    }

    [Fact]
    public void Registrar_and_registrant_keys_merge_nothing()
    {
        var rows = new[] { Row("1", "H1", admin: "A", registrar: "R1"), Row("2", "H2", admin: "A", registrar: "R1"), Row("3", "H3", registrar: "R2") };
        var byRegistrar = AllocationBuilder.Build(Header, rows, new PartyResolutionOptions { Key = PartyKey.Registrar });
        Assert.Equal(["R1", "R2"], byRegistrar.Allocation.PartyLabels);
        Assert.Equal([2, 1], byRegistrar.Allocation.Holdings());
        var byRegistrant = AllocationBuilder.Build(Header, rows, new PartyResolutionOptions { Key = PartyKey.Registrant });
        Assert.Equal(3, byRegistrant.Allocation.PartyCount);
        Assert.All(byRegistrant.Audit.Parties, p => Assert.Empty(p.Merges));
    }

    [Fact]
    public void Registrars_fronting_for_one_party_are_reported_with_the_linking_evidence()
    {
        // One holder (admin A) registers through R1 and R2, which carry nothing else of note; R3 is an ordinary registrar.
        var rows = new[]
        {
            Row("10", "H1", admin: "A", registrar: "R1"), Row("11", "H1", admin: "A", registrar: "R1"),
            Row("12", "H2", admin: "A", registrar: "R2"), Row("13", "H2", admin: "A", registrar: "R2"),
            Row("14", "X1", registrar: "R2"), Row("15", "X2", registrar: "R3"), Row("16", "X3", registrar: "R3"),
        };
        var r = AllocationBuilder.Build(Header, rows, new PartyResolutionOptions { Key = PartyKey.Registrar });
        var front = Assert.Single(r.Audit.RegistrarFronts);
        Assert.Equal("H1", front.PartyLabel);
        Assert.Equal(["R1", "R2"], front.Registrars);
        Assert.Equal([2, 2], front.PartyNames);
        Assert.Equal([2, 3], front.RegistrarNames);
        Assert.Equal(new PartyMerge("H2", "H1", PartyLinkKind.AdminHandle, "A"), Assert.Single(front.Evidence));
    }

    [Fact]
    public void Parties_are_ordered_largest_first_and_names_by_space_index()
    {
        var r = AllocationBuilder.Build(Header, [Row("99", "B"), Row("5", "A"), Row("10", "B"), Free("0")]);
        Assert.Equal(["B", "A"], r.Allocation.PartyLabels);
        // digits:1-2 enumerates 0…9 then 00…99: "5" is index 5, "10" is 20, "99" is 109.
        Assert.Equal([5, 20, 109], r.Allocation.NameIndex);
        Assert.Equal([1, 0, 0], r.Allocation.PartyOf);
    }

    [Fact]
    public void Registered_names_that_show_no_holder_are_counted_apart_never_pooled_into_one_party()
    {
        // Rows a harvest knows only from DNS: registered, with no registrant, registrar or name servers. Pooled under
        // one identity they would make the largest "party" of a partial harvest.
        var rows = new[]
        {
            Row("1", "H1"), Row("2", "H1"), Row("3", "H2"),
            new Core.Dataset.RegistryRecord(DomainName.Parse("4.nl"), Core.Dataset.DomainStatus.Active),
            new Core.Dataset.RegistryRecord(DomainName.Parse("5.nl"), Core.Dataset.DomainStatus.Active),
            new Core.Dataset.RegistryRecord(DomainName.Parse("6.nl"), Core.Dataset.DomainStatus.Inactive),
            Row("7", null, ns: "ns.a.example", registrar: ""),
        };
        var r = AllocationBuilder.Build(Header, rows);
        Assert.Equal(3, r.HolderUnknown);
        Assert.Equal(4, r.Allocation.Registered);
        Assert.Equal([2, 1, 1], r.Allocation.Holdings());
        Assert.DoesNotContain(r.Audit.Parties, p => p.Label.Contains("(no name servers)", StringComparison.Ordinal));
        Assert.Contains(r.Audit.Notes, n => n.Contains("3 registered names show nothing of their holder", StringComparison.Ordinal));

        // Registered all the same: the shares by length count them as registered of their length, in no party.
        Assert.Equal([4, 5, 6], r.HolderUnknownNames!);
        var length1 = Assert.Single(Landrush.Analysis.Concentration.GroupShares.ByLength(r.Allocation, r.HolderUnknownNames), g => g.Group == "length 1");
        Assert.Equal((7, 3), (length1.Registered, length1.HolderUnknown));
        Assert.Equal(4, length1.Holdings.Sum());
        Assert.Equal(0.5, length1.TopShare);
        var measures = AllocationMeasures.Of(r);
        Assert.Equal(7, measures.ByLength.Sum(g => g.Registered));
        Assert.Equal(7, measures.ByBlock.Sum(g => g.Registered));
    }

    [Fact]
    public void The_same_rows_under_a_space_spelled_in_another_part_order_give_the_same_allocation()
    {
        // The analysis reads consecutive names: "digits:2+digits:1" must not put 00..99 before 0..9.
        var rows = new[] { Row("5", "H1"), Row("6", "H1"), Row("07", "H2"), Row("50", "H1") };
        var a = AllocationBuilder.Build(Header, rows).Allocation;
        var b = AllocationBuilder.Build(new Core.Dataset.RegistryDatasetHeader(Core.Enumeration.NameSpace.Parse("digits:2+digits:1"), "nl"), rows).Allocation;
        Assert.Equal(a.NameIndex, b.NameIndex);
        Assert.Equal(a.PartyOf, b.PartyOf);
        Assert.Equal(a.Space.Enumerate(), b.Space.Enumerate());
    }

    [Fact]
    public void Unknown_and_missing_rows_are_counted_not_guessed()
    {
        var rows = new[] { Row("1", "H1"), new Core.Dataset.RegistryRecord(DomainName.Parse("2.nl"), Core.Dataset.DomainStatus.Unknown), Free("3") };
        var r = AllocationBuilder.Build(Header, rows);
        Assert.Equal(1, r.Allocation.Registered);
        Assert.Equal(1, r.Unknown);
        Assert.Equal(110 - 3, r.Missing);
    }

    [Fact]
    public void Participants_below_the_parties_holding_names_is_bad_input()
    {
        var ex = Assert.Throws<UserInputException>(() =>
            AllocationBuilder.Build(Header, [Row("1", "H1"), Row("2", "H2")], new PartyResolutionOptions { Participants = 1 }));
        Assert.Contains("--participants 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(5, AllocationBuilder.Build(Header, [Row("1", "H1")], new PartyResolutionOptions { Participants = 5 }).Allocation.Participants);
    }

    [Fact]
    public void The_same_rows_in_another_order_give_the_same_parties_and_merges()
    {
        var rows = new[]
        {
            Row("1", "H1", admin: "A"), Row("2", "H2", admin: "A", ns: "n.example"), Row("3", "H3", ns: "n.example"),
            Row("4", "H4", name: "Foo BV"), Row("5", "H5", name: "foo"), Row("6", "H6"),
        };
        var a = AllocationBuilder.Build(Header, rows);
        var b = AllocationBuilder.Build(Header, [.. rows.Reverse()]);
        Assert.Equal(a.Allocation.PartyLabels, b.Allocation.PartyLabels);
        Assert.Equal(a.Allocation.PartyOf, b.Allocation.PartyOf);
        Assert.Equal(a.Audit.Parties.SelectMany(p => p.Merges), b.Audit.Parties.SelectMany(p => p.Merges));
    }
}
