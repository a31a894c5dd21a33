using Landrush.Analysis.NullModels;
using Landrush.Analysis.Verdict;
using Landrush.Benchmarks;
using Landrush.Core.Enumeration;

namespace Landrush.Analysis.Tests.Verdict;

public sealed class VerdictAnalysisTests
{
    private static readonly VerdictOptions Quick = new() { Sims = 200, FitSims = 20, TestSims = 200, SensitivitySims = 100, Seed = 3 };

    [Fact]
    public void No_registered_names_give_an_undefined_verdict_that_says_why()
    {
        var observed = new ObservedAllocation(NameSpace.Parse("digits:1-2"), "nl", [], [], []);
        var result = VerdictAnalysis.Run(observed, Quick);
        Assert.Equal(VerdictStatus.Undefined, result.Verdict.Status);
        Assert.Null(result.Verdict.ExcessCapacity);
        Assert.Null(result.Verdict.PValue);
        Assert.Contains("No registered names", result.Verdict.Plain);
        Assert.Empty(result.NullModels);
    }

    [Fact]
    public void A_single_party_gives_an_undefined_verdict()
    {
        var observed = new ObservedAllocation(NameSpace.Parse("digits:1-2"), "nl", [1, 2, 3], [0, 0, 0], ["only"]);
        var result = VerdictAnalysis.Run(observed, Quick);
        Assert.Equal(VerdictStatus.Undefined, result.Verdict.Status);
        Assert.Contains("single participant", result.Verdict.Plain);
    }

