using Landrush.Analysis.NullModels;

namespace Landrush.Analysis.Verdict.Race;

/// <summary>A race's test of "capacity at most k×": the statistic, its Monte Carlo p-value and the test's power.</summary>
/// <param name="Statistic">The profile likelihood-ratio statistic 2·(max ℓ − max over multiples ≤ k of ℓ).</param>
/// <param name="PValue">(r + 1)/(n + 1), r the simulated races at the restricted fit whose statistic is at least the observed
/// one, n the test's runs (<see cref="VerdictOptions.RefinedTestSims"/> when the first ones put p within
/// <see cref="VerdictOptions.RefineWithin"/>·α); 1 when the statistic is 0 (the data favour k× or less).</param>
/// <param name="Power">Per multiple asked for: the share of races simulated at that multiple whose p-value is at most α.</param>
/// <param name="FitCheck">Share of races simulated at the unrestricted fit whose statistic is at least the observed one: near 0,
/// the race model does not reproduce the observed losses even at its best (1 when the statistic is 0).</param>
public sealed record RaceTestResult(double Statistic, double PValue, IReadOnlyList<double> Power, double FitCheck = 1)
{
    /// <summary>Below this <see cref="FitCheck"/> the model is taken not to describe the race: its p-value is not believed.</summary>
    public const double MisfitLevel = 0.05;

    /// <summary>Whether the race model failed its check.</summary>
    public bool Misfit => FitCheck < MisfitLevel;
}

/// <summary>
/// H0: the party's capacity is at most k× a typical participant's. The statistic is the profile likelihood ratio of
/// <see cref="SpanRace"/> (<see cref="StatisticTable"/>): over the multiple, the send orders worth comparing, β and the lists' length, offset and
/// each kind's level of demand. Its null distribution is simulated under the fitted demand at the restricted maximum
/// (every name of the list lost with its fitted chance), each simulated race profiled the same way; the power at m× is
/// found the same way under that demand with the party at m×. A rejection is checked against the model itself: races simulated at the
/// unrestricted fit must reach the observed statistic now and then (<see cref="RaceTestResult.FitCheck"/>); when they
/// almost never do, the losses follow a pattern the race does not make, and the rejection is not evidence of speed.
/// </summary>
internal static class RaceTest
{
    public static RaceTestResult Run(SpanRace race, RaceFit fit, double k, int sims, IReadOnlyList<double> powerMultiples, int powerSims,
        double alpha, long seed, ulong stream, CancellationToken cancellationToken)
    {
        var table = new StatisticTable(race, fit, k);
        var observed = table.Statistic(null, out var nullSetting, out var nullScales, out var bestSetting, out var bestScales);
        var needNull = observed > 1e-9 || powerMultiples.Count > 0;
        var nullStatistics = needNull ? Simulate(table, nullSetting, nullScales, sims, seed, stream, cancellationToken) : [];
        var sorted = nullStatistics.Order().ToArray();
        var pValue = PValueOf(sorted, observed);

        // Where the decision may turn on the runs, more of them: p from all runs is the p of a test that always ran that
        // many, and a first p above RefineWithin·α could not have been rejected at α (nor by any closed test at α), so
        // going on only here keeps the test's level.
        if (pValue <= Math.Min(1, VerdictOptions.RefineWithin * alpha) && sims < VerdictOptions.RefinedTestSims)
        {
            var more = Simulate(table, nullSetting, nullScales, VerdictOptions.RefinedTestSims - sims, seed, stream + 0x300_0000UL, cancellationToken);
            sorted = [.. nullStatistics.Concat(more).Order()];
            pValue = PValueOf(sorted, observed);
        }

        // Power: the demand as read under H0 (each kind's level, β and the lists' length, offset, order), the party at m×. Demand refitted at m× to
        // the observed losses would instead ask how a party at m× could have lost what this one lost: the faster m, the more
        // demand it must invent, and that power fell as m rose.
        var power = new List<double>();
        for (var i = 0; i < powerMultiples.Count; i++)
        {
            var statistics = Simulate(table, table.LossChance(nullSetting, nullScales, powerMultiples[i]), nullSetting.Order, powerSims, seed,
                stream + 0x100_0000UL + ((ulong)i << 20), cancellationToken);
            power.Add(statistics.Count(s => PValueOf(sorted, s) <= alpha) / (double)powerSims);
        }

        // The model check: would the fitted race itself produce so large a statistic? Asked only of a rejection.
        var check = 1.0;
        if (pValue <= alpha)
        {
            var atBest = Simulate(table, bestSetting, bestScales, powerSims, seed, stream + 0x200_0000UL, cancellationToken);
            check = (atBest.Count(x => x >= observed - 1e-9) + 1.0) / (powerSims + 1.0);
        }

        return new RaceTestResult(observed, pValue, power, check);
    }

    // (r + 1)/(n + 1) against a sorted null sample; a statistic of 0 is never significant.
    private static double PValueOf(double[] sortedNull, double statistic)
    {
        if (statistic <= 1e-9)
        {
            return 1;
        }

        var index = Array.BinarySearch(sortedNull, statistic - 1e-9);
        var below = index >= 0 ? index : ~index;
        return (sortedNull.Length - below + 1.0) / (sortedNull.Length + 1.0);
    }

    // Races simulated at a setting: each position band's demand drawn lumpy as outside the spans (a ln-normal factor of
    // mean 1 and its σ on the hazard), every name then lost with its chance. Internal for the study's debug view.
    internal static double[] Simulate(StatisticTable table, RaceSetting setting, double[] scales, int sims, long seed, ulong stream,
        CancellationToken cancellationToken) =>
        Simulate(table, table.LossChance(setting, scales), setting.Order, sims, seed, stream, cancellationToken);

    // As above from each name's chance of a loss, the bands those of order `order`.
    private static double[] Simulate(StatisticTable table, double[] chance, int order, int sims, long seed, ulong stream,
        CancellationToken cancellationToken)
    {
        var bandOf = table.BandOfName(order);
        var bandSigma = table.BandSigma;
        var statistics = new double[sims];
        MonteCarlo.For(sims, seed, stream, () => (new bool[table.Names], new double[bandSigma.Length]), (run, rng, source, state) =>
        {
            var (lost, effect) = state;
            for (var b = 0; b < effect.Length; b++)
            {
                effect[b] = bandSigma[b] > 0 ? Math.Exp(MathNet.Numerics.Distributions.Normal.Sample(source, -bandSigma[b] * bandSigma[b] / 2, bandSigma[b])) : 1;
            }

            for (var i = 0; i < lost.Length; i++)
            {
                var p = effect[bandOf[i]] == 1 ? chance[i] : -double.ExpM1(effect[bandOf[i]] * Math.Log(1 - chance[i]));
                lost[i] = rng.NextDouble() < p;
            }

            statistics[run] = table.Statistic(lost, out _, out _, out _, out _);
        }, cancellationToken);
        return statistics;
    }
}
