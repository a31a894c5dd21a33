using Landrush.Analysis.Concentration;
using Landrush.Analysis.Parties;
using static Landrush.Analysis.Tests.Parties.Rows;

namespace Landrush.Analysis.Tests.Concentration;

public class SummaryAndGroupTests
{
    [Fact]
    public void No_registered_names_leaves_every_share_undefined_with_a_reason()
    {
        var r = AllocationBuilder.Build(Header, [Free("1"), Free("2")]);
        var s = ConcentrationSummary.Of(r.Allocation);
        Assert.Null(s.Cr2);
        Assert.Null(s.Hhi);
        Assert.Null(s.Gini);
        Assert.Contains("no name with a known holder", s.Undefined["hhi"], StringComparison.Ordinal);
        Assert.Empty(s.Lorenz);
    }

    [Fact]
    public void A_single_holder_has_shares_but_no_inequality_among_holders()
    {
        var r = AllocationBuilder.Build(Header, [Row("1", "A"), Row("2", "A")], new PartyResolutionOptions { Participants = 4 });
        var s = ConcentrationSummary.Of(r.Allocation);
        Assert.Equal(1.0, s.Cr2);
        Assert.Equal(10_000, s.Hhi);
        Assert.Equal(HhiBand.HighlyConcentrated, s.Band);
        Assert.Null(s.Gini);
        Assert.Null(s.HhiNormalized);
        Assert.Contains("single holder", s.Undefined["gini"], StringComparison.Ordinal);
        Assert.Equal(0.75, s.GiniAll!.Value, 12);
        Assert.Equal(Math.Log(4), s.TheilAll!.Value, 12);
    }

    [Fact]
    public void The_summary_agrees_with_the_functions()
    {
        var r = AllocationBuilder.Build(Header, [Row("1", "A"), Row("2", "A"), Row("3", "A"), Row("4", "B"), Row("5", "C")]);
        var s = ConcentrationSummary.Of(r.Allocation);
        Assert.Equal(3, s.Top1);
        Assert.Equal(4, s.Top2);
        Assert.Equal(0.8, s.Cr2!.Value, 15);
        Assert.Equal(HerfindahlIndex.Of([3, 1, 1]), s.Hhi);
        Assert.Equal(GiniCoefficient.Of([3, 1, 1]), s.Gini);
        Assert.Contains("participants not known", s.Undefined["gini_all"], StringComparison.Ordinal);
    }

    [Fact]
    public void Shares_by_length_and_block_count_space_registered_and_holders()
    {
        var r = AllocationBuilder.Build(Header, [Row("1", "A"), Row("2", "A"), Row("15", "B"), Row("07", "B"), Row("99", "A")]);
        var byLength = GroupShares.ByLength(r.Allocation);
        Assert.Equal(["length 1", "length 2"], byLength.Select(g => g.Group));
        Assert.Equal([10L, 100L], byLength.Select(g => g.SpaceNames!.Value));
        Assert.Equal([2, 3], byLength.Select(g => g.Registered));
        var a = r.Allocation.PartyLabels.ToList().IndexOf("A");
        Assert.Equal(a, byLength[0].TopParty);
        Assert.Equal(1.0, byLength[0].TopShare);

        var byBlock = GroupShares.ByNumericBlock(r.Allocation, 10);
        // Numbers 0–9 and 10–99 in blocks of ten, then the leading-zero labels 00–09.
        Assert.Equal("0-9", byBlock[0].Group);
        Assert.Equal(10, byBlock[0].SpaceNames);
        Assert.Equal(2, byBlock[0].Registered);
        Assert.Equal("leading zero", byBlock[^1].Group);
        Assert.Equal(10, byBlock[^1].SpaceNames);
        Assert.Equal(1, byBlock[^1].Registered);
        Assert.Equal(110, byBlock.Sum(g => g.SpaceNames));
        Assert.Null(GroupShares.NumericValue("007"));
        Assert.Equal(2100, GroupShares.NumericValue("2100"));
    }
}
