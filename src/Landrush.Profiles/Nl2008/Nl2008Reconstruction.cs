using System.Globalization;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;
using Landrush.Core.Model.Demand;

namespace Landrush.Profiles.Nl2008;

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

    // B's first part: its most attractive names written without a leading zero.
    private const int AttractiveCountB = 350;

    /// <summary>Demand draws tried before the calibration gives up (see the class summary).</summary>
    public const int MaxDemandDraws = 20;

    /// <summary>How much the profile's bidders wanted each name: the generic weights with the Dutch area codes.</summary>
    public static NameAttractiveness Attractiveness { get; } = new(DutchAreaCodes.All);

    public static ReconstructedLandrush Build(long seed)
    {
        var space = NameSpace.Parse(SpaceSpec);
        var demand = new DemandModel(space, Attractiveness);
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
            var continuation = (int[])[.. demand.Block("2101", 5000 - 2101), .. demand.Block("0000", 1000)];
            var length = SearchContinuation(demand.NameCount, lists, block, continuation);
            if (length < 0)
            {
                problems = [$"draw {draw}: the registered total is out of the continuation's reach"];
                continue;
            }

            var orders = new RangeOrders(block, continuation[..length], lists[B][..AttractiveCountB], lists[B][AttractiveCountB..]);
            var search = new RangeOrderSearch(new DemandDraw(demand.NameCount, lists, capacities, latencies, roles, simSeed, inBlock), orders).Run();
            if (search is null)
            {
                problems = [$"draw {draw}: no searched order and capacities met every target after the fixes"];
                continue;
            }

            capacities[A] = search.CapacityA;
            capacities[B] = search.CapacityB;
            lists[A] = orders.A(search.OffsetA);
            lists[B] = orders.B(search.OffsetB);
            var run = Simulate(demand.NameCount, lists, capacities, latencies, simSeed);
            if (run.RegisteredCount != TargetRegistered)
            {
                throw new InvalidOperationException($"calibration bug: {run.RegisteredCount} registered, not {TargetRegistered}");
            }

            var simulatedWins = Enumerable.Range(0, lists.Length).Select(run.WinsOf).ToArray();
            var fixer = new AllocationFixer(run, lists, inBlock);
            var simulatedBlock = BlockParties.Select(fixer.BlockCount).ToArray();
            var fixes = ApplyFixes(fixer);
            if (!fixes.Ok)
            {
                problems = [$"draw {draw}:", .. fixes.Problems];
                continue;
            }

            var calibration = new CalibrationReport(draw, length, search.OffsetA, search.OffsetB, search.CapacityA, search.CapacityB,
                simulatedWins[A] + simulatedWins[B], simulatedBlock, simulatedWins.Count(w => w > 0),
                fixes.ZeroHolderMoves, fixes.BlockMoves, fixes.TopTwoMoves);
            var synthesizer = new RecordSynthesizer(space, Tld, new SeededRandom(seed, 0x300));
            var (records, handles, handleCounts, registrars) = synthesizer.Build(fixer.Winners, run, lists.Length, A, B);
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
        out double[] capacities, out double[] latencies, out PartyRole[] roles)
    {
        var n = 2 + OrdinaryCount;
        var lists = new int[n][];
        capacities = new double[n];
        latencies = new double[n];
        roles = new PartyRole[n];

        // B: the most attractive names written without leading zero (ties by index), then 5000-9999.
        var plain = Enumerable.Range(0, demand.NameCount)
            .Where(i => !demand.Attractiveness.Features(demand.Space.NameAt(i)).HasFlag(NameFeatures.LeadingZero)
                        && !DutchAreaCodes.Contains(demand.Space.NameAt(i)))
            .OrderByDescending(i => demand.Weights[i]).ThenBy(i => i).Take(AttractiveCountB).ToArray();
        var high = demand.Block("5000", 5000);
        lists[B] = [.. plain, .. high.Where(i => !plain.Contains(i))];
        lists[A] = block; // continuation appended by the search
        roles[A] = roles[B] = PartyRole.Range;

        lists[AreaCodeParty] = demand.Class(DutchAreaCodes.All);
        roles[AreaCodeParty] = PartyRole.Class;

        var runStart = 20 + rng.NextInt(70);
        lists[RunParty] = demand.Block(runStart.ToString(CultureInfo.InvariantCulture) + "000", 250);
        roles[RunParty] = PartyRole.Run;

        lists[C] = Merge(demand.WeightedListAmong(block, 110, rng), demand.WeightedList(15, rng));
        lists[D] = Merge(demand.WeightedListAmong(block, 60, rng), demand.WeightedList(3, rng));
        roles[C] = roles[D] = PartyRole.Block;

        var sizes = new WishListSizes(Minimum: 3);
        for (var p = D + 1; p < n; p++)
        {
            lists[p] = demand.WeightedList(Math.Max(1, sizes.Draw(rng)), rng);
            roles[p] = PartyRole.Ordinary;
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

    internal static AllocationOutcome Simulate(int nameCount, int[][] lists, double[] capacities, double[] latencies, long seed)
    {
        var participants = new Participant[lists.Length];
        for (var p = 0; p < lists.Length; p++)
        {
            participants[p] = new Participant(p + 1, capacities[p], lists[p], 0, latencies[p]);
        }

        return new LandrushSimulation(nameCount, participants).Run(Mechanism.Fcfs, seed);
    }

    /// <summary>
    /// The fixes, in their order (the one place the sequence is written): empty-handed parties first, then
    /// the block counts, then the two-party total; then what still misses a target.
    /// </summary>
    internal static FixOutcome ApplyFixes(AllocationFixer fixer)
    {
        var zeroMoves = fixer.FixZeroHolders(A, B);
        var blockMoves = fixer.FixBlock(BlockParties, TargetBlockCounts);
        var topMoves = fixer.FixTopTwo(A, B, TargetTopTwo);
        return new FixOutcome(zeroMoves, blockMoves, topMoves, fixer.Problems(A, B, TargetTopTwo, BlockParties, TargetBlockCounts));
    }
}
