using Landrush.Analysis.NullModels;
using Landrush.Analysis.Verdict;
using Landrush.Analysis.Verdict.Demand;
using Landrush.Benchmarks;
using Landrush.Core.Enumeration;

namespace Landrush.Analysis.Tests.Verdict;

public sealed class VerdictAnalysisTests
{
    private static readonly VerdictOptions Quick = new() { Sims = 200, TestSims = 200, PowerSims = 60, SensitivitySims = 100, Seed = 3 };

    [Fact]
    public void No_registered_names_give_an_undefined_verdict_that_says_why()
    {
        var observed = new ObservedAllocation(NameSpace.Parse("digits:1-2"), "nl", [], [], []);
        var result = VerdictAnalysis.Run(observed, Quick);
        Assert.Equal(VerdictStatus.Undefined, result.Verdict.Status);
        Assert.Null(result.Verdict.ExcessCapacity);
        Assert.Null(result.Verdict.PValue);
        Assert.Equal(VerdictReason.NoRegisteredNames, result.Verdict.Reason);
        Assert.Null(result.Assumptions);
        Assert.Empty(result.NullModels);
    }

    [Fact]
    public void A_single_party_gives_an_undefined_verdict()
    {
        var observed = new ObservedAllocation(NameSpace.Parse("digits:1-2"), "nl", [1, 2, 3], [0, 0, 0], ["only"]);
        var result = VerdictAnalysis.Run(observed, Quick);
        Assert.Equal(VerdictStatus.Undefined, result.Verdict.Status);
        Assert.Equal(VerdictReason.SingleParticipant, result.Verdict.Reason);
    }

    [Fact]
    public void Without_a_range_party_the_answer_is_no_excess_with_zero_power_and_the_reason()
    {
        // Names scattered: the two largest hold every 25th name each, ten others a few each. No party sent a numeric range,
        // and only a range shows its sender's speed: a real answer ("no excess"), with the power that says it could not
        // have seen one.
        var observed = Scattered(labels: 12);
        var result = VerdictAnalysis.Run(observed, Quick);
        Assert.All(result.ImpliedCapacities, c => Assert.False(c.Tested));
        Assert.Equal(VerdictStatus.NoExcessCapacity, result.Verdict.Status);
        Assert.Equal([3.0, 5, 10], result.Verdict.Power!.Select(p => p.Multiple));
        Assert.All(result.Verdict.Power!, p => Assert.Equal(0, p.Probability));
        Assert.Equal(VerdictReason.NoPartyTestable, result.Verdict.Reason);
    }

    [Fact]
    public void A_labelled_party_that_holds_no_name_is_a_participant_who_won_nothing()
    {
        // Labels p0–p12, p12 holding nothing: the verdict's tables are indexed by party, and an allocation with such a
        // label once failed inside the verdict (an array copy) instead of counting it.
        var observed = Scattered(labels: 13);
        var result = VerdictAnalysis.Run(observed, Quick);
        Assert.Equal(13, result.Participants);
        Assert.Equal(VerdictStatus.NoExcessCapacity, result.Verdict.Status);
    }

    [Fact]
    public void Two_parties_splitting_one_range_at_random_are_not_flagged()
    {
        // A lottery between two parties that both wanted 1000–4999 (digits:1-4): their names interleave at random, 58 to
        // 42. Nothing here was a race; read as one, the larger party would seem to keep names many wanted.
        var names = new List<int>();
        var parties = new List<int>();
        var state = 12345UL;
        for (var i = 1110; i < 11_110; i++)
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            var u = (state >> 11) * (1.0 / (1UL << 53));
            var inRange = i >= 2110 && i < 6110;
            var party = inRange ? (u < 0.58 ? 0 : 1) : u < 0.05 ? 2 + (int)(u * 200) : -1;
            if (party >= 0)
            {
                names.Add(i);
                parties.Add(party);
            }
        }

