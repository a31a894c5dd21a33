using Landrush.Analysis.Verdict.Demand;
using Landrush.Core.Enumeration;

namespace Landrush.Analysis.Tests.Verdict;

/// <summary>
/// Competitors' list lengths (<see cref="OthersDemand.ListLengths"/>): the total Σλ shared by what each list's holdings
/// stand for, Σ_held λ/(1 − e^(−λ)) (Horvitz–Thompson), checked against the closed form of a saturated fit.
/// </summary>
public sealed class ListLengthTests
{
    // digits:2-3: 90 of the 100 two-digit names registered (10 each to parties 0–8), 100 of the 1,000 three-digit ones
    // (10 each to parties 9–18). The length-only fit is saturated: P(registered) is each length's share.
    private static OthersDemand Demand()
    {
        var space = NameSpace.Parse("digits:2-3");
        var holder = Enumerable.Repeat(-1, 1_100).ToArray();
        for (var i = 0; i < 90; i++)
        {
            holder[i] = i / 10;
        }

        for (var i = 0; i < 100; i++)
        {
            holder[100 + (i * 10)] = 9 + (i / 10);
        }

        return OthersDemand.Fit(space, holder, new bool[1_100], new bool[19], 0, patternFeatures: false);
    }

    [Fact]
    public void A_list_that_won_contested_names_is_longer_by_what_each_win_stands_for()
    {
        var lengths = Demand().ListLengths;

        // λ₂ = −ln 0.1, λ₃ = −ln 0.9: a win stands for λ/(1 − e^(−λ)) names listed, 2.558 and 1.054.
        static double Stands(double share) => -Math.Log(1 - share) / share;
        Assert.Equal(19, lengths.Count);
        Assert.All(lengths.Take(9), l => Assert.Equal(10 * Stands(0.9), l, 0.2));
        Assert.All(lengths.Skip(9), l => Assert.Equal(10 * Stands(0.1), l, 0.1));
    }

    [Fact]
    public void The_lists_together_are_the_requests_the_fit_implies()
    {
        var demand = Demand();

        // Σλ over every name = 100·λ₂ + 1,000·λ₃ = 230.3 + 105.4.
        Assert.Equal(demand.WantRate.Sum(), demand.ListLengths.Sum(), 1e-6 * demand.WantRate.Sum());
        Assert.Equal((100 * -Math.Log(0.1)) + (1_000 * -Math.Log(0.9)), demand.ListLengths.Sum(), 1.0);
    }

    [Fact]
    public void The_tested_partys_own_names_are_not_others_demand_nor_a_competing_list()
    {
        // digits:2-3 as above, but party 19 holds every second three-digit name (its own wants, off any span), and
        // parties 9–18 hold 50 of the other 500, the rest free. Read for party 19's race, others wanted 50 of the 1,000
        // three-digit names (its own count as names others did not want: exact where it lost every name others wanted
        // too): λ₃ = −ln 0.95, and its list is not one of the competitors'. Read for anyone else, its names are others'
        // demand: 550 of 1,000 registered, λ₃ = −ln 0.45.
        var space = NameSpace.Parse("digits:2-3");
        var holder = Enumerable.Repeat(-1, 1_100).ToArray();
        for (var i = 0; i < 90; i++)
        {
            holder[i] = i / 10;
        }

        for (var i = 0; i < 1_000; i++)
        {
            holder[100 + i] = i % 2 == 0 ? 19 : i % 20 == 1 ? 9 + (i / 100) : -1;
        }

        var forParty = OthersDemand.Fit(space, holder, new bool[1_100], new bool[20], 0, patternFeatures: false, tested: 19);
        var forOthers = OthersDemand.Fit(space, holder, new bool[1_100], new bool[20], 0, patternFeatures: false);

        Assert.Equal(-Math.Log(0.95), forParty.WantRate[500], 0.003);
        Assert.Equal(-Math.Log(0.45), forOthers.WantRate[500], 0.01);
        Assert.Equal(19, forParty.Lists);
        Assert.Equal(20, forOthers.Lists);
        Assert.Equal(forParty.WantRate.Sum(), forParty.ListLengths.Sum(), 1e-6 * forParty.WantRate.Sum());
    }

    [Fact]
    public void Names_read_again_by_a_race_set_the_lists_length_and_leave_the_rates()
    {
        var demand = Demand();
        var threeDigits = Enumerable.Range(100, 1_000).Sum(n => demand.WantRate[n]);

        // A race reads the three-digit names at Σλ 500 instead of about 105.4 (1,000·λ₃): the lists together are Σλ of the
        // two-digit names + 500 requests, each list's share unchanged (every one stays above its holdings), and the want
        // rates are the fit's.
        var read = demand.WithRateSum(threeDigits, 500);

        var total = demand.WantRate.Sum() - threeDigits + 500;
        Assert.Equal(total, read.ListLengths.Sum(), 1e-6 * total);
        Assert.Equal(total / 190, read.ListFactor, 1e-9);
        for (var q = 0; q < demand.Lists; q++)
        {
            Assert.Equal(demand.ListLengths[q] * total / demand.ListLengths.Sum(), read.ListLengths[q], 1e-6 * total);
        }

        Assert.Equal(demand.WantRate[500], read.WantRate[500]);
        // Read again from the same fit, not from the reading before: the same figures.
        Assert.Equal(read.ListFactor, read.WithRateSum(threeDigits, 500).ListFactor, 1e-12);
    }
}
