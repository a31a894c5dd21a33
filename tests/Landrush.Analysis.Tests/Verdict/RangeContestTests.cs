using Landrush.Analysis.Verdict;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;

namespace Landrush.Analysis.Tests.Verdict;

/// <summary>
/// Two range parties that sent the same names: party 0 the zero-padded block 0000–4999 at a typical pace, party 1 the
/// plain numbers 0–1499 a little faster, so it reached 1000–1499 (names of both lists) first. A blind
/// first-come-first-served race, simulated here with ordinary participants besides.
/// </summary>
public sealed class RangeContestTests
{
    private static readonly NameSpace Space = NameSpace.Parse("digits:1-4");

    [Fact]
    public void Names_another_range_party_took_in_its_own_span_keep_their_place_but_are_not_read_as_others_demand()
    {
        var (observed, holder) = Race(seed: 5);
        var result = VerdictAnalysis.Run(observed, new VerdictOptions { Sims = 200, TestSims = 200, PowerSims = 60, Seed = 3, Sensitivity = false });
        var races = result.Assumptions!.Races;

        // Party 1's span runs on from its own 3-digit names through 1000–1499, the names it won from party 0: its list is not
        // cut by party 0's.
        var plain = Assert.Single(races, r => r.Party == "p1").Spans.Single(s => s.Width == 0);
        Assert.InRange(plain.To, 1490, 1499);
        Assert.True(plain.From < 1000, $"from {plain.From}");
        // Party 0's race keeps all 5,000 send positions but reads none of the 500 names of party 1's span there: not the
        // ones party 1 took, nor the few ordinary participants took (read alone, those would be nothing but losses).
        var block = Assert.Single(races, r => r.Party == "p0");
        var taken = Enumerable.Range(1000, 500).Count(v => holder[Space.IndexOf(v.ToString(System.Globalization.CultureInfo.InvariantCulture))] == 1);
        Assert.True(taken is > 400 and < 500, $"party 1 took {taken} of 1000–1499");
        Assert.Equal(5000, block.Positions);
        Assert.Equal(5000 - 500, block.Read);
        // Read as others' demand, those names would be hundreds of losses others were never expected to cause: the race at a
        // typical pace would not fit. Not read, it fits and is not flagged.
        var p0 = Assert.Single(result.ImpliedCapacities, c => c.Label == "p0");
        Assert.True(p0.ModelCheck > 0.05, $"model check {p0.ModelCheck}");
        Assert.True(p0.PValue > result.Verdict.Alpha, $"p {p0.PValue}");
    }

    // Party 0: 0000–4999 zero-padded at pace 1; party 1: 0–1499 plain at pace 1.25; parties 2… : 40 ordinary lists of
    // 10–60 names, shorter labels first, each at a pace of 0.7–1.3. A name goes to the first request for it.
    private static (ObservedAllocation Observed, int[] Holder) Race(long seed)
    {
        var rng = new SeededRandom(seed);
        var race = new FirstComeRace(Space);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        race.Send(0, Enumerable.Range(0, 5000).Select(v => v.ToString("0000", inv)), 1.0, 0.1);
        race.Send(1, Enumerable.Range(0, 1500).Select(v => v.ToString(inv)), 1.25, 0.2);
        const int ordinary = 40;
        for (var p = 2; p < 2 + ordinary; p++)
        {
            var length = 10 + rng.NextInt(51);
            var picks = new HashSet<string>();
            while (picks.Count < length)
            {
                var u = rng.NextDouble();
                var digits = u < 0.1 ? 1 : u < 0.4 ? 2 : u < 0.6 ? 3 : 4;
                picks.Add(rng.NextInt((int)Math.Pow(10, digits)).ToString(inv).PadLeft(digits, '0'));
            }

            // Shorter labels first, with noise: an ordinary participant asks for what it likes most first.
            var list = picks.OrderBy(l => l.Length + (2 * rng.NextDouble())).ToArray();
            race.Send(p, list, 0.7 + (0.6 * rng.NextDouble()), rng.NextDouble());
        }

        return (race.Observed(2 + ordinary), race.Holder);
    }
}
