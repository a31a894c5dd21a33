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

        var world = World(holders);
        var race = world.RaceOf(0, world.Demand);

        var sent = race.Spans.SelectMany(s => s.Names(world.Axes, false)).ToArray();
        Assert.True(sent.Length > 3900, $"{sent.Length} names in its spans");
        var rivals = sent.Count(n => world.Holder[n] == 1);
        Assert.True(rivals > 100, $"{rivals} of party 1's names in its spans");
        Assert.Equal(rivals, race.NotRead);
        Assert.Equal(sent.Count(n => world.Holder[n] >= 2), race.Lost);
    }

    [Fact]
    public void A_list_split_by_another_range_partys_block_is_read_around_it_and_through_it_and_reads_nothing_of_the_block()
    {
        // Party 0 sent 1000–2999 and holds it but for 2000–2499, which party 1 (faster, a list of its own) won whole but
        // for every 25th name, and every 50th name elsewhere, which ordinary participants won. Party 0's race reads its
        // list sent around the block (2500 sent 1000th, 1500 send positions) and through it (2500 sent 1500th). Of the
        // block it reads nothing, not even the names ordinary participants took there: neither range party holds those,
        // and reading only them would read only losses. Party 1's race reads its whole block.
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var holders = new Dictionary<string, int>();
        for (var v = 1000; v <= 2999; v++)
        {
            holders[v.ToString(inv)] = v is >= 2000 and < 2500 ? (v % 25 == 12 ? 2 + (v / 25 % 20) : 1) : v % 50 == 7 ? 2 + (v / 50 % 20) : 0;
        }

        var world = World(holders);

        var race = world.RaceOf(0, world.Demand);
        var span = Assert.Single(race.Spans);
        Assert.Equal((1000L, 2999L, 2000 - 500 - 30), (span.From, span.To, span.Held));
        Assert.Equal([(2000L, 2499L)], span.Bridged);
        Assert.Equal((1500, 2000, 0, 30), (race.Positions, race.SentMost, race.NotRead, race.Lost));
        // Up and down, around and through; the default (first) is up and around.
        Assert.Equal(4, race.OrdersCompared);
        Assert.Equal("1000–2999 (plain) upwards around 2000–2499", race.OrderDescriptions[0]);
        var cells = race.CellsOf(0);
        var last = race.CellOfName(0)[^1];
        Assert.InRange(cells.MeanPosition[last], 1000, 1499);

        var rival = world.RaceOf(1, world.Demand);
        Assert.Equal((500, 0, 20), (rival.Positions, rival.NotRead, rival.Lost));
    }

    [Fact]
    public void A_party_whose_only_span_is_a_stretch_of_years_is_not_tested_but_its_span_stays()
    {
        // Party 0 holds the years 1901–2028 (a collector of years, in whatever order it sent them), party 1 the plain
        // 5000–5200. Both are spans, so neither's names are others' demand in the other's race; only party 1 is tested.
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var holders = new Dictionary<string, int>();
        for (var v = 1901; v <= 2028; v++)
        {
            holders[v.ToString(inv)] = 0;
        }

        for (var v = 5000; v <= 5200; v++)
        {
            holders[v.ToString(inv)] = 1;
        }

        var world = World(holders);

        Assert.Contains(world.Spans, s => (s.Party, s.From, s.To) == (0, 1901L, 2028L));
        Assert.Contains(world.Spans, s => (s.Party, s.From, s.To) == (1, 5000L, 5200L));
        Assert.Equal([1], world.Tested(6));
    }

    [Fact]
    public void A_partys_race_reads_others_demand_without_the_names_it_holds_off_its_spans()
    {
        // Party 0 sent 1000–2999 (ordinary participants won every 50th name) and also holds every third three-digit name,
        // names it wanted itself. In its own race those count as names others did not want; read as everyone's demand
        // they would be others' wants. The verdict reads its race the first way.
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var holders = new Dictionary<string, int>();
        for (var v = 1000; v <= 2999; v++)
        {
            holders[v.ToString(inv)] = v % 50 == 7 ? 2 + (v / 50 % 20) : 0;
        }

        for (var v = 102; v <= 999; v += 3)
        {
            holders[v.ToString(inv)] = 0;
        }

        holders["9999"] = 1;
        var world = World(holders);
        var own = world.DemandFor(0, patternFeatures: true);
        var threeDigit = (int)Space.IndexOf("500");

        Assert.True(own.WantRate[threeDigit] < 0.5 * world.Demand.WantRate[threeDigit], $"{own.WantRate[threeDigit]} vs {world.Demand.WantRate[threeDigit]}");
        Assert.Equal(world.Demand.Lists - 1, own.Lists);
        var result = VerdictAnalysis.Run(world.Observed, new VerdictOptions { Sims = 100, TestSims = 100, PowerSims = 20, Seed = 1, Sensitivity = false });
        var party = Assert.Single(result.ImpliedCapacities, c => c.Label == "p0");
        Assert.Equal(world.RaceOf(0, own).ExpectedWanted, party.ExpectedWanted, 1e-9);
        var shared = world.RaceOf(0, world.Demand).ExpectedWanted;
        Assert.True(shared > 2 * party.ExpectedWanted, $"{party.ExpectedWanted} vs {shared} read with its own names as others' wants");
    }

    // The holders given, and ordinary participants 2–21 holding 0–99 (names outside the spans, for others' demand).
    private static VerdictWorld World(Dictionary<string, int> holders)
    {
        for (var v = 0; v < 100; v++)
        {
            holders[v.ToString(System.Globalization.CultureInfo.InvariantCulture)] = 2 + (v % 20);
        }

        var held = holders.Select(h => (Index: (int)Space.IndexOf(h.Key), Party: h.Value)).OrderBy(h => h.Index).ToArray();
        var observed = new ObservedAllocation(Space, "nl", [.. held.Select(h => h.Index)], [.. held.Select(h => h.Party)],
            [.. Enumerable.Range(0, 22).Select(p => $"p{p}")]);
        return VerdictWorld.Read(observed, new VerdictOptions(), 22);
    }
}
