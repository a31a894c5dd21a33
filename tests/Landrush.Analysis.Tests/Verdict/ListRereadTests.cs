using System.Globalization;
using Landrush.Analysis.Verdict;
using Landrush.Core.Enumeration;

namespace Landrush.Analysis.Tests.Verdict;

/// <summary>
/// The competitors' list length read again from a race (<see cref="VerdictWorld.ReadRace"/>): where a range party's spans
/// hold nearly every name of a length, others' demand for that length is extrapolated from the few names beside the
/// spans, which are the head of its list it lost, all registered. The lists' length follows that extrapolation unless
/// the race's own losses read it again. What keeps the verdict from reading the party fast is the level's prior, free
/// below the extrapolation where the outside cannot calibrate it (<see cref="Landrush.Analysis.Verdict.Race.LevelProfile"/>).
/// </summary>
public sealed class ListRereadTests
{
    private static readonly NameSpace Space = NameSpace.Parse("digits:1-4");

    [Fact]
    public void A_length_its_spans_fill_sets_the_lists_length_from_its_losses_not_from_the_names_beside_them()
    {
        // A first-come-first-served race (seed 24): party 0 at 0.65× sends every four-digit label 0000–9999 upwards; 60
        // ordinary participants at 1× send 12 names each, drawn from the one- to three-digit names, the first 17 four-digit
        // labels (the head of party 0's list) and now and then another four-digit one.
        var inv = CultureInfo.InvariantCulture;
        var race = new FirstComeRace(Space);
        var rng = new Random(24);
        var requests = 0;
        for (var p = 1; p <= 60; p++)
        {
            var list = new HashSet<string>();
            while (list.Count < 12)
            {
                var u = rng.NextDouble();
                list.Add(u < 0.55 ? rng.Next(0, 1000).ToString(inv) : u < 0.75 ? rng.Next(0, 17).ToString("0000", inv) : rng.Next(17, 10_000).ToString("0000", inv));
            }

            requests += list.Count;
            race.Send(p, list, pace: 1, start: rng.NextDouble());
        }

        race.Send(0, Enumerable.Range(0, 10_000).Select(v => v.ToString("0000", inv)), pace: 0.65, start: 0);
        var observed = race.Observed(61);
        var world = VerdictWorld.Read(observed, new VerdictOptions(), 61);
        var othersHeld = world.Holder.Count(h => h > 0);
        var truth = (double)requests / othersHeld;

        var fitted = world.DemandFor(0, patternFeatures: true);
        var (_, fit, read) = world.ReadRace(0, patternFeatures: true);

        // The fit extrapolates the four-digit demand from the 17 head names (all registered) over 10,000 names: every list
        // at the longest the fit allows. Read from the race's losses (about 2 %, flat along its list), it is near the truth.
        Assert.True(fitted.ListFactor > 3 * truth, $"fitted {fitted.ListFactor:0.00} against truly {truth:0.00}");
        Assert.True(Math.Abs(Math.Log(read.ListFactor / truth)) < Math.Log(2), $"read {read.ListFactor:0.00} against truly {truth:0.00}");

        // Flat losses are what any speed makes when every competing request came first. With the level free below the
        // extrapolation (LevelProfile), the race does not read the party fast: no bounded interval without 0.65× (with the
        // prior both ways it read 132×), and the verdict does not flag it.
        var estimate = fit.Estimate();
        Assert.True(!estimate.Identified || (estimate.Low <= 0.65 && (estimate.High ?? double.PositiveInfinity) >= 0.65), $"a 0.65× party read {estimate}");
        var verdict = VerdictAnalysis.Run(observed, new VerdictOptions { Sims = 100, TestSims = 100, PowerSims = 20, Seed = 1, Sensitivity = false });
        Assert.NotEqual(VerdictStatus.ExcessCapacity, verdict.Verdict.Status);
        Assert.DoesNotContain("p0", verdict.Verdict.Parties);
    }
}
