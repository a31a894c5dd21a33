using Landrush.Core.Model;

namespace Landrush.Core.Tests.Model;

public class LandrushSimulationTests
{
    private static LandrushSimulation Overlapping() => new(50,
    [
        new Participant(10, 5.0, [1, 2, 3, 4, 5, 6, 7, 8]),
        new Participant(20, 1.0, [8, 7, 40, 2]),
        new Participant(30, 0.5, [49, 1, 3], startTime: 0.5, latency: 0.25),
    ]);

    [Theory]
    [InlineData(Mechanism.Fcfs)]
    [InlineData(Mechanism.Lottery)]
    [InlineData(Mechanism.Uniform)]
    public void Same_seed_gives_the_same_outcome_and_another_seed_eventually_differs(Mechanism mechanism)
    {
        var sim = Overlapping();
        var a = sim.Run(mechanism, 42);
        var b = sim.Run(mechanism, 42);
        Assert.Equal(Winners(a), Winners(b));
        Assert.Equal(a.Participants, b.Participants);
        Assert.Contains(Enumerable.Range(43, 50), s => !Winners(sim.Run(mechanism, s)).SequenceEqual(Winners(a)));
    }

    [Theory]
    [InlineData(Mechanism.Fcfs)]
    [InlineData(Mechanism.Lottery)]
    public void Every_registered_name_went_to_someone_who_asked_and_wins_plus_losses_is_the_list(Mechanism mechanism)
    {
        var sim = Overlapping();
        for (var seed = 0; seed < 200; seed++)
        {
            var outcome = sim.Run(mechanism, seed);
            var wanted = sim.Participants.SelectMany(p => p.WishList).Distinct().ToHashSet();
            Assert.Equal(wanted.Count, outcome.RegisteredCount);
            for (var name = 0; name < sim.NameCount; name++)
            {
                var w = outcome.WinnerOf(name);
                Assert.Equal(wanted.Contains(name), w >= 0);
                if (w >= 0)
                {
                    Assert.Contains(name, sim.Participants[w].WishList);
                }
            }

            for (var i = 0; i < sim.Participants.Count; i++)
            {
                var truth = outcome.Participants[i];
                Assert.Equal(sim.Participants[i].Id, truth.Id);
                Assert.Equal(truth.WishListSize, truth.Wins + truth.LostRequests);
                Assert.Equal(Enumerable.Range(0, sim.NameCount).Count(n => outcome.WinnerOf(n) == i), truth.Wins);
            }
        }
    }

    [Theory]
    [InlineData(Mechanism.Fcfs)]
    [InlineData(Mechanism.Lottery)]
    [InlineData(Mechanism.Uniform)]
    public void Wins_plus_losses_is_the_list_plus_names_won_unasked_which_only_Uniform_hands_out(Mechanism mechanism)
    {
        var sim = Overlapping();
        var unaskedTotal = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var outcome = sim.Run(mechanism, seed);
            for (var i = 0; i < sim.Participants.Count; i++)
            {
                var list = sim.Participants[i].WishList;
                var unasked = Enumerable.Range(0, sim.NameCount).Count(n => outcome.WinnerOf(n) == i && !list.Contains(n));
                var truth = outcome.Participants[i];
                Assert.Equal(truth.WishListSize + unasked, truth.Wins + truth.LostRequests);
                unaskedTotal += unasked;
            }
        }

        // The documented difference: Fcfs and Lottery keep Wins + LostRequests = WishListSize; Uniform does not.
        if (mechanism == Mechanism.Uniform)
        {
            Assert.True(unaskedTotal > 0);
        }
        else
        {
            Assert.Equal(0, unaskedTotal);
        }
    }

    [Fact]
    public void Under_Uniform_a_participant_that_asked_for_nothing_can_win_names_and_loses_no_request()
    {
        var sim = new LandrushSimulation(10, [new Participant(0, 1, [0, 1, 2, 3]), new Participant(1, 1, [])]);
        var everWon = false;
        for (var seed = 1; seed <= 50; seed++)
        {
            var outcome = sim.Run(Mechanism.Uniform, seed);
            var asker = outcome.Participants[0];
            var idle = outcome.Participants[1];
            Assert.Equal(4, asker.Wins + asker.LostRequests);
            Assert.Equal(0, idle.WishListSize);
            Assert.Equal(0, idle.LostRequests);
            Assert.Equal(4 - asker.Wins, idle.Wins);
            everWon |= idle.Wins > 0;
        }

        Assert.True(everWon);
    }

    [Fact]
    public void Fcfs_ranks_follow_arrival_times_and_nobody_arrives_before_start_plus_latency()
    {
        var sim = Overlapping();
        var outcome = sim.Run(Mechanism.Fcfs, 7);
        var registered = Enumerable.Range(0, sim.NameCount).Where(n => outcome.WinnerOf(n) >= 0).ToList();
        var byRank = registered.OrderBy(outcome.RegistrationRank).Select(outcome.ArrivalTime).ToList();
        Assert.Equal(byRank.Order(), byRank);
        Assert.Equal(Enumerable.Range(0, registered.Count), registered.Select(outcome.RegistrationRank).Order());
        foreach (var n in registered)
        {
            var p = sim.Participants[outcome.WinnerOf(n)];
            Assert.True(outcome.ArrivalTime(n) > p.StartTime + p.Latency);
        }

        // A name wanted by two or more has a runner-up who asked for it; a name wanted by one has none.
        Assert.Equal(-1, outcome.RunnerUpOf(49));
        var ru = outcome.RunnerUpOf(8);
        Assert.NotEqual(outcome.WinnerOf(8), ru);
        Assert.Contains(8, sim.Participants[ru].WishList);
    }

    [Fact]
    public void A_participant_that_starts_after_everything_is_gone_wins_nothing()
    {
        var sim = new LandrushSimulation(3, [new Participant(0, 1000, [0, 1, 2]), new Participant(1, 1000, [2, 1, 0], startTime: 1e6)]);
        for (var seed = 0; seed < 20; seed++)
        {
            var outcome = sim.Run(Mechanism.Fcfs, seed);
            Assert.Equal(3, outcome.WinsOf(0));
            Assert.Equal(3, outcome.LossesOf(1));
        }
    }

    [Fact]
    public void Bad_participants_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Participant(0, 0, [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Participant(0, double.NaN, [1]));
        Assert.Throws<ArgumentException>(() => new Participant(0, 1, [1, 1]));
        Assert.Throws<ArgumentException>(() => new LandrushSimulation(2, [new Participant(0, 1, [2])]));
        Assert.Throws<ArgumentException>(() => new LandrushSimulation(2, []));
    }

    private static int[] Winners(AllocationOutcome o) => [.. Enumerable.Range(0, o.NameCount).Select(o.WinnerOf)];
}
