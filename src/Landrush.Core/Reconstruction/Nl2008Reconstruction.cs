using System.Globalization;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;
using Landrush.Core.Model.Demand;

namespace Landrush.Core.Reconstruction;

/// <summary>
/// The <c>nl-2008</c> profile: a synthetic reconstruction of the .nl numeric landrush of 28–29 February
/// 2008, calibrated to the aggregates published in March 2008. Exactly: the space <c>digits:1-5</c>
/// (111,110 names), 11,245 registered, 10,096 held by the two largest parties, 108 parties holding at least
/// one name; and in the block of numbers 0–2100 as usually written (no leading zeros, 2,101 names, as the
/// trade association counted <c>0.nl</c>–<c>2100.nl</c> on 13 March 2008) the four largest block holders
/// hold 1,604, 223, 46 and 25.
/// <para>
/// Method (the full account is in data/README.md). (1) Demand, from the seed: two range parties — A wants
/// the block in numeric order and 4-digit numbers from 2101 to 4999, then 0000 upwards; B wants the 350
/// most attractive names written without a leading zero and 5000 to 9999 — and 106 other parties: one
/// wants all Dutch area codes, one a run of 250 five-digit numbers, two collect block names (110 and 60 of
/// them, plus a few others), the rest weighted random lists of heavy-tailed size. (2) Searched: the length
/// of A's continuation past the block, by bisection, so that exactly 11,245 names are wanted (blind requests
/// register every wanted name); then, for each pair of range capacities on a grid of multiples of the median
/// ordinary capacity (each at least 35 times it, the two together more than all others), the order of the
/// range parties' lists — how many continuation names A sends before the block, and how many of 5000–9999
/// B sends before its attractive names — by bisection on their block counts; the pair and offsets whose
/// run the fixes bring to every target with the fewest moves are kept. (3) Fixed afterwards,
/// deterministically and in this order, each move giving a name to a party that asked for it (the
/// runner-up first): one name for every party the run left empty-handed, the block counts, and the
/// two-party total. (4) If no candidate can be fixed, the demand is drawn again from the next stream, at
/// most <see cref="MaxDemandDraws"/> times. What was searched and how many names each fix moved are in
/// <see cref="CalibrationReport"/>.
/// </para>
/// </summary>
public static class Nl2008Reconstruction
{
    public const string ProfileName = "nl-2008";

    public const string SpaceSpec = "digits:1-5";

    public const string Tld = "nl";

    public const int TargetRegistered = 11_245;

    public const int TargetTopTwo = 10_096;

    public const int TargetPartiesWithNames = 108;

    /// <summary>The block is the numbers 0..BlockMaxValue written without leading zeros.</summary>
    public const int BlockMaxValue = 2100;

    /// <summary>Block holdings of parties A, B, C, D (positions 0, 1, 4, 5).</summary>
    public static IReadOnlyList<int> TargetBlockCounts { get; } = [1604, 223, 46, 25];

    internal const int A = 0, B = 1, AreaCodeParty = 2, RunParty = 3, C = 4, D = 5;

    private const int OrdinaryCount = 106;

    private static readonly int[] BlockParties = [A, B, C, D];

    // Capacities of the range parties are searched on this grid of multiples of the median ordinary capacity
    // (about 1), and only pairs whose sum exceeds all other parties' together are tried: the two were fleets
    // (one said it used 35 servers) that left little capacity to the others. The block count no longer pulls
    // A's capacity down, because A's list order is searched instead: with A fast, how late it reaches the
    // block decides how many block names the others have taken first.
    private static readonly double[] CapacityMultiples = [36, 45, 56, 70, 88];

    // B's first part: its most attractive names written without a leading zero.
    private const int AttractiveCountB = 350;

    // Bisection on an offset stops when the bracket is this narrow (names).
    private const int OffsetResolution = 25;

    /// <summary>Demand draws tried before the calibration gives up (see the class summary).</summary>
    public const int MaxDemandDraws = 20;

