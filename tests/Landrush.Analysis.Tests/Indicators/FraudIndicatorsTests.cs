using System.Numerics;
using Landrush.Analysis.Indicators;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Tests.Concentration;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Core.Model.Demand;
using static Landrush.Analysis.Tests.Parties.Rows;

namespace Landrush.Analysis.Tests.Indicators;

public class FraudIndicatorsTests
{
    [Theory]
    [InlineData(20, 5, 6, 3)]
    [InlineData(30, 10, 10, 0)]
    [InlineData(12, 4, 4, 4)]
    [InlineData(50, 7, 20, 5)]
    public void The_hypergeometric_tail_equals_exact_counting(int population, int successes, int draws, int x)
    {
        // P(X ≥ x) = Σ_{j≥x} C(K, j) C(N − K, n − j) / C(N, n), exactly.
        Fraction tail = 0;
        for (var j = x; j <= Math.Min(successes, draws); j++)
        {
            tail += new Fraction(Choose(successes, j) * Choose(population - successes, draws - j), Choose(population, draws));
        }

        Assert.Equal(tail.ToDouble(), FraudIndicators.UpperTail(population, successes, draws, x), 1e-12);
    }

    [Fact]
    public void Block_share_and_premium_capture_count_the_right_names()
    {
        // digits:1-2: A holds 1–5 (attractive single digits, in the block 0–9), B holds 10–14 (two digits; 10 is round).
        var rows = Enumerable.Range(1, 5).Select(i => Row(i.ToString(), "A"))
            .Concat(Enumerable.Range(10, 5).Select(i => Row(i.ToString(), "B"))).ToList();
        var r = AllocationBuilder.Build(Header, rows);
        var options = new IndicatorOptions { Block = new NumericBlock(0, 9), AttractiveWeight = 150 };
        var a = r.Allocation.PartyLabels.ToList().IndexOf("A");
        var block = FraudIndicators.RangeCapture(r.Allocation, a, options).Single(i => i.Name == "range.block_share:0-9");
        Assert.Equal(1.0, block.Value);
        Assert.Equal(0.5, block.Reference);
        // Which names reach weight 150 is NameAttractiveness's business; the indicator must count exactly those.
        var premium = FraudIndicators.PremiumCapture(r.Allocation, a, options);
        var attractive = rows.Select(x => x.Name.Label)
            .Where(l => new NameAttractiveness([]).Weight(l) >= 150).ToList();
        Assert.Equal(5.0 / attractive.Count, premium.Value!.Value, 12);
        Assert.Equal(0.5, premium.Reference);
    }

    [Fact]
    public void Without_a_block_in_the_options_the_block_indicator_is_not_computed()
    {
        // The indicator knows no launch: a block (0–2100 of .nl 2008) is a profile's or the user's, never its default, even under .nl.
        var rows = Enumerable.Range(0, 20).Select(i => Row(i.ToString(), i < 10 ? "A" : "B")).ToList();
        var r = AllocationBuilder.Build(Header, rows);
        Assert.DoesNotContain(FraudIndicators.Of(r), i => i.Name.StartsWith("range.block_share", StringComparison.Ordinal));
        var given = FraudIndicators.Of(r, new IndicatorOptions { Block = new NumericBlock(0, 9) });
        Assert.Equal(1.0, given.Single(i => i.Name == "range.block_share:0-9" && i.Party == "A").Value);
    }

    [Fact]
    public void Area_codes_come_from_the_options_not_from_the_tld()
    {
        // Under .nl, "020" is an attractive area code only when the options say so: no TLD decides it.
        var coded = new NameAttractiveness(["020"]);
        var threshold = coded.Weight("020");
        string[] plain = ["4739", "5739", "6739", "4738"];
        Assert.All(plain, l => Assert.True(coded.Weight(l) < threshold, l));
        Assert.True(new NameAttractiveness([]).Weight("020") < threshold);
        var header = new RegistryDatasetHeader(NameSpace.Parse("digits:1-4"), "nl");
        var r = AllocationBuilder.Build(header, [Row("020", "A"), .. plain.Select(l => Row(l, "B"))]);
        var a = r.Allocation.PartyLabels.ToList().IndexOf("A");

        var none = FraudIndicators.PremiumCapture(r.Allocation, a, new IndicatorOptions { AttractiveWeight = threshold });
        Assert.Null(none.Value);
        var given = FraudIndicators.PremiumCapture(r.Allocation, a, new IndicatorOptions { AttractiveWeight = threshold, Attractiveness = coded });
        Assert.Equal(1.0, given.Value);
    }

