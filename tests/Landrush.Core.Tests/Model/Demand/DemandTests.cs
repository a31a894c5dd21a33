using Landrush.Core.Enumeration;
using Landrush.Core.Model;
using Landrush.Core.Model.Demand;

namespace Landrush.Core.Tests.Model.Demand;

public class DemandTests
{
    private const double Z = 5;

    // A few area codes of the kind a profile gives (the nl-2008 profile's list is tested with it).
    private static readonly string[] AreaCodes = ["010", "020", "0111", "0118"];

    private static readonly NameAttractiveness Attractiveness = new(AreaCodes);

    [Theory]
    [InlineData("7777", NameFeatures.RepeatedDigit)]
    [InlineData("1234", NameFeatures.Run)]
    [InlineData("4321", NameFeatures.Run)]
    [InlineData("1212", NameFeatures.RepeatedPair)]
    [InlineData("2020", NameFeatures.RepeatedPair | NameFeatures.Year)]
    [InlineData("1000", NameFeatures.Round)]
    [InlineData("1984", NameFeatures.Year)]
    [InlineData("2031", NameFeatures.None)]
    [InlineData("020", NameFeatures.AreaCode | NameFeatures.Palindrome)]
    [InlineData("0111", NameFeatures.AreaCode)]
    [InlineData("0112", NameFeatures.LeadingZero)]
    [InlineData("12321", NameFeatures.Palindrome)]
    [InlineData("5", NameFeatures.None)]
    public void Features_are_recognised(string label, NameFeatures expected)
    {
        Assert.Equal(expected, Attractiveness.Features(label));
    }

    [Fact]
    public void Shorter_and_patterned_names_weigh_more()
    {
        Assert.True(Attractiveness.Weight("7") > Attractiveness.Weight("47"));
        Assert.True(Attractiveness.Weight("47") > Attractiveness.Weight("473"));
        Assert.True(Attractiveness.Weight("4444") > Attractiveness.Weight("4739"));
        Assert.True(Attractiveness.Weight("1984") > Attractiveness.Weight("2984"));
        Assert.True(Attractiveness.Weight("0118") > Attractiveness.Weight("0119"));
        Assert.Equal(0, Attractiveness.Weight("12a"));
    }

    [Fact]
    public void Weighted_sample_first_pick_has_probability_proportional_to_weight()
    {
        // Efraimidis–Spirakis: the first of the sample is item i with probability w_i / Σw, and the second,
        // given the first is j, is i with probability w_i / (Σw − w_j).
        var weights = new[] { 1.0, 2.0, 0.0, 4.0, 3.0 };
        const int runs = 20_000;
        var first = new int[weights.Length];
        var secondAfter3 = new int[weights.Length];
        var firstWas3 = 0;
        var rng = new SeededRandom(11);
        for (var r = 0; r < runs; r++)
        {
            var s = WeightedSampler.Sample(weights, 3, rng);
            Assert.Equal(3, s.Distinct().Count());
            Assert.DoesNotContain(2, s);
            first[s[0]]++;
            if (s[0] == 3)
            {
                firstWas3++;
                secondAfter3[s[1]]++;
            }
        }

        var total = weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            var p = weights[i] / total;
            var se = Math.Sqrt(p * (1 - p) / runs);
            Assert.InRange(first[i] / (double)runs, p - (Z * se) - 1e-12, p + (Z * se) + 1e-12);
            if (i != 3)
            {
                var q = weights[i] / (total - weights[3]);
                var se2 = Math.Sqrt(q * (1 - q) / firstWas3);
                Assert.InRange(secondAfter3[i] / (double)firstWas3, q - (Z * se2) - 1e-12, q + (Z * se2) + 1e-12);
            }
        }
    }

    [Fact]
    public void Weighted_sample_returns_fewer_when_fewer_have_weight_and_is_seeded()
    {
        Assert.Equal(2, WeightedSampler.Sample([0, 1, 0, 5], 10, new SeededRandom(3)).Length);
        Assert.Equal(WeightedSampler.Sample([1, 2, 3, 4, 5, 6], 4, new SeededRandom(9)), WeightedSampler.Sample([1, 2, 3, 4, 5, 6], 4, new SeededRandom(9)));
    }

    [Fact]
    public void Wish_list_sizes_follow_the_pareto_tail()
    {
        // P(size ≥ x) = P(m·U^(−1/α) ≥ x) = (m/x)^α for integer x ≥ m, below the cap.
        var sizes = new WishListSizes();
        var rng = new SeededRandom(5);
        const int runs = 20_000;
        var draws = Enumerable.Range(0, runs).Select(_ => sizes.Draw(rng)).ToArray();
        Assert.All(draws, d => Assert.InRange(d, 2, sizes.Cap));
        foreach (var x in new[] { 3, 5, 10, 20, 60 })
        {
            var p = Math.Pow(sizes.Minimum / x, sizes.Alpha);
            var se = Math.Sqrt(p * (1 - p) / runs);
            Assert.InRange(draws.Count(d => d >= x) / (double)runs, p - (Z * se), p + (Z * se));
        }
    }

    [Fact]
    public void Range_and_class_lists_are_in_numeric_and_class_order()
    {
        var demand = new DemandModel(NameSpace.Parse("digits:1-4"), Attractiveness);
        var block = demand.Block("0998", 5);
        Assert.Equal(["0998", "0999", "1000", "1001", "1002"], block.Select(i => demand.Space.NameAt(i)));
        Assert.Equal(2, demand.Block("9998", 10).Length); // stops at the end of the length
        Assert.Equal(["0", "1", "2", "9", "10", "11", "99", "100"], demand.Numbers(0, 100).Select(i => demand.Space.NameAt(i)).Where((_, k) => k is 0 or 1 or 2 or 9 or 10 or 11 or 99 or 100));
        Assert.Equal(101, demand.Numbers(0, 100).Length);
        var codes = demand.Class(AreaCodes);
        Assert.Equal(AreaCodes.Length, codes.Length);
        Assert.Equal("010", demand.Space.NameAt(codes[0]));
        var list = demand.WeightedList(50, new SeededRandom(4));
        Assert.Equal(50, list.Distinct().Count());
    }
}