    public static ReconstructedLandrush Build(long seed)
    {
        var space = NameSpace.Parse(SpaceSpec);
        var demand = new DemandModel(space);
        var block = demand.Numbers(0, BlockMaxValue);
        var inBlock = new bool[demand.NameCount];
        foreach (var n in block)
        {
            inBlock[n] = true;
        }

        var problems = new List<string>();
        for (var draw = 0; draw < MaxDemandDraws; draw++)
        {
            // Each draw has its own streams, so draw k is the same whatever happened to draws before it.
            var demandRng = new SeededRandom(seed, 0x100 + (ulong)draw);
            var simSeed = unchecked((long)new SeededRandom(seed, 0x200 + (ulong)draw).NextUInt64());
            var lists = BuildWishLists(demand, block, demandRng, out var capacities, out var latencies, out var roles);
            var plainB = lists[B][..AttractiveCountB];
            var highB = lists[B][AttractiveCountB..];
            var continuation = (int[])[.. demand.Block("2101", 5000 - 2101), .. demand.Block("0000", 1000)];
            var length = SearchContinuation(demand.NameCount, lists, block, continuation);
            if (length < 0)
            {
                problems = [$"draw {draw}: the registered total is out of the continuation's reach"];
                continue;
            }

            var search = SearchOrderAndCapacities(demand.NameCount, lists, block, continuation.AsSpan(0, length).ToArray(),
                plainB, highB, capacities, latencies, roles, simSeed, inBlock);
            if (search is null)
            {
                problems = [$"draw {draw}: no searched order and capacities met every target after the fixes"];
                continue;
            }

            var (capA, capB, offsetA, offsetB, _) = search.Value;
            capacities[A] = capA;
            capacities[B] = capB;
            lists[A] = AOrder(block, continuation.AsSpan(0, length), offsetA);
            lists[B] = BOrder(plainB, highB, offsetB);
            var run = Simulate(demand.NameCount, lists, capacities, latencies, simSeed);
            if (run.RegisteredCount != TargetRegistered)
            {
                throw new InvalidOperationException($"calibration bug: {run.RegisteredCount} registered, not {TargetRegistered}");
            }

            var simulatedWins = Enumerable.Range(0, lists.Length).Select(run.WinsOf).ToArray();
            var fixer = new AllocationFixer(run, lists, inBlock);
            var simulatedBlock = BlockParties.Select(fixer.BlockCount).ToArray();
            var zeroMoves = fixer.FixZeroHolders(A, B);
            var blockMoves = fixer.FixBlock(BlockParties, TargetBlockCounts);
            var topMoves = fixer.FixTopTwo(A, B, TargetTopTwo);
            problems = fixer.Problems(A, B, TargetTopTwo, BlockParties, TargetBlockCounts);
            if (zeroMoves < 0 || problems.Count > 0)
            {
                problems.Insert(0, $"draw {draw}:");
                continue;
            }

            var calibration = new CalibrationReport(draw, length, offsetA, offsetB, capA, capB, simulatedWins[A] + simulatedWins[B], simulatedBlock,
                simulatedWins.Count(w => w > 0), zeroMoves, blockMoves, topMoves);
            var whois = new WhoisSynthesizer(space, Tld, new SeededRandom(seed, 0x300));
            var (records, handles, handleCounts, registrars) = whois.Build(fixer.Winners, run, lists.Length, A, B);
            var parties = new PartyTruth[lists.Length];
            for (var p = 0; p < parties.Length; p++)
            {
                parties[p] = new PartyTruth(p + 1, roles[p], registrars[p], capacities[p], 0, latencies[p], lists[p].Length,
                    simulatedWins[p], fixer.WinsOf(p), lists[p].Length - fixer.WinsOf(p), handleCounts[p]);
            }

            return new ReconstructedLandrush(ProfileName, seed, space, Tld, records, parties, handles, calibration, lists);
        }

        throw new InvalidOperationException(
            $"calibration failed for seed {seed} after {MaxDemandDraws} demand draws; last: {string.Join(" ", problems)}");
    }

