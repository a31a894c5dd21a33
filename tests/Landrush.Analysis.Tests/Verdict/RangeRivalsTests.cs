using Landrush.Analysis.Verdict;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;

namespace Landrush.Analysis.Tests.Verdict;

/// <summary>What a range party's race reads where another range party won names of its span.</summary>
public sealed class RangeRivalsTests
{
    private static readonly NameSpace Space = NameSpace.Parse("digits:1-4");

    [Fact]
    public void Names_another_range_party_won_between_its_spans_are_not_read_as_others_demand()
    {
        // Party 0 holds 1000–4999 but for every seventh name of 1000–1999, which party 1 won: a range party (it holds
        // 6000–6999 too) that sent the same numbers as fast, so the two alternated where their lists began; party 1 holds
        // no span there. Those names were decided by the race between the two, not by others' demand; as others' demand
        // they piled up at one end of party 0's span and read as a knee of speed. The names ordinary participants won
        // inside the span (every 50th of 3000–4999) stay its losses.
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var holders = new Dictionary<string, int>();
        for (var v = 1000; v <= 4999; v++)
        {
            holders[v.ToString(inv)] = v < 2000 && v % 7 == 0 ? 1 : v >= 3000 && v % 50 == 0 ? 2 + (v / 50 % 20) : 0;
        }

        for (var v = 6000; v <= 6999; v++)
        {
            holders[v.ToString(inv)] = 1;
        }

        for (var v = 0; v < 100; v++)
        {
            holders[v.ToString(inv)] = 2 + (v % 20);
        }

        var held = holders.Select(h => (Index: (int)Space.IndexOf(h.Key), Party: h.Value)).OrderBy(h => h.Index).ToArray();
        var observed = new ObservedAllocation(Space, "nl", [.. held.Select(h => h.Index)], [.. held.Select(h => h.Party)],
            [.. Enumerable.Range(0, 22).Select(p => $"p{p}")]);
        var world = VerdictWorld.Read(observed, new VerdictOptions(), 22);
        var race = world.RaceOf(0, world.Demand);

        var sent = race.Spans.SelectMany(s => s.Names(world.Axes, false)).ToArray();
        Assert.True(sent.Length > 3900, $"{sent.Length} names in its spans");
        var rivals = sent.Count(n => world.Holder[n] == 1);
        Assert.True(rivals > 100, $"{rivals} of party 1's names in its spans");
        Assert.Equal(rivals, race.NotRead);
        Assert.Equal(sent.Count(n => world.Holder[n] >= 2), race.Lost);
    }
}
