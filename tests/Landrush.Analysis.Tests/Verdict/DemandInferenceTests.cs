using Landrush.Analysis.Verdict;
using Landrush.Core.Enumeration;

namespace Landrush.Analysis.Tests.Verdict;

public sealed class DemandInferenceTests
{
    [Fact]
    public void A_dense_run_of_one_party_is_a_block_widened_to_the_first_free_name()
    {
        // Names 10..59 registered: party 0 holds all but 20, 33 and 47 (party 1), and 10..12 (party 2)
        // before its run starts; 9 and 60 are free.
        var holder = Enumerable.Repeat(-1, 100).ToArray();
        for (var i = 10; i < 60; i++)
        {
            holder[i] = 0;
        }

        holder[20] = holder[33] = holder[47] = 1;
        holder[10] = holder[11] = holder[12] = 2;
        var blocks = DemandInference.FindRanges(holder, 3, 20);
        var block = Assert.Single(blocks);
        Assert.Equal(new RangeBlock(0, 10, 59, 44), block);
        var narrow = Assert.Single(DemandInference.FindRanges(holder, 3, 20, widen: false));
        Assert.Equal(new RangeBlock(0, 13, 59, 44), narrow);
        Assert.Empty(DemandInference.FindRanges(holder, 3, 45));
    }

    [Fact]
    public void Scattered_holdings_make_no_block()
    {
        var holder = Enumerable.Repeat(-1, 200).ToArray();
        for (var i = 0; i < 200; i += 3)
        {
            holder[i] = 0;
        }

        Assert.Empty(DemandInference.FindRanges(holder, 1, 5));
    }

    [Fact]
    public void Inferred_lists_keep_every_holding_and_lose_only_registered_names()
    {
        var space = NameSpace.Parse("digits:1-3");
        var names = new List<int>();
        var parties = new List<int>();
        for (var i = 200; i < 400; i++)
        {
            names.Add(i);
            parties.Add(i % 10 == 0 ? 1 + (i / 10 % 5) : 0);
        }

        var observed = new ObservedAllocation(space, "nl", names, parties, ["range", "a", "b", "c", "d", "e"]);
        var demand = DemandInference.Infer(observed, DemandVariant.Base, 20, 7);
        Assert.True(demand.IsRangeParty[0]);
        Assert.NotNull(demand.RaceOf(0));
        Assert.Null(demand.RaceOf(1));
        var registered = names.ToHashSet();
        for (var p = 0; p < observed.PartyCount; p++)
        {
            var list = demand.WishLists[p];
            Assert.Equal(list.Length, list.Distinct().Count());
            Assert.All(list, n => Assert.Contains(n, registered));
            Assert.All(names.Where((_, i) => parties[i] == p), n => Assert.Contains(n, list));
        }

        // Every name the range party lost in its block is one a small party holds.
        Assert.Equal(20, demand.RaceOf(0)!.ObservedLosses);
        Assert.Equal(demand.WishLists, DemandInference.Infer(observed, DemandVariant.Base, 20, 7).WishLists);
    }
}
