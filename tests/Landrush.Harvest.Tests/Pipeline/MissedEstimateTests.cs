using Landrush.Core.Model;
using Landrush.Harvest.Pipeline;
using Xunit.Abstractions;

namespace Landrush.Harvest.Tests.Pipeline;

/// <summary>The stratified estimate of registered names DNS called absent, against closed forms and by simulation.</summary>
public sealed class MissedEstimateTests(ITestOutputHelper output)
{
    private const double Z = 1.959963984540054;

    // Wilson's score interval written out again, for the closed forms below.
    private static (double Low, double High) WilsonByHand(double p, double n)
    {
        var z2 = Z * Z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    [Fact]
    public void One_stratum_is_wilsons_interval_unchanged()
    {
        // k = 3 of n = 120 from 40,000 absent names: the figures a store harvested in one piece always gave
        // (bounds 341.5–2,837.2 by numpy, independently).
        var e = new MissedEstimate([new MissedStratum("1/1", 40_000, 120, 3)], 40_000);
        var (low, high) = WilsonByHand(3.0 / 120, 120);
        var c = e.CountInterval!.Value;
        Assert.Equal(40_000 * 3.0 / 120, c.Count, 9);
        Assert.Equal(40_000 * low, c.Low, 9);
        Assert.Equal(40_000 * high, c.High, 9);
        Assert.Equal(new MissedEstimate(120, 3, 40_000).CountInterval, c);
        Assert.Equal("DNS-missed registrations: 3 of 120 sampled absent names are registered; estimate for all 40,000 absent names 1,000 (95% CI 342–2,837)",
            e.Describe());
    }

    [Fact]
    public void Two_strata_of_different_sample_fractions_weigh_each_by_its_absent_names()
    {
        // Stratum 1: 1,000 absent names, 5 of 50 registered; stratum 2: 9,000 absent names, 1 of 100.
        // W = (0.1, 0.9); p̂ = 0.1·0.1 + 0.9·0.01 = 0.019; count 10,000·0.019 = 190 (pooled as one sample: 6/150 → 400, wrong).
        // Design variance 0.01·0.09/50 + 0.81·0.0099/100 = 0.00009819 → n′ 0.018639/0.00009819 = 189.83;
        // Kish's 1/(0.01/50 + 0.81/100) = 1/0.0083 = 120.48, the smaller: Wilson on (0.019, 120.48).
        var e = new MissedEstimate([new MissedStratum("1/2", 1000, 50, 5), new MissedStratum("2/2", 9000, 100, 1)], 10_000);
        var s = e.ShareInterval!.Value;
        Assert.Equal(0.019, s.Share, 12);
        var (low, high) = WilsonByHand(0.019, 1 / 0.0083);
        Assert.Equal(low, s.Low, 12);
        Assert.Equal(high, s.High, 12);
        Assert.Equal(190, e.CountInterval!.Value.Count, 9);
        Assert.Equal(6, e.Found);
        Assert.Equal(150, e.Sampled);
        Assert.Contains("6 of 150 sampled absent names are registered (stratified over 2 shards' samples); estimate for all 10,000 absent names 190 (95% CI", e.Describe());
    }

    [Fact]
    public void The_larger_of_the_design_and_kish_variances_sets_the_width()
    {
        // Kish's: W = (0.2, 0.8), n = (100, 100), p̂_h = (0.5, 0) → p̂ = 0.1; the design's v̂ = 0.04·0.25/100 = 0.0001
        // (n′ 0.09/0.0001 = 900: the empty stratum claims no variance), Kish's n′ = 1/(0.04/100 + 0.64/100) = 147.06.
        var kish = new MissedEstimate([new MissedStratum("1/2", 200, 100, 50), new MissedStratum("2/2", 800, 100, 0)], 1000).ShareInterval!.Value;
        Assert.Equal(0.1, kish.Share, 12);
        Assert.Equal(WilsonByHand(0.1, 1 / 0.0068).Low, kish.Low, 12);
        Assert.Equal(WilsonByHand(0.1, 1 / 0.0068).High, kish.High, 12);
        // The design's: W = (0.5, 0.5), n = (30, 500), p̂_h = (0.3, 0) → p̂ = 0.15; v̂ = 0.25·0.21/30 = 0.00175,
        // n′ = 0.1275/0.00175 = 72.86 below Kish's 1/(0.25/30 + 0.25/500) = 113.2: the small, mixed stratum dominates.
        var design = new MissedEstimate([new MissedStratum("1/2", 5000, 30, 9), new MissedStratum("2/2", 5000, 500, 0)], 10_000).ShareInterval!.Value;
        Assert.Equal(0.15, design.Share, 12);
        Assert.Equal(WilsonByHand(0.15, 0.1275 / 0.00175).Low, design.Low, 12);
        Assert.Equal(WilsonByHand(0.15, 0.1275 / 0.00175).High, design.High, 12);
    }

    [Fact]
    public void No_hit_in_any_stratum_still_gives_an_upper_bound()
    {
        // p̂ = 0: Wilson's upper bound z²/(n′ + z²) with Kish's n′ = 1/(0.25/40 + 0.25/160) = 128.
        var e = new MissedEstimate([new MissedStratum("1/2", 3000, 40, 0), new MissedStratum("2/2", 3000, 160, 0)], 6000);
        var s = e.ShareInterval!.Value;
        Assert.Equal(0, s.Share);
        Assert.Equal(0, s.Low);
        Assert.Equal(Z * Z / (128 + Z * Z), s.High, 12);
        Assert.Equal(6000 * Z * Z / (128 + Z * Z), e.CountInterval!.Value.High, 9);
    }

    [Fact]
    public void A_stratum_without_an_answered_member_leaves_the_estimate_open_and_a_shard_without_a_sample_is_named()
    {
        var waiting = new MissedEstimate([new MissedStratum("1/2", 300, 20, 1), new MissedStratum("2/2", 700, 0, 0)], 1000);
        Assert.Null(waiting.CountInterval);
        Assert.Contains("not estimated yet (no verify name of shard 2/2 answered", waiting.Describe());
        Assert.Equal("DNS-missed registrations: not estimated (no --verify-absent sample)", new MissedEstimate([], 500).Describe());
        var partial = new MissedEstimate([new MissedStratum("1/2", 300, 20, 1)], 1000);
        Assert.Equal(15, partial.CountInterval!.Value.Count, 9);
        Assert.EndsWith("; 700 absent names of shards without a sample not estimated", partial.Describe());
    }

    [Fact]
    public void The_interval_covers_the_truth_at_about_95_percent_over_seeded_synthetic_strata()
    {
        // Each replication: a fixed synthetic population of 2–4 strata (500–50,000 absent names, registered shares
        // from none to 10%, samples of 30–300 drawn without replacement), one sample per stratum, one interval.
        const long seed = 20261126;
        const int replications = 3000;
        output.WriteLine($"seed {seed}, {replications} replications");
        var random = new SeededRandom(seed, stream: 7);
        double[] shares = [0, 0.002, 0.01, 0.03, 0.1];
        int covered = 0, pooledCovered = 0;
        for (var r = 0; r < replications; r++)
        {
            var strata = new List<MissedStratum>();
            long truth = 0, absent = 0;
            for (var h = 2 + random.NextInt(3); h > 0; h--)
            {
                var size = 500 + random.NextInt(49_501);
                var registered = (int)Math.Round(size * shares[random.NextInt(shares.Length)]);
                var n = Math.Min(size, 30 + random.NextInt(271));
                var found = 0;
                for (var i = 0; i < n; i++)
                {
                    // Drawing without replacement: the next member is registered with the share left.
                    found += random.NextDouble() * (size - i) < registered - found ? 1 : 0;
                }

                strata.Add(new MissedStratum($"{h}", size, n, found));
                truth += registered;
                absent += size;
            }

            var c = new MissedEstimate(strata, absent).CountInterval!.Value;
            covered += c.Low <= truth && truth <= c.High ? 1 : 0;
            // What merge did before strata: all samples pooled as one simple random sample of all absent names.
            var pooled = new MissedEstimate(strata.Sum(s => s.Sampled), strata.Sum(s => s.Found), absent).CountInterval!.Value;
            pooledCovered += pooled.Low <= truth && truth <= pooled.High ? 1 : 0;
        }

        var rate = (double)covered / replications;
        var pooledRate = (double)pooledCovered / replications;
        output.WriteLine($"coverage {rate:P2}; pooled as one sample {pooledRate:P2}");
        // 3,000 replications: a standard error of 0.4 points around 95%.
        Assert.InRange(rate, 0.93, 0.985);
        Assert.True(pooledRate < 0.85, $"pooling covered {pooledRate:P2}: the simulation cannot tell the methods apart");
    }
}
