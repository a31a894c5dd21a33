using Landrush.Core.Model;

namespace Landrush.Core.Tests.Model;

/// <summary>
/// The model against results known in closed form. Each statistic is averaged over many seeded runs and
/// compared with a tolerance of <see cref="Z"/> standard errors, the standard error computed from the
/// closed-form variance and the number of runs — never a hand-picked number.
/// </summary>
public class ExactResultTests
{
    // Five standard errors: a false failure has probability ~6e-7 per comparison; the seeds are fixed, so
    // the outcome is reproducible anyway.
    private const double Z = 5;

    [Fact]
    public void Uniform_holdings_have_mean_H_over_N_and_binomial_variance()
    {
        const int runs = 3000;
        const int n = 4;
        // Overlapping lists: the union (H) is what gets registered, whatever each one wanted.
        var participants = new[]
        {
            new Participant(0, 1, Enumerable.Range(0, 10)),
            new Participant(1, 1, Enumerable.Range(5, 10)),
            new Participant(2, 1, [20, 21]),
            new Participant(3, 1, []),
        };
        var sim = new LandrushSimulation(30, participants);
        const int h = 17;
        var holdings = new double[n][];
        for (var i = 0; i < n; i++)
        {
            holdings[i] = new double[runs];
        }

        for (var r = 0; r < runs; r++)
        {
            var outcome = sim.Run(Mechanism.Uniform, seed: r + 1);
            Assert.Equal(h, outcome.RegisteredCount);
            for (var i = 0; i < n; i++)
            {
                holdings[i][r] = outcome.WinsOf(i);
            }
        }

        var p = 1.0 / n;
        var variance = h * p * (1 - p);
        // Central fourth moment of Binomial(h, p), for the standard error of the sample variance.
        var mu4 = variance * (1 + (3 * (h - 2) * p * (1 - p)));
        var varianceOfSampleVariance = (mu4 - (variance * variance * (runs - 3) / (runs - 1))) / runs;
        for (var i = 0; i < n; i++)
        {
            var (mean, sampleVariance) = MeanAndVariance(holdings[i]);
            Assert.InRange(mean, (h * p) - (Z * Math.Sqrt(variance / runs)), (h * p) + (Z * Math.Sqrt(variance / runs)));
            var tol = Z * Math.Sqrt(varianceOfSampleVariance);
            Assert.InRange(sampleVariance, variance - tol, variance + tol);
        }
    }

    [Fact]
    public void Lottery_with_identical_lists_gives_each_participant_one_Nth()
    {
        const int runs = 3000;
        const int n = 5;
        const int listLength = 12;
        var list = new[] { 3, 1, 4, 15, 9, 2, 6, 5, 35, 8, 7, 0 };
        var sim = new LandrushSimulation(40, Enumerable.Range(0, n).Select(i => new Participant(i, 1 + i, list)));
        var sums = new double[n];
        for (var r = 0; r < runs; r++)
        {
            var outcome = sim.Run(Mechanism.Lottery, seed: 1000 + r);
            Assert.Equal(listLength, outcome.RegisteredCount);
            for (var i = 0; i < n; i++)
            {
                sums[i] += outcome.WinsOf(i);
            }
        }

        // Names are drawn independently, so one participant's wins are Binomial(L, 1/N).
        var expected = listLength / (double)n;
        var se = Math.Sqrt(listLength * (1.0 / n) * (1 - (1.0 / n)) / runs);
        foreach (var sum in sums)
        {
            Assert.InRange(sum / runs, expected - (Z * se), expected + (Z * se));
        }
    }

    [Fact]
    public void Lottery_with_different_overlapping_lists_gives_a_name_wanted_by_K_to_each_of_them_with_probability_one_Kth()
    {
        const int runs = 4000;
        // Names 0-9 are wanted by 1 to 5 participants, in different list positions and orders, so the
        // per-name draw is checked for every K and wherever a requester sits in the scan.
        int[][] lists =
        [
            [0, 1, 2, 3, 4, 5, 6],
            [6, 5, 4, 3, 7],
            [2, 3, 4, 8, 9, 5],
            [9, 4, 3, 5],
            [9, 8, 3],
        ];
        var sim = new LandrushSimulation(12, lists.Select((l, i) => new Participant(i, 1, l)));
        var won = new int[12, lists.Length];
        for (var r = 0; r < runs; r++)
        {
            var outcome = sim.Run(Mechanism.Lottery, seed: 200_000 + r);
            for (var name = 0; name < 12; name++)
            {
                if (outcome.WinnerOf(name) >= 0)
                {
                    won[name, outcome.WinnerOf(name)]++;
                }
            }
        }

        var ks = new HashSet<int>();
        for (var name = 0; name < 12; name++)
        {
            var requesters = Enumerable.Range(0, lists.Length).Where(i => lists[i].Contains(name)).ToList();
            ks.Add(requesters.Count);
            for (var i = 0; i < lists.Length; i++)
            {
                // Per (name, requester) an indicator Bernoulli(1/K) over independent runs; zero for non-requesters.
                var p = requesters.Contains(i) ? 1.0 / requesters.Count : 0;
                var se = Math.Sqrt(p * (1 - p) / runs);
                Assert.InRange(won[name, i] / (double)runs, p - (Z * se), p + (Z * se));
            }
        }

        Assert.Equal([0, 1, 2, 3, 4, 5], ks.Order());
    }

