namespace Landrush.Profiles.Nl2008;

/// <summary>
/// Step (2) of the nl-2008 calibration (see <see cref="Nl2008Reconstruction"/>): for each pair of range
/// capacities on the grid that gives A and B each at least 35 times the median ordinary capacity and
/// together more than all the others, bisect A's offset on A's block count, then B's on B's, then A's
/// again (B's order moves A's count a little); keep the pair and offsets whose run the fixes bring to
/// every target with the fewest moves. Works on copies: the draw it is given is left as it was.
/// </summary>
internal sealed class RangeOrderSearch
{
    // Capacities of the range parties are searched on this grid of multiples of the median ordinary capacity
    // (about 1), and only pairs whose sum exceeds all other parties' together are tried: the two were fleets
    // (one said it used 35 servers) that left little capacity to the others. The block count no longer pulls
    // A's capacity down, because A's list order is searched instead: with A fast, how late it reaches the
    // block decides how many block names the others have taken first.
    private static readonly double[] CapacityMultiples = [36, 45, 56, 70, 88];

    // Bisection on an offset stops when the bracket is this narrow (names).
    private const int OffsetResolution = 25;

    private const int A = Nl2008Reconstruction.A, B = Nl2008Reconstruction.B;

    private readonly DemandDraw _draw;
    private readonly RangeOrders _orders;
    private readonly int[][] _lists;
    private readonly double[] _capacities;

    public RangeOrderSearch(DemandDraw draw, RangeOrders orders)
    {
        _draw = draw;
        _orders = orders;
        _lists = [.. draw.Lists];
        _capacities = [.. draw.Capacities];
    }

    /// <summary>The best candidate, or null when no candidate can be fixed.</summary>
    public RangeCalibration? Run()
    {
        var ordinary = _draw.Capacities.Where((_, p) => _draw.Roles[p] == PartyRole.Ordinary).Order().ToArray();
        var median = ordinary.Length % 2 == 1
            ? ordinary[ordinary.Length / 2]
            : (ordinary[(ordinary.Length / 2) - 1] + ordinary[ordinary.Length / 2]) / 2;
        var others = _draw.Capacities.Where((_, p) => p != A && p != B).Sum();
        RangeCalibration? best = null;
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

                _capacities[A] = ca;
                _capacities[B] = cb;
                var continuation = _orders.Continuation.Length;
                var targets = Nl2008Reconstruction.TargetBlockCounts;
                int offsetA = 0, offsetB = 0;
                offsetA = Bisect(continuation, k => BlockWins(A, offsetA = k, offsetB) <= targets[0]);
                offsetB = Bisect(_orders.HighB.Length, k => BlockWins(B, offsetA, offsetB = k) <= targets[1]);
                offsetA = Bisect(continuation, k => BlockWins(A, offsetA = k, offsetB) <= targets[0]);
                var fixes = Nl2008Reconstruction.ApplyFixes(new AllocationFixer(Simulate(offsetA, offsetB), _lists, _draw.InBlock));
                if (fixes.Ok && (best is null || fixes.TotalMoves < best.Moves))
                {
                    best = new RangeCalibration(ca, cb, offsetA, offsetB, fixes.TotalMoves);
                }
            }
        }

        return best;
    }

    private int BlockWins(int party, int offsetA, int offsetB)
    {
        var o = Simulate(offsetA, offsetB);
        return _orders.Block.Count(n => o.WinnerOf(n) == party);
    }

    private Core.Model.AllocationOutcome Simulate(int offsetA, int offsetB)
    {
        _lists[A] = _orders.A(offsetA);
        _lists[B] = _orders.B(offsetB);
        return Nl2008Reconstruction.Simulate(_draw.NameCount, _lists, _capacities, _draw.Latencies, _draw.SimulationSeed);
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
}
