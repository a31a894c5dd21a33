using Landrush.Analysis.NullModels;
using Landrush.Core.Model;

namespace Landrush.Analysis.Tests.NullModels;

public sealed class BinomialAndMultinomialTests
{
    [Theory]
    [InlineData(40, 0.3)]
    [InlineData(1000, 0.01)]
    [InlineData(7, 0.9)]
    public void Binomial_draws_follow_the_exact_probability_mass_function(int n, double p)
    {
        var sampler = new BinomialSampler(n);
        var rng = new SeededRandom(5);
        const int draws = 200_000;
        var counts = new int[n + 1];
        for (var i = 0; i < draws; i++)
        {
            counts[sampler.Sample(rng, n, p, Math.Log(p), Math.Log(1 - p))]++;
        }

        // Exact pmf by the product formula in log space, independent of the sampler's recurrence.
        for (var k = 0; k <= n; k++)
        {
            var logPmf = LogChoose(n, k) + (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p));
            var expected = draws * Math.Exp(logPmf);
            if (expected < 5)
            {
                continue;
            }

            Assert.InRange(counts[k], expected - (5 * Math.Sqrt(expected)), expected + (5 * Math.Sqrt(expected)));
        }
    }

    [Fact]
    public void Binomial_edge_probabilities_are_certain()
    {
        var sampler = new BinomialSampler(10);
        var rng = new SeededRandom(1);
        Assert.Equal(0, sampler.Sample(rng, 10, 0, double.NegativeInfinity, 0));
        Assert.Equal(10, sampler.Sample(rng, 10, 1, 0, double.NegativeInfinity));
        Assert.Equal(0, sampler.Sample(rng, 0, 0.5, Math.Log(0.5), Math.Log(0.5)));
    }

    [Fact]
    public void Uniform_holdings_have_the_multinomial_mean_variance_and_covariance()
    {
        const int h = 1_000, n = 20, runs = 40_000;
        var multinomial = new UniformMultinomial(h, n);
        var rng = new SeededRandom(11);
        var holdings = new int[n];
        double sum0 = 0, sq0 = 0, sumLast = 0, sqPair = 0;
        for (var r = 0; r < runs; r++)
        {
            multinomial.Fill(rng, holdings);
            Assert.Equal(h, holdings.Sum());
            sum0 += holdings[0];
            sq0 += (double)holdings[0] * holdings[0];
            sumLast += holdings[n - 1];
            var pair = holdings[0] + holdings[n - 1];
            sqPair += (double)pair * pair;
        }

        double p = 1.0 / n, mean = h * p, variance = h * p * (1 - p);
        var meanSe = Math.Sqrt(variance / runs);
        Assert.InRange(sum0 / runs, mean - (5 * meanSe), mean + (5 * meanSe));
        Assert.InRange(sumLast / runs, mean - (5 * meanSe), mean + (5 * meanSe));
        var sampleVariance = (sq0 / runs) - Math.Pow(sum0 / runs, 2);
        Assert.InRange(sampleVariance, variance * 0.95, variance * 1.05);
        // Var(x₀ + x_N) = 2Hpq − 2Hp² (covariance −Hp²): the pair is Bin(H, 2p).
        var pairVariance = (sqPair / runs) - Math.Pow((sum0 + sumLast) / runs, 2);
        Assert.InRange(pairVariance, h * 2 * p * (1 - (2 * p)) * 0.95, h * 2 * p * (1 - (2 * p)) * 1.05);
    }

    [Fact]
    public void Uniform_model_hhi_has_its_closed_form_mean()
    {
        // E[HHI] = 10,000 · (1/N + (1 − 1/N)/H) for Multinomial(H; 1/N …).
        const int h = 500, n = 25, runs = 20_000;
        var (cr2, hhi, gini) = NullModelSimulation.UniformStatistics(h, n, runs, 3);
        var expected = 10_000 * ((1.0 / n) + ((1 - (1.0 / n)) / h));
        var mean = hhi.Average();
        var sd = Math.Sqrt(hhi.Sum(x => (x - mean) * (x - mean)) / (runs - 1));
        Assert.InRange(mean, expected - (5 * sd / Math.Sqrt(runs)), expected + (5 * sd / Math.Sqrt(runs)));
        Assert.All(cr2, x => Assert.InRange(x, 2.0 / n, 1));
        Assert.All(gini, x => Assert.InRange(x, 0, 1));
    }

    [Fact]
    public void Two_participants_always_hold_everything_between_them()
    {
        var (cr2, hhi, _) = NullModelSimulation.UniformStatistics(101, 2, 500, 9);
        Assert.All(cr2, x => Assert.Equal(1.0, x));
        Assert.InRange(hhi.Average(), 5_000 * (1 + (1.0 / 101)) - 50, 5_000 * (1 + (1.0 / 101)) + 50);
    }

    [Fact]
    public void The_same_seed_gives_the_same_distribution_whatever_the_thread_timing()
    {
        var a = NullModelSimulation.UniformStatistics(11_245, 108, 3_000, 42);
        var b = NullModelSimulation.UniformStatistics(11_245, 108, 3_000, 42);
        var c = NullModelSimulation.UniformStatistics(11_245, 108, 3_000, 43);
        Assert.Equal(a.Cr2, b.Cr2);
        Assert.Equal(a.Gini, b.Gini);
        Assert.NotEqual(a.Cr2, c.Cr2);
    }

    [Fact]
    public void Summary_p_value_and_percentile_follow_their_definitions()
    {
        var s = StatisticSummary.Of(3, [5, 1, 2, 3, 4]);
        Assert.Equal(3, s.Mean);
        Assert.Equal(60, s.Percentile);          // 1, 2, 3 at or below
        Assert.Equal((3 + 1.0) / 6, s.PValue);   // 3, 4, 5 at or above
        Assert.Equal(1.1, s.Low, 12);            // 1 + 0.1·(2 − 1)
        Assert.Equal(4.9, s.High, 12);
    }

    private static double LogChoose(int n, int k)
    {
        double s = 0;
        for (var i = 1; i <= k; i++)
        {
            s += Math.Log(n - k + i) - Math.Log(i);
        }

        return s;
    }
}