        var observed = new ObservedAllocation(NameSpace.Parse("digits:1-4"), "nl", names, parties, [.. Enumerable.Range(0, 12).Select(p => $"p{p}")]);
        var result = VerdictAnalysis.Run(observed, Quick);
        Assert.NotEqual(VerdictStatus.ExcessCapacity, result.Verdict.Status);
    }

    [Fact]
    public void Bad_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VerdictOptions { Sims = 99 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new VerdictOptions { ExcessThreshold = 0.5 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new VerdictOptions { TestedParties = 13 }.Validate());
    }

    [Fact]
    public void A_level_no_p_value_of_the_test_runs_can_reach_is_refused()
    {
        // n runs give p-values (r + 1)/(n + 1): at least 1/101 for 100 runs, so α = 0.005 could never flag anyone.
        Assert.Throws<ArgumentOutOfRangeException>(() => new VerdictOptions { TestSims = 100, Alpha = 0.005 }.Validate());
        new VerdictOptions { TestSims = 100, Alpha = 1.0 / 101 }.Validate();
        new VerdictOptions { TestSims = 300, Alpha = 0.005 }.Validate();
    }

    [Fact]
    public void A_fair_landrush_gets_three_null_models_no_excess_with_its_power_and_the_same_result_for_the_same_seed()
    {
        var landrush = SyntheticLandrushes.Build(SyntheticDemand.LongLists, 1.0, 10_000);
        var a = VerdictAnalysis.Run(landrush.Observed, Quick);
        var b = VerdictAnalysis.Run(landrush.Observed, Quick);
        Assert.Equal([NullModelKind.Uniform, NullModelKind.Lottery, NullModelKind.EqualCapacity], a.NullModels.Select(m => m.Model));
        Assert.Equal(VerdictStatus.NoExcessCapacity, a.Verdict.Status);
        Assert.Equal(VerdictReason.NoPartyShown, a.Verdict.Reason);
        Assert.Empty(a.Verdict.Misfit);
        Assert.Empty(a.Verdict.Borderline);
        Assert.Equal(3, a.Verdict.Power!.Count);
        Assert.True(a.Verdict.Power![2].Probability > 0);
        Assert.Equal((a.Verdict.Status, a.Verdict.Reason, a.Verdict.PValue, a.Verdict.ExplainedByDemand), (b.Verdict.Status, b.Verdict.Reason, b.Verdict.PValue, b.Verdict.ExplainedByDemand));
        Assert.Equal(a.Verdict.Power, b.Verdict.Power);
        Assert.Equal(a.ImpliedCapacities.Select(c => c.PValue), b.ImpliedCapacities.Select(c => c.PValue));
        Assert.NotNull(a.Assumptions);
        Assert.Equal(a.Assumptions.Tested, a.Assumptions.Races.Count);
        // Demand alone (two range parties) concentrates: the equal-capacity CR2 is far above the uniform one.
        Assert.True(a.NullModels[2].Cr2.Mean > 3 * a.NullModels[0].Cr2.Mean);
        Assert.All(a.NullModels, m => Assert.False(double.IsNaN(m.Cr2.Mean)));
    }

    [Fact]
    public void Small_validation_fair_landrushes_of_three_generators_raise_no_alarm()
    {
        // The study's small version (the whole one is `validate-verdict study` in benchmarks/): fair landrushes whose range
        // demand alone gives CR2 ≥ 0.55 must not be flagged at k = 2.
        var alarms = 0;
        foreach (var kind in new[] { SyntheticDemand.Patterns, SyntheticDemand.Zipf, SyntheticDemand.LongLists })
        {
            for (var i = 0; i < 2; i++)
            {
                var landrush = SyntheticLandrushes.Build(kind, 1.0, 30_000 + i);
                var result = VerdictAnalysis.Run(landrush.Observed, Quick with { Sensitivity = false });
                alarms += result.Verdict.ExcessCapacity == true ? 1 : 0;
            }
        }

        Assert.Equal(0, alarms);
    }

    [Fact]
    public void Small_validation_ranges_at_ten_times_against_long_lists_are_flagged_and_read_near_the_truth()
    {
        // The study's small version at 10× (LongLists generator): a fast party's race must reject k× at 0.05 in most files,
        // the verdict at its default level (0.01, which trades detection for fewer false alarms; study: 7 of 10) must flag
        // half, and the implied multiples must sit around the truth (the median ratio within a factor of 2.5).
        var flagged = 0;
        var rejected = 0;
        var ratios = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            var landrush = SyntheticLandrushes.Build(SyntheticDemand.LongLists, 10.0, 20_000 + i);
            var result = VerdictAnalysis.Run(landrush.Observed, Quick with { Sensitivity = false, TestSims = 300 });
            flagged += result.Verdict.ExcessCapacity == true ? 1 : 0;
            rejected += result.ImpliedCapacities.Any(c => landrush.RangeParties.Contains(c.Party) && c.PValue <= 0.05) ? 1 : 0;
            for (var r = 0; r < 2; r++)
            {
                if (result.ImpliedCapacities.FirstOrDefault(c => c.Party == landrush.RangeParties[r])?.Multiple is { } m)
                {
                    ratios.Add(m / landrush.TrueMultiples[r]);
                }
            }
        }

        Assert.True(rejected >= 3, $"k× rejected at 0.05 in {rejected} of 4 at 10×");
        Assert.True(flagged >= 2, $"flagged {flagged} of 4 at 10×");
        ratios.Sort();
        Assert.InRange(ratios[ratios.Count / 2], 0.4, 2.5);
    }

    [Fact]
    public void A_test_near_its_level_goes_on_to_more_runs_so_that_closed_testing_can_flag_a_fast_party()
    {
        // With 300 runs the smallest p is 1/301, and Simes' test over three parties needs 3·p ≤ α: at α = 0.01 a fast party
        // could be flagged only when no run reached it. A test whose first runs put p within 5α goes on to 1,000 runs (its
        // p a multiple of 1/1001); one far from α stops at its first 300 (a multiple of 1/301).
        var landrush = SyntheticLandrushes.Build(SyntheticDemand.LongLists, 10.0, 20_000);
        var result = VerdictAnalysis.Run(landrush.Observed, Quick with { Sensitivity = false, TestSims = 300 });
        static bool Over(double p, int runs) => Math.Abs((p * (runs + 1)) - Math.Round(p * (runs + 1))) < 1e-6;
        var tested = result.ImpliedCapacities.Where(c => c.Tested && c.PValue < 1).ToArray();
        Assert.Contains(tested, c => c.PValue <= VerdictOptions.RefineWithin * Quick.Alpha);
        Assert.All(tested, c => Assert.True(c.PValue <= VerdictOptions.RefineWithin * Quick.Alpha ? Over(c.PValue!.Value, VerdictOptions.RefinedTestSims) : Over(c.PValue!.Value, 300),
            $"{c.Label}: p {c.PValue}"));
    }

    [Fact]
    public void Reading_send_orders_finds_no_excess_in_fair_ranges_sent_from_the_top_down()
    {
        // Both range parties at 1× send their blocks from the top down. The orders compared include that one; the freedom
        // to choose an order must not make a fair race look fast.
        var landrush = SyntheticLandrushes.Build(SyntheticDemand.LongLists, 1.0, 45_000, RangeSendOrder.Reversed);
        var result = VerdictAnalysis.Run(landrush.Observed, Quick with { Sensitivity = false, TestSims = 100 });
        Assert.NotEqual(VerdictStatus.ExcessCapacity, result.Verdict.Status);
        Assert.Contains(result.Assumptions!.Races, r => r.SendOrders == 2);
    }

    [Fact]
    public void The_length_only_reading_is_set_aside_when_digit_patterns_clearly_matter()
    {
        // The Patterns generator draws demand by digit patterns: the length-only reading is rejected by the likelihood-ratio
        // test of the want-rate fit outside the spans, so it cannot make the verdict inconclusive.
        var landrush = SyntheticLandrushes.Build(SyntheticDemand.Patterns, 1.0, 10_000);
        var result = VerdictAnalysis.Run(landrush.Observed, Quick);
        var lengthOnly = Assert.Single(result.Sensitivity, r => r.Variant == "length-only");
        var why = Assert.IsType<PatternContradiction>(lengthOnly.Contradiction);
        // The numbers, not words: the statistic beyond χ²'s 0.999 quantile with one degree of freedom per pattern feature.
        Assert.Equal(LabelFeatures.Count, why.DegreesOfFreedom);
        Assert.Equal(0.001, why.Level);
        Assert.Equal(MathNet.Numerics.Distributions.ChiSquared.InvCDF(why.DegreesOfFreedom, 1 - why.Level), why.Critical, 12);
        Assert.True(why.Statistic > why.Critical);
        Assert.Null(result.Sensitivity[0].Contradiction);
    }

    // digits:1-4 with names scattered: p0 and p1 hold every 25th name each, p2–p11 a few each, no range; labels p0 … p(labels−1).
    private static ObservedAllocation Scattered(int labels)
    {
        var names = new List<int>();
        var parties = new List<int>();
        for (var i = 0; i < 11_110; i++)
        {
            var party = i % 25 == 0 ? 0 : i % 25 == 7 ? 1 : i % 97 == 3 ? 2 + (i % 10) : -1;
            if (party >= 0)
            {
                names.Add(i);
                parties.Add(party);
            }
        }

        return new ObservedAllocation(NameSpace.Parse("digits:1-4"), "nl", names, parties, [.. Enumerable.Range(0, labels).Select(p => $"p{p}")]);
    }
}
