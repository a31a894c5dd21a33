using Landrush.Analysis.Verdict.Demand;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;

namespace Landrush.Analysis.Tests.Verdict;

/// <summary>
/// How well the names outside the spans calibrate the level of others' demand inside them
/// (<see cref="OthersDemand.LevelSigma(Func{int, bool}, int)"/>): demand whose level moves from block to block of
/// neighbouring numbers, the span one stretch of them. A race takes its level to lie within about 2σ of the
/// calibration; these tests count how often the span's own level lies further out.
/// </summary>
public sealed class LevelSigmaTests
{
    private const int Seeds = 200;

    [Fact]
    public void Three_windows_that_happen_to_agree_do_not_pin_the_level()
    {
        // Blocks of 2,500 names, the span the first: three windows outside, whose sample variance has two degrees of freedom
        // (a fifth of the truth or less one time in ten). At face value the span's level fell outside the band in 23.5% of
        // the worlds (mean σ 0.31); widened as Student's t with two degrees of freedom, in 3.5% (mean σ 0.78).
        var outside = Coverage(span: 2_500, block: 2_500, out var sigmas);

        Assert.True(outside <= 0.07, $"span level outside the 95% band in {outside:P0} of {Seeds} worlds");
        Assert.True(sigmas.Average() < OthersDemand.UncalibratedSigma, $"mean σ {sigmas.Average():0.00}");
    }

    [Fact]
    public void A_span_longer_than_a_third_of_the_outside_is_not_calibrated_by_smaller_windows()
    {
        // The span holds half the names, demand's lumps are 2,500 long: the outside has one window of the span's size. Five
        // windows of 1,000 would straddle two lumps, no more than two independent readings taken for five: the span's level
        // fell outside their band in 20.5% of the worlds (with lumps of 1,000, in 1.5%). The level is left uncalibrated.
        var outside = Coverage(span: 5_000, block: 2_500, out var sigmas);

        Assert.True(outside <= 0.07, $"span level outside the 95% band in {outside:P0} of {Seeds} worlds");
        Assert.All(sigmas, sigma => Assert.Equal(OthersDemand.UncalibratedSigma, sigma));
    }

    // Per world: digits:4, each block of `block` names at a level e^(N(0, 0.4²)) times 0.3 requests per name, a name
    // registered when asked for at all; the first `span` names are a span. The share of worlds whose span deviates from
    // the calibrated model by more than 1.96·√(σ² + its Poisson variance), ln((held + ½)/(expected + ½)) as the
    // windows are read.
    private static double Coverage(int span, int block, out double[] sigmas)
    {
        var space = NameSpace.Parse("digits:4");
        var misses = 0;
        sigmas = new double[Seeds];
        for (var seed = 0; seed < Seeds; seed++)
        {
            var rng = new SeededRandom(seed);
            var holder = new int[10_000];
            var level = 1.0;
            for (var i = 0; i < holder.Length; i++)
            {
                if (i % block == 0)
                {
                    level = Math.Exp(0.4 * Math.Sqrt(-2 * Math.Log(rng.NextDoubleNonZero())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
                }

                holder[i] = rng.NextDouble() < -double.ExpM1(-0.3 * level) ? i % 40 : -1;
            }

            var inSpan = Enumerable.Range(0, holder.Length).Select(i => i < span).ToArray();
            var demand = OthersDemand.Fit(space, holder, inSpan, new bool[40], 0, patternFeatures: false);
            var sigma = sigmas[seed] = demand.LevelSigma(_ => true, span);
            double held = 0, expected = 0;
            for (var i = 0; i < span; i++)
            {
                held += holder[i] >= 0 ? 1 : 0;
                expected += -double.ExpM1(-demand.WantRate[i]);
            }

            var z = Math.Log((held + 0.5) / (expected + 0.5));
            misses += Math.Abs(z) > 1.96 * Math.Sqrt((sigma * sigma) + (1 / (expected + 0.5))) ? 1 : 0;
        }

        return misses / (double)Seeds;
    }
}