    [Theory]
    [InlineData(1.0, 1.0, 0.5)]
    [InlineData(2.0, 1.0, 0.3)]
    [InlineData(1.0, 3.0, 1.0)]
    public void Fcfs_one_contested_name_with_a_later_start_follows_the_closed_form(double c1, double c2, double start)
    {
        AssertLateStarterWins(c1, c2, new Participant(1, c1, [0]), new Participant(2, c2, [0], startTime: start), start, seedBase: 300_000);
    }

    [Theory]
    [InlineData(1.0, 1.0, 0.2, 0.7)]
    [InlineData(2.0, 1.0, 0.0, 0.3)]
    [InlineData(1.0, 3.0, 0.5, 1.5)]
    public void Fcfs_one_contested_name_with_a_longer_latency_follows_the_same_closed_form(double c1, double c2, double latency1, double latency2)
    {
        // Latency is documented as a fixed delay on every request: the whole stream shifts once, so only the
        // difference of the two latencies counts, as a start-time difference would.
        AssertLateStarterWins(c1, c2, new Participant(1, c1, [0], latency: latency1), new Participant(2, c2, [0], latency: latency2),
            latency2 - latency1, seedBase: 400_000);
    }

    [Theory]
    [InlineData(2.0, 0.75, 0.0)]
    [InlineData(0.5, 0.25, 1.5)]
    public void Fcfs_kth_request_arrives_at_start_plus_latency_plus_a_Gamma_k_c_time(double c, double latency, double start)
    {
        // Separates "latency shifts the stream once" (mean start + latency + k/c) from a delay added per
        // request (start + k·latency + k/c); the variance k/c² is the Gamma's either way.
        const int runs = 3000;
        const int listLength = 8;
        var sim = new LandrushSimulation(listLength, [new Participant(1, c, Enumerable.Range(0, listLength), start, latency)]);
        var times = new double[listLength][];
        for (var k = 0; k < listLength; k++)
        {
            times[k] = new double[runs];
        }

        for (var r = 0; r < runs; r++)
        {
            var outcome = sim.Run(Mechanism.Fcfs, seed: 500_000 + r);
            for (var k = 0; k < listLength; k++)
            {
                times[k][r] = outcome.ArrivalTime(k);
            }
        }

        for (var k = 1; k <= listLength; k++)
        {
            var mean = start + latency + (k / c);
            var se = Math.Sqrt(k / (c * c) / runs);
            Assert.InRange(times[k - 1].Average(), mean - (Z * se), mean + (Z * se));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(30)]
    public void Fcfs_with_equal_capacities_and_identical_lists_gives_each_name_to_each_participant_with_probability_one_Nth(int listLength)
    {
        const int runs = 3000;
        const int n = 4;
        var list = Enumerable.Range(0, listLength).Select(k => (k * 7) % 31).ToArray();
        var sim = new LandrushSimulation(31, Enumerable.Range(0, n).Select(i => new Participant(i, 3.0, list)));
        // wonAt[i][j]: runs in which participant i won the name at list position j.
        var wonAt = new int[n, listLength];
        var totalWins = new double[n];
        for (var r = 0; r < runs; r++)
        {
            var outcome = sim.Run(Mechanism.Fcfs, seed: 5000 + r);
            for (var j = 0; j < listLength; j++)
            {
                wonAt[outcome.WinnerOf(list[j]), j]++;
            }

            for (var i = 0; i < n; i++)
            {
                totalWins[i] += outcome.WinsOf(i);
            }
        }

        // Exchangeability: each (participant, position) indicator is Bernoulli(1/N).
        const double p = 1.0 / n;
        var se = Math.Sqrt(p * (1 - p) / runs);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < listLength; j++)
            {
                Assert.InRange(wonAt[i, j] / (double)runs, p - (Z * se), p + (Z * se));
            }

            // The share itself: wins/L is a mean of L such indicators, so its variance is at most p(1−p)
            // (indicators of one run are dependent, but a mean's variance never exceeds the largest one's).
            var share = totalWins[i] / runs / listLength;
            Assert.InRange(share, p - (Z * se), p + (Z * se));
        }
    }

    [Fact]
    public void Fcfs_one_contested_name_goes_to_each_with_probability_proportional_to_capacity()
    {
        const int runs = 4000;
        var capacities = new[] { 1.0, 2.0, 3.5, 0.5 };
        var sim = new LandrushSimulation(3, capacities.Select((c, i) => new Participant(i, c, [2])));
        var won = new int[capacities.Length];
        for (var r = 0; r < runs; r++)
        {
            won[sim.Run(Mechanism.Fcfs, seed: 90_000 + r).WinnerOf(2)]++;
        }

        var total = capacities.Sum();
        for (var i = 0; i < capacities.Length; i++)
        {
            var p = capacities[i] / total;
            var se = Math.Sqrt(p * (1 - p) / runs);
            Assert.InRange(won[i] / (double)runs, p - (Z * se), p + (Z * se));
        }
    }

    [Fact]
    public void Closed_form_for_two_participants_matches_the_figures_quoted_in_the_issue()
    {
        // Guards the test's own formula: c1 = 2·c2 gives 0.667, 0.741, 0.855, 0.985 at j = 1, 2, 5, 20.
        Assert.Equal(0.667, Math.Round(TwoParticipantWinProbability(2.0 / 3, 1), 3));
        Assert.Equal(0.741, Math.Round(TwoParticipantWinProbability(2.0 / 3, 2), 3));
        Assert.Equal(0.855, Math.Round(TwoParticipantWinProbability(2.0 / 3, 5), 3));
        Assert.Equal(0.985, Math.Round(TwoParticipantWinProbability(2.0 / 3, 20), 3));
    }

    [Theory]
    [InlineData(2.0, 1.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(5.0, 2.0)]
    public void Fcfs_two_participants_same_list_win_position_j_with_binomial_probability(double c1, double c2)
    {
        const int runs = 4000;
        const int listLength = 20;
        var list = Enumerable.Range(0, listLength).Select(k => listLength - 1 - k).ToArray();
        var sim = new LandrushSimulation(listLength, [new Participant(1, c1, list), new Participant(2, c2, list)]);
        var firstWonAt = new int[listLength];
        for (var r = 0; r < runs; r++)
        {
            var outcome = sim.Run(Mechanism.Fcfs, seed: 70_000 + r);
            for (var j = 0; j < listLength; j++)
            {
                if (outcome.WinnerOf(list[j]) == 0)
                {
                    firstWonAt[j]++;
                }
            }
        }

        var share = c1 / (c1 + c2);
        foreach (var j in new[] { 1, 2, 3, 5, 10, 20 })
        {
            var p = TwoParticipantWinProbability(share, j);
            var se = Math.Sqrt(p * (1 - p) / runs);
            Assert.InRange(firstWonAt[j - 1] / (double)runs, p - (Z * se), p + (Z * se));
        }
    }

    /// <summary>
    /// Participant 2's stream begins <paramref name="delay"/> after participant 1's. Participant 2 can win only
    /// if 1 has not arrived by then (probability e^(−c1·delay)); from there both streams are memoryless, so
    /// 2 is first with probability c2/(c1+c2). P(2 wins) = e^(−c1·delay)·c2/(c1+c2).
    /// </summary>
    private static void AssertLateStarterWins(double c1, double c2, Participant first, Participant late, double delay, int seedBase)
    {
        const int runs = 4000;
        var sim = new LandrushSimulation(1, [first, late]);
        var lateWins = 0;
        for (var r = 0; r < runs; r++)
        {
            lateWins += sim.Run(Mechanism.Fcfs, seed: seedBase + r).WinnerOf(0);
        }

        var p = Math.Exp(-c1 * delay) * c2 / (c1 + c2);
        var se = Math.Sqrt(p * (1 - p) / runs);
        Assert.InRange(lateWins / (double)runs, p - (Z * se), p + (Z * se));
    }

    /// <summary>
    /// Participant 1 wins the name at position j iff its j-th request precedes the other's j-th: among the
    /// first 2j−1 events of the merged stream (each its own with probability p), at least j are its own.
    /// P(Binomial(2j−1, p) ≥ j), summed exactly.
    /// </summary>
    private static double TwoParticipantWinProbability(double p, int j)
    {
        var trials = (2 * j) - 1;
        var sum = 0.0;
        for (var k = j; k <= trials; k++)
        {
            sum += Choose(trials, k) * Math.Pow(p, k) * Math.Pow(1 - p, trials - k);
        }

        return sum;
    }

    private static double Choose(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    private static (double Mean, double Variance) MeanAndVariance(double[] xs)
    {
        var mean = xs.Average();
        var ss = xs.Sum(x => (x - mean) * (x - mean));
        return (mean, ss / (xs.Length - 1));
    }
}