    private static int[][] BuildWishLists(DemandModel demand, int[] block, SeededRandom rng,
        out double[] capacities, out double[] latencies, out string[] roles)
    {
        var n = 2 + OrdinaryCount;
        var lists = new int[n][];
        capacities = new double[n];
        latencies = new double[n];
        roles = new string[n];

        // B: the most attractive names written without leading zero (ties by index), then 5000-9999.
        var plain = Enumerable.Range(0, demand.NameCount)
            .Where(i => !NameAttractiveness.Features(demand.Space.NameAt(i)).HasFlag(NameFeatures.LeadingZero)
                        && !DutchAreaCodes.Contains(demand.Space.NameAt(i)))
            .OrderByDescending(i => demand.Weights[i]).ThenBy(i => i).Take(AttractiveCountB).ToArray();
        var high = demand.Block("5000", 5000);
        lists[B] = [.. plain, .. high.Where(i => !plain.Contains(i))];
        lists[A] = block; // continuation appended by the search
        roles[A] = roles[B] = "range";

        lists[AreaCodeParty] = demand.Class(DutchAreaCodes.All);
        roles[AreaCodeParty] = "class";

        var runStart = 20 + rng.NextInt(70);
        lists[RunParty] = demand.Block(runStart.ToString(CultureInfo.InvariantCulture) + "000", 250);
        roles[RunParty] = "run";

        lists[C] = Merge(demand.WeightedListAmong(block, 110, rng), demand.WeightedList(15, rng));
        lists[D] = Merge(demand.WeightedListAmong(block, 60, rng), demand.WeightedList(3, rng));
        roles[C] = roles[D] = "block";

        var sizes = new WishListSizes(Minimum: 3);
        for (var p = D + 1; p < n; p++)
        {
            lists[p] = demand.WeightedList(Math.Max(1, sizes.Draw(rng)), rng);
            roles[p] = "ordinary";
        }

        // Ordinary capacities are log-normal around 1 (a few connections each); their mail was often refused
        // for the first minutes, so each gets a latency of up to 2 units.
        for (var p = AreaCodeParty; p < n; p++)
        {
            capacities[p] = Math.Round(Math.Exp(0.5 * Normal(rng)), 4);
            latencies[p] = Math.Round(2 * rng.NextDouble(), 4);
        }

        return lists;
    }

    private static int[] Merge(int[] first, int[] second) => [.. first, .. second.Where(i => !first.Contains(i))];

