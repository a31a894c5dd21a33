using Landrush.Analysis.Verdict;

namespace Landrush.Analysis.Tests.Verdict;

/// <summary>The power a "no excess" answer carries: how often a party at 3×, 5× and 10× would have been flagged.</summary>
public sealed class PowerTests
{
    [Theory]
    [InlineData(20)]
    [InlineData(21)]
    public void A_long_race_would_have_shown_a_party_at_ten_times(long seed)
    {
        // A party at half a typical pace sent 0–4999 upwards among 60 ordinary lists (SendOrderTests' race, flat demand):
        // hundreds of losses along 5,000 positions. The races of the power keep the demand the test read and put the party
        // at m×: 0.48 and 0.35 at 10× (0.97 and 0.85 before the races also read the competitors' lists twice as long,
        // OthersDemand.ListScales: a party's speed and the lists' length trade against each other where the losses cannot
        // tell them apart). With demand refitted at m× to the losses observed, the power asked instead how a party at m×
        // could have lost what this one lost, and came out at 0.03 at 10×, as if the race could not tell.
        var observed = SendOrderTests.Race(seed, from: 0, pace: 0.5, descending: false, logUniform: false);
        var result = VerdictAnalysis.Run(observed, new VerdictOptions { Sims = 100, TestSims = 200, PowerSims = 200, Seed = 3, Sensitivity = false });
        var party = Assert.Single(result.ImpliedCapacities, c => c.Label == "p0");
        var power = party.Power.Select(p => p.Probability).ToArray();

        Assert.Equal(3, power.Length);
        Assert.True(power[0] <= power[1] && power[1] <= power[2], $"power {string.Join(" / ", power)}");
        Assert.True(power[2] >= 0.25, $"power {string.Join(" / ", power)}");
    }
}