    [Fact]
    public void Longest_run_and_runs_test_see_a_range()
    {
        var rows = Enumerable.Range(10, 40).Select(i => Row(i.ToString(), i is >= 20 and < 40 ? "R" : $"X{i % 7}")).ToList();
        var r = AllocationBuilder.Build(Header, rows);
        var party = r.Allocation.PartyLabels.ToList().IndexOf("R");
        var list = FraudIndicators.RangeCapture(r.Allocation, party, new IndicatorOptions());
        Assert.Equal(20, list.Single(i => i.Name == "range.longest_run").Value);
        var runs = list.Single(i => i.Name == "range.runs");
        Assert.Equal(3, runs.Value);
        Assert.Equal(RunsTest.Mean(20, 20), runs.Reference);
        Assert.True(runs.PValue < 1e-4);
    }

    [Fact]
    public void The_longest_runs_reference_is_written_with_a_decimal_point_under_a_comma_culture()
    {
        // The clause with the reference was an interpolated string of its own, formatted with the current culture.
        var rows = Enumerable.Range(10, 40).Select(i => Row(i.ToString(), i is >= 20 and < 40 ? "R" : $"X{i % 7}")).ToList();
        var r = AllocationBuilder.Build(Header, rows);
        var party = r.Allocation.PartyLabels.ToList().IndexOf("R");
        string Reading() => FraudIndicators.RangeCapture(r.Allocation, party, new IndicatorOptions())
            .Single(i => i.Name == "range.longest_run").Reading;

        var reading = CommaCulture.Run(Reading);

        Assert.Matches(@", against about \d+\.\d expected if its names lay at random", reading);
        Assert.Equal(Reading(), reading);
    }

    [Fact]
    public void Timing_without_dates_and_without_times_is_undefined_and_says_so()
    {
        var r = AllocationBuilder.Build(Header, [Row("1", "A"), Row("2", "B")]);
        var timing = FraudIndicators.Timing(r, 2);
        Assert.Null(Assert.Single(timing).Value);

        var dated = AllocationBuilder.Build(Header, [
            Row("1", "A", created: new DateOnly(2008, 2, 28)), Row("2", "A", created: new DateOnly(2008, 2, 28)),
            Row("3", "B", created: new DateOnly(2008, 2, 29)), Row("4", "A", created: new DateOnly(2008, 2, 29))]);
        var list = FraudIndicators.Timing(dated, 1);
        Assert.Equal(1.0, list.Single(i => i.Name == "timing.day_share:2008-02-28").Value);
        Assert.Equal(0.5, list.Single(i => i.Name == "timing.day_share:2008-02-29").Value);
        Assert.Equal(0.75, list[0].Reference);
        Assert.Null(list.Single(i => i.Name == "timing.hour_share").Value);
    }

    [Fact]
    public void Identity_splitting_counts_merged_handles_against_the_median()
    {
        var r = AllocationBuilder.Build(Header, [Row("1", "A1", admin: "X"), Row("2", "A2", admin: "X"), Row("3", "A3", admin: "X"), Row("4", "B"), Row("5", "C")]);
        var i = FraudIndicators.IdentitySplitting(r.Audit, 0);
        Assert.Equal(3, i.Value);
        Assert.Equal(1, i.Reference);
        Assert.Contains("admin handle ×2", i.Reading, StringComparison.Ordinal);
    }

    private static BigInteger Choose(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return 0;
        }

        BigInteger r = 1;
        for (var i = 1; i <= k; i++)
        {
            r = r * (n - k + i) / i;
        }

        return r;
    }
}
