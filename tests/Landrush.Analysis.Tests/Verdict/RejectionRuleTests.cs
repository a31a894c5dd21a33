using Landrush.Analysis.Verdict;
using Landrush.Analysis.Verdict.Race;

namespace Landrush.Analysis.Tests.Verdict;

/// <summary>
/// A race's rejection of "at most k×" counts towards excess_capacity only where the race bears it out: the model fits
/// (its check) and the party's 95% profile interval lies wholly above k×.
/// </summary>
public sealed class RejectionRuleTests
{
    private static readonly VerdictOptions Options = new() { ExcessThreshold = 2, Alpha = 0.05 };

    // A profile log-likelihood peaked at 8×, falling by `curvature` per (log₂ multiple)².
    private static RaceFit PeakedAt8(double curvature)
    {
        var profile = SpanRace.Multiples.Select(m => -curvature * Math.Pow(Math.Log2(m) - 3, 2)).ToArray();
        return new RaceFit(profile, new RaceSetting[profile.Length], ["upwards"]);
    }

    [Fact]
    public void A_rejection_beside_an_interval_that_holds_k_does_not_count_and_is_borderline()
    {
        var wide = PeakedAt8(0.3);
        Assert.True(wide.Estimate().Low <= 2, $"the wide profile's interval starts at {wide.Estimate().Low}");
        var test = new RaceTestResult(5, 0.01, [], FitCheck: 0.5);

        Assert.Equal(1, VerdictAnalysis.Shown([test], [wide], Options)[0]);
        Assert.True(VerdictAnalysis.Borderline(test, wide, Options));
    }

    [Fact]
    public void A_rejection_beside_an_interval_above_k_counts_with_its_p_value()
    {
        var narrow = PeakedAt8(5);
        Assert.True(narrow.Estimate().Low > 2, $"the narrow profile's interval starts at {narrow.Estimate().Low}");
        var test = new RaceTestResult(30, 0.01, [], FitCheck: 0.5);

        Assert.Equal(0.01, VerdictAnalysis.Shown([test], [narrow], Options)[0]);
        Assert.False(VerdictAnalysis.Borderline(test, narrow, Options));
    }

    [Fact]
    public void A_misfit_never_counts_and_is_not_borderline_but_a_misfit()
    {
        var narrow = PeakedAt8(5);
        var misfit = new RaceTestResult(30, 0.01, [], FitCheck: 0.01);

        Assert.Equal(1, VerdictAnalysis.Shown([misfit], [narrow], Options)[0]);
        Assert.False(VerdictAnalysis.Borderline(misfit, narrow, Options));
    }

    [Fact]
    public void No_rejection_is_never_borderline()
    {
        var test = new RaceTestResult(0.5, 0.4, [], FitCheck: 1);

        Assert.Equal(0.4, VerdictAnalysis.Shown([test], [PeakedAt8(5)], Options)[0]);
        Assert.False(VerdictAnalysis.Borderline(test, PeakedAt8(0.3), Options));
    }
}
