using Landrush.Analysis.Concentration;
using Landrush.Core.Model;

namespace Landrush.Analysis.NullModels;

/// <summary>
/// The Monte Carlo of the three null models on their lean paths: per run only holdings per party, in
/// buffers reused across runs, on all cores (<see cref="MonteCarlo"/>), so the same seed gives the same
/// distributions whatever the thread timing.
/// </summary>
public static class NullModelSimulation
{
    // Stream bases: each model's chunks draw from streams no other part of the analysis uses.
    internal const ulong UniformStream = 0x1_0000_0000UL;
    internal const ulong LotteryStream = 0x2_0000_0000UL;
    internal const ulong EqualCapacityStream = 0x3_0000_0000UL;

    /// <summary>
    /// <see cref="NullModelKind.Uniform"/>: <paramref name="registered"/> names each to one of
    /// <paramref name="participants"/> uniformly — a multinomial, drawn as successive binomials
    /// (party i gets Bin(rest, 1/(N − i))). <paramref name="observedHoldings"/> are per participant; zeros
    /// may be left out (they are padded).
    /// </summary>
    public static NullModelSummary Uniform(int registered, int participants, ReadOnlySpan<int> observedHoldings, int runs, long seed,
        CancellationToken cancellationToken = default)
    {
        var stats = UniformStatistics(registered, participants, runs, seed, cancellationToken);
        return Summarize(NullModelKind.Uniform, participants, observedHoldings, stats);
    }

    /// <summary>The raw per-run CR2, HHI and Gini of the uniform model (the benchmark's hot path).</summary>
    public static (double[] Cr2, double[] Hhi, double[] Gini) UniformStatistics(int registered, int participants, int runs, long seed,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(registered);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(participants);
        var multinomial = new UniformMultinomial(registered, participants);
        var cr2 = new double[runs];
        var hhi = new double[runs];
        var gini = new double[runs];
        MonteCarlo.For(runs, seed, UniformStream, () => new int[participants], (run, rng, _, holdings) =>
        {
            multinomial.Fill(rng, holdings);
            (cr2[run], hhi[run], gini[run]) = MeasureInPlace(holdings);
        }, cancellationToken);
        return (cr2, hhi, gini);
    }

    /// <summary><see cref="NullModelKind.Lottery"/> over the wish lists of <paramref name="demand"/>.</summary>
    public static NullModelSummary Lottery(ContestedDemand demand, ReadOnlySpan<int> observedHoldings, int runs, long seed,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(demand);
        var n = demand.PartyCount;
        var stats = Collect(runs, seed, LotteryStream, n, (rng, _, holdings) => demand.RunLottery(rng, holdings), cancellationToken);
        return Summarize(NullModelKind.Lottery, n, observedHoldings, stats);
    }

    /// <summary><see cref="NullModelKind.EqualCapacity"/>: blind Fcfs over <paramref name="demand"/>, every capacity 1.</summary>
    public static NullModelSummary EqualCapacity(ContestedDemand demand, ReadOnlySpan<int> observedHoldings, int runs, long seed,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(demand);
        var stats = EqualCapacityStatistics(demand, runs, seed, cancellationToken);
        return Summarize(NullModelKind.EqualCapacity, demand.PartyCount, observedHoldings, stats);
    }

    /// <summary>The raw per-run CR2, HHI and Gini of the equal-capacity model (the benchmark's hot path).</summary>
    public static (double[] Cr2, double[] Hhi, double[] Gini) EqualCapacityStatistics(ContestedDemand demand, int runs, long seed,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(demand);
        var capacities = Enumerable.Repeat(1.0, demand.PartyCount).ToArray();
        var times = new ThreadLocal<double[]>(demand.NewTimeBuffer);
        try
        {
            return Collect(runs, seed, EqualCapacityStream, demand.PartyCount,
                (rng, source, holdings) => demand.RunFcfs(rng, source, capacities, times.Value!, holdings), cancellationToken);
        }
        finally
        {
            times.Dispose();
        }
    }

    /// <summary>
    /// CR2, HHI and Gini of <paramref name="holdings"/>, which this sorts in place (ascending): the
    /// project's <see cref="ConcentrationRatio"/>, <see cref="HerfindahlIndex"/> and <see cref="GiniCoefficient"/>.
    /// </summary>
    public static (double Cr2, double Hhi, double Gini) MeasureInPlace(Span<int> holdings)
    {
        holdings.Sort();
        var gini = GiniCoefficient.OfSortedAscending(holdings);
        var hhi = HerfindahlIndex.Of(holdings);
        holdings.Reverse();
        return (ConcentrationRatio.OfSortedDescending(holdings, 2), hhi, gini);
    }

    private static (double[] Cr2, double[] Hhi, double[] Gini) Collect(int runs, long seed, ulong stream, int parties,
        Action<SeededRandom, SeededRandomSource, int[]> fill, CancellationToken cancellationToken)
    {
        var cr2 = new double[runs];
        var hhi = new double[runs];
        var gini = new double[runs];
        MonteCarlo.For(runs, seed, stream, () => new int[parties], (run, rng, source, holdings) =>
        {
            fill(rng, source, holdings);
            (cr2[run], hhi[run], gini[run]) = MeasureInPlace(holdings);
        }, cancellationToken);
        return (cr2, hhi, gini);
    }

    private static NullModelSummary Summarize(NullModelKind kind, int participants, ReadOnlySpan<int> observedHoldings,
        (double[] Cr2, double[] Hhi, double[] Gini) stats)
    {
        // The observed vector over the same participants as the model: those with no name count as zeros.
        var observed = new int[Math.Max(participants, observedHoldings.Length)];
        observedHoldings.CopyTo(observed);
        var (cr2, hhi, gini) = MeasureInPlace(observed);
        return new NullModelSummary(kind, stats.Cr2.Length, participants,
            StatisticSummary.Of(cr2, stats.Cr2), StatisticSummary.Of(hhi, stats.Hhi), StatisticSummary.Of(gini, stats.Gini));
    }
}
