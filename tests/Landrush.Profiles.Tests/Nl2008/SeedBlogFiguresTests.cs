using Landrush.Profiles.Nl2008;
using Landrush.Reports.Reproduction;
using Landrush.Reports.Tests;

namespace Landrush.Profiles.Tests.Nl2008;

public class SeedBlogFiguresTests
{
    [Fact]
    public void No_registered_name_leaves_the_share_undefined_in_the_table()
    {
        var table = SeedBlogFigures.Compute(Allocations.Empty(), 111_110).ToTable();
        Assert.Contains("undefined", table.Rows[2][1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_reconstruction_gives_the_blogs_four_figures_exactly()
    {
        var f = SeedBlogFigures.Compute(Allocations.Reconstruction, 111_110);
        Assert.Equal(111_110, f.NamesInSpace);
        Assert.Equal(Estimate.Exact(11_245), f.Registered);
        Assert.Equal(Estimate.Exact(10_096), f.TopTwo);
        Assert.Equal(10_096.0 / 11_245, f.TopTwoShare.Value, 12);
        Assert.Equal(108, f.Participants);
        Assert.True(f.ParticipantsIsLowerBound);
        var table = f.ToTable();
        Assert.Equal("11,245", table.Rows[1][1]);
        Assert.Equal("10,096 (89.8%)", table.Rows[2][1]);
        Assert.Equal("≥ 108", table.Rows[3][1]);
        Assert.Equal("111,110", table.Rows[0][2]);
    }

    [Fact]
    public void Known_participants_replace_the_lower_bound()
    {
        var a = Allocations.Of("digits:1-5", [("1", 0), ("2", 1)], ["x", "y"], participants: 9);
        var f = SeedBlogFigures.Compute(a, 111_110);
        Assert.Equal(9, f.Participants);
        Assert.False(f.ParticipantsIsLowerBound);
        Assert.Equal("9", f.ToTable().Rows[3][1]);
    }

    [Fact]
    public void Registered_names_whose_holder_does_not_show_count_as_registered_and_bound_the_top_two()
    {
        // 4 names whose holder shows (top two hold 3 of them) and 2 whose holder does not: 6 registered; the top two
        // hold between 3 (none of the 2) and 5 (both), 4.5 if the 2 are held as the 4 are.
        var a = Allocations.Of("digits:1-5", [("1", 0), ("2", 0), ("3", 1), ("4", 2)], ["x", "y", "z"]);
        var f = SeedBlogFigures.Compute(a, 111_110, holderUnknown: 2);
        Assert.Equal(Estimate.Exact(6), f.Registered);
        Assert.Equal(4.5, f.TopTwo.Value, 12);
        Assert.Equal(3, f.TopTwo.Low);
        Assert.Equal(5, f.TopTwo.High);
        Assert.Equal((3, 5), (f.TopTwo.Floor, f.TopTwo.Ceiling));
        Assert.False(f.TopTwo.IsExact);
        Assert.Equal(0.75, f.TopTwoShare.Value, 12);
        Assert.Equal(0.5, f.TopTwoShare.Low, 12);
        Assert.Equal(5.0 / 6, f.TopTwoShare.High, 12);
        Assert.Contains(f.Notes, n => n.Contains("2 registered names show no holder", StringComparison.Ordinal));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeedBlogFigures.Compute(a, 5, holderUnknown: 2));
    }

    [Fact]
    public void Another_space_is_computed_but_said_not_comparable()
    {
        var a = Allocations.Of("digits:1-3", [("1", 0), ("22", 1), ("333", 1)], ["x", "y"]);
        var f = SeedBlogFigures.Compute(a, 1_110);
        Assert.Equal(1_110, f.NamesInSpace);
        Assert.Equal(Estimate.Exact(3), f.Registered);
        Assert.Contains(f.Notes, n => n.Contains("not comparable", StringComparison.Ordinal));
        Assert.Equal("(other space)", f.ToTable().Rows[1][2]);
        Assert.False(f.IsBlogSpace);
        Assert.True(SeedBlogFigures.Compute(Allocations.Reconstruction, 111_110).IsBlogSpace);
    }

    [Fact]
    public void A_partial_harvest_gives_intervals_that_cover_the_whole_counts()
    {
        // A random half of the reconstruction's space is "known": the registered names in it, scaled up,
        // must bracket the whole counts (11,245 and 10,096); the interval must be an interval.
        var full = Allocations.Reconstruction;
        var rng = new Random(17);
        var known = new bool[full.Space.Count];
        var knownCount = 0L;
        for (var i = 0; i < known.Length; i++)
        {
            known[i] = rng.NextDouble() < 0.5;
            knownCount += known[i] ? 1 : 0;
        }

        var keep = Enumerable.Range(0, full.Registered).Where(i => known[full.NameIndex[i]]).ToList();
        var sample = new Analysis.ObservedAllocation(full.Space, full.Tld, [.. keep.Select(i => full.NameIndex[i])], [.. keep.Select(i => full.PartyOf[i])], full.PartyLabels);
        var f = SeedBlogFigures.Compute(sample, knownCount);
        Assert.False(f.Registered.IsExact);
        Assert.InRange(11_245, f.Registered.Low, f.Registered.High);
        Assert.InRange(10_096, f.TopTwo.Low, f.TopTwo.High);
        Assert.InRange(10_096.0 / 11_245, f.TopTwoShare.Low, f.TopTwoShare.High);
        Assert.True(f.Registered.High - f.Registered.Low < 1_000, f.Registered.ToString());
        Assert.Contains(f.Notes, n => n.StartsWith("Partial data", StringComparison.Ordinal));
        Assert.Contains("95% interval", f.ToTable().Rows[1][1], StringComparison.Ordinal);
        Assert.Contains("certainly", f.ToTable().Rows[1][1], StringComparison.Ordinal);
        Assert.True(f.IsPartial);
    }

    [Theory]
    // 5/10: R's prop.test(5, 10, correct = FALSE)$conf.int. 0/n: the upper end is z²/(n + z²);
    // n/n: the lower end is n/(n + z²), with z² = 3.8414588.
    [InlineData(5, 10, 0.2365931, 0.7634069)]
    [InlineData(0, 20, 0.0, 0.1611252)]
    [InlineData(1, 1, 0.2065493, 1.0)]
    public void Wilson_interval_matches_the_closed_form(long hits, long trials, double low, double high)
    {
        var (lo, hi) = Estimate.Wilson(hits, trials);
        Assert.Equal(low, lo, 6);
        Assert.Equal(high, hi, 6);
    }

    [Fact]
    public void A_complete_sample_is_exact_and_an_estimate_never_leaves_what_is_certain()
    {
        Assert.Equal(Estimate.Exact(7), Estimate.FromSample(7, 100, 100));
        var e = Estimate.FromSample(0, 90, 100);
        Assert.Equal(0, e.Low);
        Assert.True(e.High <= 10);
        var all = Estimate.FromSample(90, 90, 100);
        Assert.Equal(100, all.High);
        Assert.True(all.Low >= 90);
        // The certain bounds: the hits seen, and those plus every unseen name; for an exact count, the count.
        Assert.Equal((90.0, 100.0), (all.Floor, all.Ceiling));
        Assert.Equal((3.0, 13.0), (Estimate.FromSample(3, 90, 100).Floor, Estimate.FromSample(3, 90, 100).Ceiling));
        Assert.Equal((7.0, 7.0), (Estimate.Exact(7).Floor, Estimate.Exact(7).Ceiling));
    }
}