    [Fact]
    public void No_top_party_with_a_block_is_inconclusive_not_a_no()
    {
        // Names scattered: the two largest hold every 25th name each, ten others a few each. No party holds a block of
        // consecutive names, so no race reads any capacity: "no excess" would be a claim nothing tested.
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

        var observed = new ObservedAllocation(NameSpace.Parse("digits:1-4"), "nl", names, parties, [.. Enumerable.Range(0, 12).Select(p => $"p{p}")]);
        var result = VerdictAnalysis.Run(observed, Quick);
        Assert.All(result.ImpliedCapacities.Take(2), c => Assert.Null(c.Multiple));
        Assert.Equal(VerdictStatus.Inconclusive, result.Verdict.Status);
        Assert.Contains("holds no block of consecutive names", result.Verdict.Plain, StringComparison.Ordinal);
        Assert.Contains("Verdict: inconclusive", result.Verdict.Plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_parties_splitting_one_range_at_random_are_not_read_as_a_race()
    {
        // A lottery between two parties that both wanted 1000–4999 (digits:1-4): their names interleave at random, and
        // the larger one's block holds 4 in 10 names of the other. Read as a race against small parties it looked like a
        // party keeping half of the names many wanted: a fast one. Nothing here was a race.
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
        var result = VerdictAnalysis.Run(observed, Quick with { SensitivitySims = 100 });
        var first = result.ImpliedCapacities[0];
        Assert.Equal("p1", first.SharedWith);
        Assert.Null(first.Multiple);
        Assert.NotEqual(VerdictStatus.ExcessCapacity, result.Verdict.Status);
        Assert.Contains("two parties went through the same names", result.Verdict.Plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Sims_below_100_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VerdictOptions { Sims = 99 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new VerdictOptions { ExcessThreshold = 0.5 }.Validate());
    }

    [Fact]
    public void A_fair_landrush_gets_three_null_models_a_plain_verdict_and_the_same_result_for_the_same_seed()
    {
        var landrush = SyntheticLandrushes.Build(SyntheticDemand.Patterns, 1.0, 10_000);
        var a = VerdictAnalysis.Run(landrush.Observed, Quick);
        var b = VerdictAnalysis.Run(landrush.Observed, Quick);
        Assert.Equal([NullModelKind.Uniform, NullModelKind.Lottery, NullModelKind.EqualCapacity], a.NullModels.Select(m => m.Model));
        Assert.NotEqual(VerdictStatus.ExcessCapacity, a.Verdict.Status);
        Assert.Contains("Concentration alone proves nothing", a.Verdict.Plain);
        Assert.Equal(a.Verdict.Plain, b.Verdict.Plain);
        Assert.Equal(a.Sensitivity.Select(r => r.PValue), b.Sensitivity.Select(r => r.PValue));
        Assert.True(a.Sensitivity.Count >= 3);
        Assert.NotEmpty(a.Assumptions);
        Assert.InRange(a.Verdict.ExplainedByDemand!.Value, 0.5, 1.0);
        // Demand alone (two range parties) concentrates: the equal-capacity CR2 is far above the uniform one.
        Assert.True(a.NullModels[2].Cr2.Mean > 3 * a.NullModels[0].Cr2.Mean);
        Assert.All(a.NullModels, m => Assert.False(double.IsNaN(m.Cr2.Mean)));
    }

    [Fact]
    public void Small_validation_fair_landrushes_of_both_generators_raise_no_alarm()
    {
        // The study's small version (the whole one is `validate-verdict` in benchmarks/): fair landrushes,
        // range demand alone giving CR2 ≥ 0.55, must not be flagged at k = 2.
        var alarms = 0;
        foreach (var kind in new[] { SyntheticDemand.Patterns, SyntheticDemand.Zipf })
        {
            for (var i = 0; i < 3; i++)
            {
                var landrush = SyntheticLandrushes.Build(kind, 1.0, 30_000 + i);
                var result = VerdictAnalysis.Run(landrush.Observed, Quick with { Sensitivity = false });
                alarms += result.Verdict.ExcessCapacity == true ? 1 : 0;
            }
        }

        Assert.Equal(0, alarms);
    }

    [Fact]
    public void Small_validation_ten_times_faster_ranges_are_mostly_flagged_and_their_multiples_read_within_a_factor_of_two()
    {
        // The study's small version at 10× (Patterns generator, base demand): the base verdict must flag most of
        // them, and the implied multiples must sit around the truth (the median ratio within a factor of two).
        var flagged = 0;
        var ratios = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var landrush = SyntheticLandrushes.Build(SyntheticDemand.Patterns, 10.0, 20_000 + i);
            var result = VerdictAnalysis.Run(landrush.Observed, Quick with { Sensitivity = false, TestSims = 400 });
            flagged += result.Verdict.ExcessCapacity == true ? 1 : 0;
            for (var r = 0; r < 2; r++)
            {
                if (result.ImpliedCapacities.FirstOrDefault(c => c.Party == landrush.RangeParties[r])?.Multiple is { } m)
                {
                    ratios.Add(m / landrush.TrueMultiples[r]);
                }
            }
        }

        Assert.True(flagged >= 3, $"flagged {flagged} of 5 at 10×");
        ratios.Sort();
        Assert.InRange(ratios[ratios.Count / 2], 0.5, 2.0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_range_party_that_did_not_send_in_index_order_gets_an_interval_that_covers_its_true_multiple(bool shuffled)
    {
        var order = shuffled ? RangeSendOrder.Shuffled : RangeSendOrder.Reversed;
        // Both range parties at 5× send their blocks from the top down, or shuffled. Reading where their losses fell
        // as if they had sent in index order makes them look slow (0.25–0.5×, interval below the truth); the send-order
        // check must see that the positions do not support index order and read only how many names they lost.
        var landrush = SyntheticLandrushes.Build(SyntheticDemand.LongLists, 5.0, 45_000, order);
        var result = VerdictAnalysis.Run(landrush.Observed, Quick with { Sensitivity = false, TestSims = 100 });
        for (var r = 0; r < 2; r++)
        {
            var c = Assert.Single(result.ImpliedCapacities, c => c.Party == landrush.RangeParties[r]);
            Assert.False(c.IndexOrder);
            Assert.InRange(landrush.TrueMultiples[r], c.FitLow, c.FitHigh ?? double.PositiveInfinity);
            Assert.InRange(landrush.TrueMultiples[r], c.Low, c.High ?? double.PositiveInfinity);
        }

        Assert.Contains(result.Assumptions, a => a.Contains("Send order of the range parties, checked per party", StringComparison.Ordinal));
    }

    [Fact]
    public void A_range_party_whose_losses_support_index_order_keeps_the_position_signal()
    {
        // The same landrush sent in index order: the losses fall deep in the lists, so the position signal is used.
        var landrush = SyntheticLandrushes.Build(SyntheticDemand.LongLists, 5.0, 45_000);
        var demand = DemandInference.Infer(landrush.Observed, DemandVariant.Base, 20, 1);
        for (var r = 0; r < 2; r++)
        {
            var check = demand.OrderCheckOf(landrush.RangeParties[r]);
            Assert.NotNull(check);
            Assert.True(check.IndexOrder, $"log-likelihood ratio {check.LogLikelihoodRatio}");
            Assert.False(demand.RaceOf(landrush.RangeParties[r])!.AnyOrder);
        }
    }

    [Fact]
    public void A_variant_the_data_contradict_is_set_aside_with_its_reason()
    {
        // The Patterns generator draws demand by digit patterns: the length-only reading is rejected by the
        // likelihood-ratio test of the want-rate fit outside the blocks, so it cannot make the verdict inconclusive.
        var landrush = SyntheticLandrushes.Build(SyntheticDemand.Patterns, 1.0, 10_000);
        var result = VerdictAnalysis.Run(landrush.Observed, Quick);
        var lengthOnly = Assert.Single(result.Sensitivity, r => r.Variant == "length-only");
        Assert.NotNull(lengthOnly.Contradicted);
        Assert.Contains("digit patterns", lengthOnly.Contradicted);
        Assert.Null(result.Sensitivity[0].Contradicted);
    }
}
