using System.Numerics;
using Landrush.Analysis.Indicators;
using Landrush.Analysis.Tests.Concentration;

namespace Landrush.Analysis.Tests.Indicators;

public class RunsTestTests
{
    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("1", 1, 1)]
    [InlineData("0", 1, 0)]
    [InlineData("1100111010", 6, 3)]
    [InlineData("0000", 1, 0)]
    [InlineData("111", 1, 3)]
    public void Runs_and_longest_run_of_hand_sequences(string bits, int runs, int longest)
    {
        var s = bits.Select(c => c == '1').ToArray();
        Assert.Equal(runs, RunsTest.Runs(s));
        Assert.Equal(longest, RunsTest.LongestRun(s));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    [InlineData(5, 7)]
    [InlineData(2, 10)]
    public void Mean_and_variance_equal_the_exact_moments_over_every_arrangement(int ones, int zeros)
    {
        // Enumerate all C(n, n1) arrangements and take the moments of R exactly.
        var n = ones + zeros;
        Fraction sum = 0, sumSquares = 0;
        long count = 0;
        for (var mask = 0; mask < 1 << n; mask++)
        {
            if (BitOperations.PopCount((uint)mask) != ones)
            {
                continue;
            }

            var s = Enumerable.Range(0, n).Select(i => (mask >> i & 1) == 1).ToArray();
            long r = RunsTest.Runs(s);
            sum += r;
            sumSquares += r * r;
            count++;
        }

        var mean = sum / count;
        var variance = (sumSquares / count) - (mean * mean);
        Assert.Equal(mean.ToDouble(), RunsTest.Mean(ones, zeros), 1e-12);
        Assert.Equal(variance.ToDouble(), RunsTest.Variance(ones, zeros), 1e-12);
    }

    [Fact]
    public void A_clustered_sequence_is_flagged_and_an_alternating_one_is_not()
    {
        var clustered = Enumerable.Repeat(true, 30).Concat(Enumerable.Repeat(false, 30)).ToArray();
        var test = RunsTest.Test(clustered)!;
        Assert.Equal(2, test.Runs);
        Assert.Equal(31, test.Mean, 12);
        Assert.True(test.PLower < 1e-6);
        var alternating = Enumerable.Range(0, 60).Select(i => i % 2 == 0).ToArray();
        Assert.True(RunsTest.Test(alternating)!.PLower > 0.99);
    }

    [Fact]
    public void The_test_is_undefined_for_one_value_only()
    {
        Assert.Null(RunsTest.Test([true, true]));
        Assert.Null(RunsTest.Test([]));
        Assert.True(double.IsNaN(RunsTest.Mean(0, 0)));
        Assert.True(double.IsNaN(RunsTest.Variance(1, 0)));
    }

    [Fact]
    public void The_expected_longest_run_grows_with_the_share_as_the_approximation_says()
    {
        // p = 1/2, n = 1024: log2(512) + γ/ln 2 − 1/2 ≈ 9.33.
        Assert.Equal(9 + (0.5772156649015329 / Math.Log(2)) - 0.5, RunsTest.ExpectedLongestRunApprox(1024, 0.5), 12);
        Assert.True(double.IsNaN(RunsTest.ExpectedLongestRunApprox(10, 1)));
    }
}
