using Landrush.Analysis.NullModels;

namespace Landrush.Analysis.Verdict;

/// <summary>
/// Fits and tests one party's capacity multiple by simulation on the lean Fcfs path. The statistic is the
/// party's wins among contested names: under blind first-come-first-served a party reaches the k-th name of
/// its list at about k/c, so how many names others also asked for it still won measures its speed.
/// Every grid point uses the same random streams (common random numbers), so the fitted curve is smooth.
/// </summary>
public static class CapacityFit
{
    /// <summary>Smallest multiple on the fitting grid.</summary>
    public const double MinMultiple = 0.25;

    /// <summary>Largest multiple on the fitting grid.</summary>
    public const double MaxMultiple = 256;

    // Grid 2^(g/2) for g = −4 … 16: 21 points, a factor √2 apart.
    private static readonly double[] Grid = [.. Enumerable.Range(-4, 21).Select(g => Math.Pow(2, g / 2.0))];

    /// <summary>
    /// The multiple of <paramref name="party"/> (others at <paramref name="capacities"/>) whose simulated mean
    /// of contested wins meets <paramref name="observedWins"/>, with the 95% interval from inverting the
    /// simulated 2.5%/97.5% quantiles.
    /// </summary>
    public static (double Multiple, double Low, double? High) Fit(ContestedDemand demand, int party, double[] capacities,
        int observedWins, int sims, long seed, ulong stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(capacities);
        var mean = new double[Grid.Length];
        var q025 = new double[Grid.Length];
        var q975 = new double[Grid.Length];
        for (var g = 0; g < Grid.Length; g++)
        {
            var wins = Simulate(demand, party, capacities, Grid[g], sims, seed, stream, cancellationToken);
            mean[g] = wins.Average();
            Array.Sort(wins);
            q025[g] = StatisticSummary.Quantile(wins, 0.025);
            q975[g] = StatisticSummary.Quantile(wins, 0.975);
        }

        var multiple = Crossing(mean, observedWins) ?? (observedWins > mean[^1] ? MaxMultiple : MinMultiple);
        var low = Crossing(q975, observedWins) ?? (observedWins > q975[^1] ? MaxMultiple : MinMultiple);
        var high = Crossing(q025, observedWins) ?? (observedWins >= q025[^1] ? null : MinMultiple);
        return (multiple, Math.Min(low, multiple), high is { } h ? Math.Max(h, multiple) : null);
    }

    /// <summary>
    /// Monte Carlo p-value (r + 1)/(n + 1) of the party's observed contested wins under the null that its
    /// capacity is <paramref name="multiple"/>× (others at <paramref name="capacities"/>): r runs at or above.
    /// </summary>
    public static double PValue(ContestedDemand demand, int party, double[] capacities, double multiple, int observedWins,
        int sims, long seed, ulong stream, CancellationToken cancellationToken = default)
    {
        var wins = Simulate(demand, party, capacities, multiple, sims, seed, stream, cancellationToken);
        return (wins.Count(w => w >= observedWins) + 1.0) / (sims + 1.0);
    }

    /// <summary>The party's contested wins in each of <paramref name="sims"/> runs with it at <paramref name="multiple"/>.</summary>
    public static double[] Simulate(ContestedDemand demand, int party, double[] capacities, double multiple, int sims, long seed, ulong stream,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(capacities);
        var caps = (double[])capacities.Clone();
        caps[party] = multiple;
        var wins = new double[sims];
        var n = demand.PartyCount;
        MonteCarlo.For(sims, seed, stream, () => (Times: demand.NewTimeBuffer(), Holdings: new int[n], Contested: new int[n]),
            (run, rng, source, state) =>
            {
                demand.RunFcfs(rng, source, caps, state.Times, state.Holdings, state.Contested);
                wins[run] = state.Contested[party];
            }, cancellationToken);
        return wins;
    }

    // Where an increasing curve over the grid meets the target, interpolated in log multiple; null outside.
    private static double? Crossing(double[] curve, double target)
    {
        if (target < curve[0] || target > curve[^1])
        {
            return null;
        }

        for (var g = 1; g < Grid.Length; g++)
        {
            if (curve[g] >= target)
            {
                var span = curve[g] - curve[g - 1];
                var f = span > 0 ? (target - curve[g - 1]) / span : 0;
                return Math.Exp(Math.Log(Grid[g - 1]) + (f * (Math.Log(Grid[g]) - Math.Log(Grid[g - 1]))));
            }
        }

        return Grid[0];
    }
}
