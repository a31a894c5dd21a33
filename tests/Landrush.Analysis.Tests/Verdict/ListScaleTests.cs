using System.Globalization;
using Landrush.Analysis.Verdict;
using Landrush.Analysis.Verdict.Demand;
using Landrush.Core.Enumeration;

namespace Landrush.Analysis.Tests.Verdict;

/// <summary>
/// Competitors' lists are seen only from below (<see cref="OthersDemand.ListScales"/>): every short name is registered
/// whether ten or a hundred asked for it, and what a participant lost leaves no trace. Here 100 ordinary participants
/// each begin their list with one- and two-digit names, which nearly all of them want, then four-digit names, list sizes heavy-tailed; a
/// range party sends 1000–3499. Read at the lengths the holdings imply, the lists are far too short, the competitors'
/// four-digit requests seem to come early, and the range party's losses, rising along its list as the long lists'
/// requests arrive, read as speed.
/// </summary>
public sealed class ListScaleTests
{
    private static readonly NameSpace Space = NameSpace.Parse("digits:1-4");

    [Fact]
    public void An_honest_range_party_is_not_read_fast_when_the_lists_were_longer_than_their_holdings_show()
    {
        var (observed, requests) = Race(rangePace: 1.7, seed: 5);
        var world = VerdictWorld.Read(observed, new VerdictOptions(), 101);
        // Every β at every length, lengths first.
        Assert.Equal(OthersDemand.ListScales.Count * OthersDemand.Betas.Count, world.Demand.Timings.Count);
        Assert.All(world.Demand.Timings.Select((t, i) => (t, i)), x =>
            Assert.Equal((OthersDemand.ListScales[x.i / OthersDemand.Betas.Count], OthersDemand.Betas[x.i % OthersDemand.Betas.Count]), (x.t.ListScale, x.t.Beta)));
        // The mechanism: the lists the holdings imply hold well under the requests truly sent.
        Assert.True(world.Demand.ListLengths.Sum() < 0.75 * requests, $"lists read {world.Demand.ListLengths.Sum():0}, truly {requests}");

        var (_, fit, _) = world.ReadRace(0, patternFeatures: true);
        var estimate = fit.Estimate();
        // Read with those lengths alone it was 3.5× (1.8× to 6.1×): its interval missed the truth.
        Assert.InRange(estimate.Multiple ?? 0, 1.7 / 1.5, 1.7 * 1.5);
        Assert.True(estimate.Low <= 1.7 && (estimate.High ?? double.PositiveInfinity) >= 1.7, $"a 1.7× party read {estimate}");
        var verdict = VerdictAnalysis.Run(observed, new VerdictOptions { Sims = 100, TestSims = 100, PowerSims = 20, Seed = 1, Sensitivity = false });
        Assert.DoesNotContain("p0", verdict.Verdict.Parties);
    }

    [Fact]
    public void A_ten_times_faster_range_party_in_the_same_race_is_still_flagged()
    {
        var (observed, _) = Race(rangePace: 10, seed: 5);
        var verdict = VerdictAnalysis.Run(observed, new VerdictOptions { Sims = 100, TestSims = 100, PowerSims = 20, Seed = 1, Sensitivity = false });
        Assert.Equal(VerdictStatus.ExcessCapacity, verdict.Verdict.Status);
        Assert.Contains("p0", verdict.Verdict.Parties);
    }

    // Party 0 sends 1000–3499 from time 0 at rangePace; 100 ordinary participants at paces 0.6–1.4 start within [0, 1]:
    // a third of each list is one- and two-digit names, sent first; the rest
    // four-digit labels; sizes 1200/k for k uniform in 3..100 (12 to 400 names; a head of at most the 100 short names). Returns the allocation and the
    // ordinary participants' requests.
    private static (Landrush.Analysis.ObservedAllocation Observed, int Requests) Race(double rangePace, int seed)
    {
        var inv = CultureInfo.InvariantCulture;
        var race = new FirstComeRace(Space);
        var rng = new Random(seed);
        var requests = 0;
        for (var p = 1; p <= 100; p++)
        {
            var size = (int)(1200.0 / rng.Next(3, 101));
            var head = new List<string>();
            var tail = new List<string>();
            var seen = new HashSet<string>();
            var headSize = Math.Min(size / 3, 100); // there are only 100 one- and two-digit names
            while (head.Count + tail.Count < size)
            {
                string label;
                if (head.Count < headSize)
                {
                    var u = rng.NextDouble();
                    label = u < 0.2 ? rng.Next(0, 10).ToString(inv) : rng.Next(10, 100).ToString(inv);
                }
                else
                {
                    label = rng.Next(0, 10_000).ToString("0000", inv);
                }

                if (seen.Add(label))
                {
                    (head.Count < headSize ? head : tail).Add(label);
                }
            }

            requests += size;
            race.Send(p, head.Concat(tail), pace: 0.6 + (0.8 * rng.NextDouble()), start: rng.NextDouble());
        }

        race.Send(0, Enumerable.Range(1000, 2500).Select(v => v.ToString(inv)), pace: rangePace, start: 0);
        return (race.Observed(101), requests);
    }
}