    // Box–Muller; only the cosine branch is used, so each call takes exactly two uniforms.
    private static double Normal(SeededRandom rng) =>
        Math.Sqrt(-2 * Math.Log(rng.NextDoubleNonZero())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    // Wanted names grow by 0 or 1 per extra continuation name, so bisection finds the exact length; −1 if
    // no length gives the target.
    private static int SearchContinuation(int nameCount, int[][] lists, int[] block, int[] continuation)
    {
        var others = new bool[nameCount];
        for (var p = 0; p < lists.Length; p++)
        {
            if (p == A)
            {
                continue;
            }

            foreach (var i in lists[p])
            {
                others[i] = true;
            }
        }

        var baseCount = others.Count(x => x) + block.Count(i => !others[i]);
        int Wanted(int len) => baseCount + continuation.Take(len).Count(i => !others[i]);
        if (Wanted(0) > TargetRegistered || Wanted(continuation.Length) < TargetRegistered)
        {
            return -1;
        }

        int lo = 0, hi = continuation.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Wanted(mid) < TargetRegistered)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static AllocationOutcome Simulate(int nameCount, int[][] lists, double[] capacities, double[] latencies, long seed)
    {
        var participants = new Participant[lists.Length];
        for (var p = 0; p < lists.Length; p++)
        {
            participants[p] = new Participant(p + 1, capacities[p], lists[p], 0, latencies[p]);
        }

        return new LandrushSimulation(nameCount, participants).Run(Mechanism.Fcfs, seed);
    }

    // A sends the first `offset` names of its continuation, then the block in numeric order, then the rest.
    private static int[] AOrder(int[] block, ReadOnlySpan<int> continuation, int offset) =>
        [.. continuation[..offset], .. block, .. continuation[offset..]];

    // B sends the first `offset` names of 5000-9999, then its attractive names, then the rest of 5000-9999.
    private static int[] BOrder(int[] attractive, int[] high, int offset) =>
        [.. high.AsSpan(0, offset), .. attractive, .. high.AsSpan(offset)];

    // For each pair of range capacities on the grid that gives A and B each at least 35 times the median
    // ordinary capacity and together more than all the others, bisect A's offset on A's block count, then
    // B's on B's, then A's again (B's order moves A's count a little); keep the pair and offsets whose run
    // the fixes bring to every target with the fewest moves. Null when no candidate can be fixed.
    private static (double CapA, double CapB, int OffsetA, int OffsetB, int Moves)? SearchOrderAndCapacities(
        int nameCount, int[][] lists, int[] block, int[] continuation, int[] attractiveB, int[] highB,
        double[] capacities, double[] latencies, string[] roles, long simSeed, bool[] inBlock)
    {
        var ordinary = capacities.Where((_, p) => roles[p] == "ordinary").Order().ToArray();
        var median = ordinary.Length % 2 == 1
            ? ordinary[ordinary.Length / 2]
            : (ordinary[(ordinary.Length / 2) - 1] + ordinary[ordinary.Length / 2]) / 2;
        var others = capacities.Where((_, p) => p != A && p != B).Sum();
        (double CapA, double CapB, int OffsetA, int OffsetB, int Moves)? best = null;
        foreach (var ma in CapacityMultiples)
        {
            foreach (var mb in CapacityMultiples)
            {
                // Rounded up to two decimals, so the multiple never falls below the grid value.
                var ca = Math.Ceiling(ma * median * 100) / 100;
                var cb = Math.Ceiling(mb * median * 100) / 100;
                if (ca + cb <= others)
                {
                    continue;
                }

                capacities[A] = ca;
                capacities[B] = cb;
                int offsetA = 0, offsetB = 0;
                int BlockWins(int party)
                {
                    lists[A] = AOrder(block, continuation, offsetA);
                    lists[B] = BOrder(attractiveB, highB, offsetB);
                    var o = Simulate(nameCount, lists, capacities, latencies, simSeed);
                    return block.Count(n => o.WinnerOf(n) == party);
                }

                offsetA = Bisect(continuation.Length, k => { offsetA = k; return BlockWins(A) <= TargetBlockCounts[0]; });
                offsetB = Bisect(highB.Length, k => { offsetB = k; return BlockWins(B) <= TargetBlockCounts[1]; });
                offsetA = Bisect(continuation.Length, k => { offsetA = k; return BlockWins(A) <= TargetBlockCounts[0]; });
                lists[A] = AOrder(block, continuation, offsetA);
                lists[B] = BOrder(attractiveB, highB, offsetB);
                var run = Simulate(nameCount, lists, capacities, latencies, simSeed);
                var fixer = new AllocationFixer(run, lists, inBlock);
                var moves = Fix(fixer, out var ok);
                if (ok && (best is null || moves < best.Value.Moves))
                {
                    best = (ca, cb, offsetA, offsetB, moves);
                }
            }
        }

        return best;
    }

    // The smallest k in [0, max] for which `reached` holds, to within OffsetResolution, assuming it holds
    // from some k on (a later start on the contested part loses more of it); max when it never holds.
    private static int Bisect(int max, Func<int, bool> reached)
    {
        int lo = 0, hi = max;
        while (hi - lo > OffsetResolution)
        {
            var mid = (lo + hi) / 2;
            if (reached(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return hi;
    }

    // The fixes in their order; ok when every target then holds.
    private static int Fix(AllocationFixer fixer, out bool ok)
    {
        var zeroMoves = fixer.FixZeroHolders(A, B);
        var moves = zeroMoves + fixer.FixBlock(BlockParties, TargetBlockCounts) + fixer.FixTopTwo(A, B, TargetTopTwo);
        ok = zeroMoves >= 0 && fixer.Problems(A, B, TargetTopTwo, BlockParties, TargetBlockCounts).Count == 0;
        return moves;
    }
}
