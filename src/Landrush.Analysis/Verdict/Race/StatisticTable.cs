namespace Landrush.Analysis.Verdict.Race;

/// <summary>
/// The test statistic of <see cref="RaceTest"/> for one race: the profile likelihood ratio over the multiple, the send
/// orders, competitor timings and offsets worth comparing (the default order and no offset, and those the unrestricted and the restricted
/// fit chose), with each kind's level profiled. What does not depend on the losses (λ·G̃ per cell for every setting, at every second
/// multiple of the grid) is computed once, so that the statistic of a simulated race is as cheap as it can be.
/// </summary>
internal sealed class StatisticTable
{
    private readonly SpanRace _race;
    private readonly int[] _orders;            // orders compared (indices into the race's orders)
    private readonly int[] _timings;           // competitor timing indices (β and the lists' length)
    private readonly int[] _offsets;           // offset indices
    private readonly int[] _grid;              // indices into SpanRace.Multiples: every second one
    private readonly int _nullTop;             // last position in _grid whose multiple is at most k
    private readonly double[][][][][] _x;      // [order][timing][offset][grid position][cell]

    public StatisticTable(SpanRace race, RaceFit fit, double k)
    {
        _race = race;
        var restricted = fit.BestAtMost(k);
        _orders = [.. new[] { 0, fit.BestSetting.Order, restricted.Order }.Distinct()];
        // The nuisance the fits chose, under H0 and without it: a simulated race is profiled over the same choices.
        _timings = [.. new[] { fit.BestSetting.Timing, restricted.Timing }.Distinct().Order()];
        _offsets = [.. new[] { 0, fit.BestSetting.Offset, restricted.Offset }.Distinct().Order()];
        _grid = [.. Enumerable.Range(0, SpanRace.Multiples.Count).Where(g => g % 2 == 0)];
        _nullTop = Math.Max(0, Array.FindLastIndex(_grid, g => SpanRace.Multiples[g] <= k * (1 + 1e-9)));
        _x = new double[_orders.Length][][][][];
        for (var a = 0; a < _orders.Length; a++)
        {
            var cells = race.CellsOf(_orders[a]);
            _x[a] = new double[_timings.Length][][][];
            for (var b = 0; b < _timings.Length; b++)
            {
                _x[a][b] = new double[_offsets.Length][][];
                for (var o = 0; o < _offsets.Length; o++)
                {
                    _x[a][b][o] = new double[_grid.Length][];
                    for (var j = 0; j < _grid.Length; j++)
                    {
                        _x[a][b][o][j] = new double[cells.Count];
                        race.Expected(cells, race.Timing(_timings[b]), race.Offsets[_offsets[o]], SpanRace.Multiples[_grid[j]], _x[a][b][o][j]);
                    }
                }
            }
        }
    }

    /// <summary>Names in the race.</summary>
    public int Names => _race.Names;

    /// <summary>
    /// The statistic for per-name losses (<paramref name="lostByName"/>, in the default order's list; null: the observed
    /// ones); out: the settings and level scales of the restricted and the unrestricted maximum.
    /// </summary>
    public double Statistic(bool[]? lostByName, out RaceSetting nullSetting, out double[] nullScales, out RaceSetting bestSetting, out double[] bestScales)
    {
        double all = double.NegativeInfinity, restricted = double.NegativeInfinity;
        nullSetting = bestSetting = default;
        nullScales = new double[_race.Levels];
        bestScales = new double[_race.Levels];
        var scales = new double[_race.Levels];
        for (var a = 0; a < _orders.Length; a++)
        {
            var cells = Losses(_orders[a], lostByName);
            var penalty = _orders[a] == 0 ? 0 : SpanRace.OrderPenalty;
            for (var b = 0; b < _timings.Length; b++)
            {
                for (var o = 0; o < _offsets.Length; o++)
                {
                    Array.Clear(scales);
                    for (var j = 0; j < _grid.Length; j++)
                    {
                        var l = LevelProfile.Evaluate(cells, _x[a][b][o][j], _race.Sigma, scales, _race.Weights(_orders[a])) - penalty;
                        if (l > all)
                        {
                            (all, bestSetting) = (l, new RaceSetting(_orders[a], _timings[b], _offsets[o], _grid[j]));
                            scales.CopyTo(bestScales, 0);
                        }

                        if (j <= _nullTop && l > restricted)
                        {
                            (restricted, nullSetting) = (l, new RaceSetting(_orders[a], _timings[b], _offsets[o], _grid[j]));
                            scales.CopyTo(nullScales, 0);
                        }
                    }
                }
            }
        }

        return Math.Max(0, 2 * (all - restricted));
    }

    /// <summary>
    /// Per name (default order's list) the chance of a loss at a setting and level scales (log): 1 − e^(−s·x); at
    /// <paramref name="multiple"/> instead of the setting's when given.
    /// </summary>
    public double[] LossChance(RaceSetting setting, double[] logScale, double? multiple = null)
    {
        var cells = _race.CellsOf(setting.Order);
        var x = new double[cells.Count];
        _race.Expected(cells, _race.Timing(setting.Timing), _race.Offsets[setting.Offset], multiple ?? SpanRace.Multiples[setting.Multiple], x);
        var cellOf = _race.CellOfName(setting.Order);
        var chance = new double[cellOf.Length];
        for (var i = 0; i < cellOf.Length; i++)
        {
            chance[i] = -double.ExpM1(-Math.Exp(logScale[cells.Level[cellOf[i]]]) * x[cellOf[i]]);
        }

        return chance;
    }

    /// <summary>Per name (default order's list): its position band in <paramref name="order"/>.</summary>
    public int[] BandOfName(int order)
    {
        var cells = _race.CellsOf(order);
        return [.. _race.CellOfName(order).Select(c => cells.Band[c])];
    }

    /// <summary>Per position band: its lumpiness σ (<see cref="Demand.OthersDemand.BandSigma"/>).</summary>
    public double[] BandSigma => _race.BandSigma.ToArray();

    // The cells of an order with the given per-name losses (the observed ones when null).
    private RaceCells Losses(int order, bool[]? lostByName)
    {
        var cells = _race.CellsOf(order);
        if (lostByName is null)
        {
            return cells;
        }

        var lost = new int[cells.Count];
        var cellOf = _race.CellOfName(order);
        for (var i = 0; i < lostByName.Length; i++)
        {
            lost[cellOf[i]] += lostByName[i] ? 1 : 0;
        }

        return cells.WithLosses(lost);
    }
}
