using Landrush.Analysis.NullModels;
using Landrush.Core.Model;

namespace Landrush.Analysis.Tests.NullModels;

public sealed class ContestedDemandTests
{
    private static readonly int[][] Lists =
    [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [9, 3, 12, 1, 14],
        [5, 6, 20, 21, 3],
        [1, 2, 22, 8, 9, 23, 24, 25],
    ];

    private static readonly double[] Capacities = [1.0, 2.0, 0.5, 3.0];
    private static readonly double[] Latencies = [0, 0.5, 0, 1];

    [Fact]
    public void Lean_fcfs_matches_the_process_model_in_distribution()
    {
        const int runs = 20_000;
        var lean = new ContestedDemand(30, Lists, Latencies);
        var sim = new LandrushSimulation(30, Lists.Select((l, i) => new Participant(i, Capacities[i], l, 0, Latencies[i])));
        var leanSum = new double[4];
        var leanSq = new double[4];
        var coreSum = new double[4];
        var coreSq = new double[4];
        var rng = new SeededRandom(1);
        var source = new SeededRandomSource(rng);
        var times = lean.NewTimeBuffer();
        var holdings = new int[4];
        for (var r = 0; r < runs; r++)
        {
            lean.RunFcfs(rng, source, Capacities, times, holdings);
            var outcome = sim.Run(Mechanism.Fcfs, 1_000_000 + r);
            for (var p = 0; p < 4; p++)
            {
                leanSum[p] += holdings[p];
                leanSq[p] += holdings[p] * holdings[p];
                coreSum[p] += outcome.WinsOf(p);
                coreSq[p] += outcome.WinsOf(p) * outcome.WinsOf(p);
            }

            Assert.Equal(outcome.RegisteredCount, holdings.Sum());
        }

        for (var p = 0; p < 4; p++)
        {
            double ml = leanSum[p] / runs, mc = coreSum[p] / runs;
            var se = Math.Sqrt((((leanSq[p] / runs) - (ml * ml)) / runs) + (((coreSq[p] / runs) - (mc * mc)) / runs));
            Assert.True(Math.Abs(ml - mc) < 5 * se, $"party {p}: lean mean {ml:F4}, Core {mc:F4}, se {se:F4}");
        }
    }

    [Fact]
    public void Uncontested_names_and_a_decided_race_agree_exactly_with_the_process_model()
    {
        // Exact agreement holds where no draw matters: names one party alone wants, and a party alone in the race.
        int[][] lists = [[0, 1, 2, 3], [4, 5, 3], [6]];
        var lean = new ContestedDemand(10, lists);
        Assert.Equal([3, 2, 1], lean.UncontestedHoldings);
        Assert.Equal([3], lean.ContestedNames);
        var sim = new LandrushSimulation(10, lists.Select((l, i) => new Participant(i, 1, l)));
        for (var seed = 0; seed < 50; seed++)
        {
            var outcome = sim.Run(Mechanism.Fcfs, seed);
            for (var p = 0; p < 3; p++)
            {
                var uncontestedWins = lists[p].Count(n => n != 3 && outcome.WinnerOf(n) == p);
                Assert.Equal(lean.UncontestedHoldings[p], uncontestedWins);
            }
        }

        var alone = new ContestedDemand(10, [[7, 2, 5]]);
        var holdings = new int[1];
        var rng = new SeededRandom(3);
        alone.RunFcfs(rng, new SeededRandomSource(rng), [1.0], alone.NewTimeBuffer(), holdings);
        Assert.Equal(new LandrushSimulation(10, [new Participant(0, 1, [7, 2, 5])]).Run(Mechanism.Fcfs, 3).WinsOf(0), holdings[0]);
    }

    [Theory]
    [InlineData(0, 2.0, 1.0)]
    [InlineData(2, 2.0, 1.0)]
    [InlineData(20, 10.0, 1.0)]
    public void A_name_at_position_k_is_won_with_the_gamma_exponential_closed_form(int k, double c0, double c1)
    {
        // Party 0 asks for name 99 at position k (a Γ(k+1, c0) arrival), party 1 at position 0 (Exp(c1)):
        // P(party 0 first) = (c0/(c0 + c1))^(k+1).
        var list0 = Enumerable.Range(0, k).Append(99).ToArray();
        var lean = new ContestedDemand(100, [list0, [99]]);
        const int runs = 40_000;
        var wins = 0;
        var rng = new SeededRandom(7);
        var source = new SeededRandomSource(rng);
        var times = lean.NewTimeBuffer();
        var holdings = new int[2];
        var contested = new int[2];
        for (var r = 0; r < runs; r++)
        {
            lean.RunFcfs(rng, source, [c0, c1], times, holdings, contested);
            wins += contested[0];
        }

        var p = Math.Pow(c0 / (c0 + c1), k + 1);
        var se = Math.Sqrt(p * (1 - p) / runs);
        Assert.InRange(wins / (double)runs, p - (5 * se), p + (5 * se));
    }

    [Fact]
    public void Lottery_over_identical_lists_gives_each_of_k_parties_one_kth()
    {
        const int k = 4, m = 60, runs = 20_000;
        var list = Enumerable.Range(0, m).ToArray();
        var lean = new ContestedDemand(m, Enumerable.Repeat(list, k).ToArray());
        var rng = new SeededRandom(2);
        var holdings = new int[k];
        double sum = 0, sq = 0;
        for (var r = 0; r < runs; r++)
        {
            lean.RunLottery(rng, holdings);
            Assert.Equal(m, holdings.Sum());
            sum += holdings[0];
            sq += holdings[0] * holdings[0];
        }

        double mean = m / (double)k, variance = m * (1.0 / k) * (1 - (1.0 / k));
        Assert.InRange(sum / runs, mean - (5 * Math.Sqrt(variance / runs)), mean + (5 * Math.Sqrt(variance / runs)));
        Assert.InRange((sq / runs) - Math.Pow(sum / runs, 2), variance * 0.95, variance * 1.05);
    }

    [Fact]
    public void Equal_capacity_over_one_identical_list_splits_evenly_on_average()
    {
        // Symmetry: with identical lists and equal capacities every party has the same expected holdings.
        var list = Enumerable.Range(0, 40).ToArray();
        var lean = new ContestedDemand(40, Enumerable.Repeat(list, 5).ToArray());
        var (cr2, _, _) = NullModelSimulation.EqualCapacityStatistics(lean, 2_000, 4);
        Assert.All(cr2, x => Assert.InRange(x, 0.4, 1.0));
        var summary = NullModelSimulation.EqualCapacity(lean, [8, 8, 8, 8, 8], 2_000, 4);
        Assert.Equal(0.4, summary.Cr2.Observed, 12);
        Assert.True(summary.Cr2.Percentile < 5, "an exactly even split is at the bottom of the distribution");
    }

    [Fact]
    public void Bad_lists_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ContestedDemand(5, [[1, 5]]));
        Assert.Throws<ArgumentException>(() => new ContestedDemand(5, [[1, 1]]));
        Assert.Throws<ArgumentException>(() => new ContestedDemand(5, [[1]], [0.0, 1.0]));
    }
}
