using Landrush.Core.Model;
using Landrush.Profiles.Nl2008;
using Xunit.Abstractions;

namespace Landrush.Profiles.Tests.Nl2008;

public class AllocationFixerTests(ITestOutputHelper output)
{
    private const long Seed = 20_080_229;

    [Fact]
    public void The_fixes_only_move_names_to_parties_that_asked_and_never_change_what_is_registered()
    {
        output.WriteLine($"seed {Seed}");
        var rng = new SeededRandom(Seed);
        const int trials = 300;
        var totalMoves = 0;
        for (var trial = 0; trial < trials; trial++)
        {
            // Small random landrushes: heavy overlap so that names have several requesters to move between.
            var names = 20 + rng.NextInt(41);
            var parties = 4 + rng.NextInt(7);
            var lists = new int[parties][];
            var participants = new Participant[parties];
            for (var p = 0; p < parties; p++)
            {
                lists[p] = RandomList(rng, names, 1 + rng.NextInt(names / 2));
                participants[p] = new Participant(p, 0.5 + (5 * rng.NextDouble()), lists[p], latency: rng.NextDouble());
            }

            var inBlock = new bool[names];
            for (var n = 0; n < names; n++)
            {
                inBlock[n] = rng.NextInt(3) == 0;
            }

            var run = new LandrushSimulation(names, participants).Run(Mechanism.Fcfs, unchecked((long)rng.NextUInt64()));
            var registered = Enumerable.Range(0, names).Where(n => run.WinnerOf(n) >= 0).ToArray();
            var fixer = new AllocationFixer(run, lists, inBlock);

            // Targets are random, reachable or not: the rule must hold whatever the fixes manage.
            var blockSize = inBlock.Count(b => b);
            int[] blockParties = [0, 1, 2, 3];
            var blockTargets = blockParties.Select(_ => rng.NextInt(blockSize + 1)).ToArray();
            var zeroMoves = fixer.FixZeroHolders(0, 1);
            var blockMoves = fixer.FixBlock(blockParties, blockTargets);
            var topMoves = fixer.FixTopTwo(0, 1, rng.NextInt(registered.Length + 1));
            totalMoves += Math.Max(0, zeroMoves) + blockMoves + topMoves;

            var winners = fixer.Winners;
            Assert.Equal(registered, Enumerable.Range(0, names).Where(n => winners[n] >= 0));
            foreach (var n in registered)
            {
                Assert.True(lists[winners[n]].Contains(n), $"seed {Seed}, trial {trial}: name {n} went to party {winners[n]}, which never asked for it");
            }

            for (var p = 0; p < parties; p++)
            {
                Assert.Equal(winners.Count(w => w == p), fixer.WinsOf(p));
                Assert.Equal(Enumerable.Range(0, names).Count(n => inBlock[n] && winners[n] == p), fixer.BlockCount(p));
            }
        }

        // The rule must have been exercised, not held vacuously by a fixer that moved nothing.
        output.WriteLine($"{totalMoves} moves over {trials} landrushes");
        Assert.True(totalMoves > trials, $"only {totalMoves} moves over {trials} landrushes");
    }

    // Distinct name indices in random order (partial Fisher–Yates).
    private static int[] RandomList(SeededRandom rng, int names, int size)
    {
        var all = Enumerable.Range(0, names).ToArray();
        for (var k = 0; k < size; k++)
        {
            var j = k + rng.NextInt(names - k);
            (all[k], all[j]) = (all[j], all[k]);
        }

        return all[..size];
    }
}
