using Landrush.Analysis.Verdict;
using Landrush.Reports.Building;
using Landrush.Reports.Model;

namespace Landrush.Reports.Tests.Building;

/// <summary>The one rule that marks an indicator against a fair race.</summary>
public class IndicatorMarksTests
{
    [Theory]
    // Above the 95% upper end of every fair model: beyond a fair race.
    [InlineData(0.9, new[] { 0.02, 0.5, 0.88 }, IndicatorMark.Beyond)]
    // One fair model (a race over the demand) reaches it: consistent, however far above the uniform lottery.
    [InlineData(0.9, new[] { 0.02, 0.5, 0.95 }, IndicatorMark.Consistent)]
    // At the upper end is not above it.
    [InlineData(0.9, new[] { 0.9 }, IndicatorMark.Consistent)]
    // No fair model ran, or one gave no range: nothing to set it against.
    [InlineData(0.9, new double[0], IndicatorMark.NotTested)]
    [InlineData(0.9, new[] { 0.02, double.NaN }, IndicatorMark.NotTested)]
    [InlineData(double.NaN, new[] { 0.02 }, IndicatorMark.NotTested)]
    public void A_measure_is_beyond_a_fair_race_only_above_every_fair_models_95_percent_range(double observed, double[] upper, IndicatorMark mark) =>
        Assert.Equal(mark, IndicatorMarks.AgainstFairModels(observed, upper));

    [Fact]
    public void The_capacity_verdict_is_marked_by_its_status_and_every_mark_has_its_own_words()
    {
        Assert.Equal(IndicatorMark.Beyond, IndicatorMarks.OfVerdict(VerdictStatus.ExcessCapacity));
        Assert.Equal(IndicatorMark.Consistent, IndicatorMarks.OfVerdict(VerdictStatus.NoExcessCapacity));
        Assert.Equal(IndicatorMark.Undecided, IndicatorMarks.OfVerdict(VerdictStatus.Inconclusive));
        Assert.Equal(IndicatorMark.NotTested, IndicatorMarks.OfVerdict(VerdictStatus.Undefined));
        Assert.Equal(["not tested", "consistent with a fair race", "beyond it", "undecided: the data do not settle it"],
            Enum.GetValues<IndicatorMark>().Select(IndicatorMarks.Word));
    }
}
