using Landrush.Analysis.Verdict;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;

namespace Landrush.Analysis.Tests.Verdict;

/// <summary>
/// Which way a range party sent its span, read from the allocation of a blind first-come-first-served race over
/// digits:1-4, simulated here: one range party and 60 ordinary participants with lists of 10–60 names, shorter labels
/// first.
/// </summary>
public sealed class SendOrderTests
{
    private static readonly NameSpace Space = NameSpace.Parse("digits:1-4");

    [Theory]
    [InlineData(20)]
    [InlineData(22)]
    public void Demand_that_falls_along_the_numbers_is_not_read_as_a_span_sent_from_the_top_down(long seed)
    {
        // The party sent the numbers 0–4999 upwards at a typical pace. Others pick four-digit numbers log-uniformly (as
        // numbers in use are spread: 1000–1999 seven times as often as 9000–9999). Compared as they are, the orders read
        // this as a span sent from the top down at 140× or more (p 0.001): the falling demand became losses rising along
        // the list. With a trend along the numbers allowed while the orders are compared, it is read upwards.
        var result = Analyze(Race(seed, from: 0, pace: 1, descending: false, logUniform: true));
        var party = Assert.Single(result.ImpliedCapacities, c => c.Label == "p0");
        Assert.Contains("upwards", party.SendOrder, StringComparison.Ordinal);
        Assert.True(party.PValue > result.Verdict.Alpha, $"p {party.PValue}");
    }

    [Fact]
    public void A_fast_party_that_sent_from_the_top_down_is_read_so()
    {
        // Demand flat along the numbers; the party sent 4999 down to 1000 at eight times a typical pace and won the names at
        // the head of its list others asked for later: that knee is the race's own shape, and no trend makes it.
        var result = Analyze(Race(seed: 12, from: 1000, pace: 8, descending: true, logUniform: false));
        var party = Assert.Single(result.ImpliedCapacities, c => c.Label == "p0");
        Assert.Contains("from the top down", party.SendOrder, StringComparison.Ordinal);
    }

    private static VerdictResult Analyze(ObservedAllocation observed) =>
        VerdictAnalysis.Run(observed, new VerdictOptions { Sims = 100, TestSims = 200, PowerSims = 40, Seed = 3, Sensitivity = false });

    // Party 0 sends the plain numbers from..4999 at the given pace; parties 1–60 send 10–60 names each (a tenth one-digit,
    // three tenths two-digit, 15% three-digit, the rest four-digit), shorter labels first with noise, at a pace of 0.7–1.3.
    internal static ObservedAllocation Race(long seed, int from, double pace, bool descending, bool logUniform)
    {
        var rng = new SeededRandom(seed);
        var race = new FirstComeRace(Space);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var span = Enumerable.Range(from, 5000 - from);
        race.Send(0, (descending ? span.Reverse() : span).Select(v => v.ToString(inv)), pace, 0.1);
        const int ordinary = 60;
        for (var p = 1; p <= ordinary; p++)
        {
            var length = 10 + rng.NextInt(51);
            var picks = new HashSet<string>();
            while (picks.Count < length)
            {
                var u = rng.NextDouble();
                var digits = u < 0.1 ? 1 : u < 0.4 ? 2 : u < 0.55 ? 3 : 4;
                var value = digits == 4 && logUniform ? (int)Math.Pow(10, 3 + (0.9999 * rng.NextDouble())) : rng.NextInt((int)Math.Pow(10, digits));
                picks.Add(value.ToString(inv).PadLeft(digits, '0'));
            }

            var list = picks.OrderBy(l => l.Length + (2 * rng.NextDouble())).ToArray();
            race.Send(p, list, 0.7 + (0.6 * rng.NextDouble()), rng.NextDouble());
        }

        return race.Observed(1 + ordinary);
    }
}
