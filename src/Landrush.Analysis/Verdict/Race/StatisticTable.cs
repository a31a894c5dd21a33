namespace Landrush.Analysis.Verdict.Race;

/// <summary>
/// The test statistic of <see cref="RaceTest"/> for one race with its nuisance fixed where the restricted fit (multiple
/// at most k) put it: the send order, β and offset that explain the observed losses best at k× or less. What does not
/// depend on the losses (λ·G̃ per cell at every second multiple of the grid) is computed once.
/// </summary>
internal sealed class StatisticTable
{
    private readonly SpanRace _race;
    private readonly RaceCells _cells;
    private readonly int[] _grid;      // indices into SpanRace.Multiples: every second one
    private readonly int _nullTop;     // last position in _grid whose multiple is at most k
    private readonly double[][] _x;    // [grid position][cell]

    public StatisticTable(SpanRace race, RaceSetting nuisance, double k)
    {
        _race = race;
        Nuisance = nuisance;
        _cells = race.CellsOf(nuisance.Order);
        _grid = [.. Enumerable.Range(0, SpanRace.Multiples.Count).Where(g => g % 2 == 0)];
        _nullTop = Math.Max(0, Array.FindLastIndex(_grid, g => SpanRace.Multiples[g] <= k * (1 + 1e-9)));
        _x = new double[_grid.Length][];
        for (var j = 0; j < _grid.Length; j++)
        {
            _x[j] = new double[_cells.Count];
            race.Expected(_cells, race.Timing(nuisance.Beta), race.Offsets[nuisance.Offset], SpanRace.Multiples[_grid[j]], _x[j]);
        }
    }

    /// <summary>The order, β and offset the statistic holds fixed.</summary>
    public RaceSetting Nuisance { get; }

    public RaceCells Cells => _cells;


    /// <summary>2·(max ℓ − max over multiples ≤ k of ℓ) for the losses of <paramref name="cells"/>; out: the grid position of the restricted maximum and its level scales.</summary>
    public double Statistic(RaceCells cells, out int nullAt, out double[] nullScales) => Statistic(cells, out nullAt, out nullScales, out _, out _);

    /// <summary>As the other overload, with the unrestricted maximum's grid position and level scales.</summary>
    public double Statistic(RaceCells cells, out int nullAt, out double[] nullScales, out int bestAt, out double[] bestScales)
    {
        double all = double.NegativeInfinity, restricted = double.NegativeInfinity;
        nullAt = bestAt = 0;
        nullScales = new double[_race.Levels];
        bestScales = new double[_race.Levels];
        var scales = new double[_race.Levels];
        for (var j = 0; j < _grid.Length; j++)
        {
            var l = LevelProfile.Evaluate(cells, _x[j], _race.Sigma, scales);
            if (l > all)
            {
                (all, bestAt) = (l, j);
                scales.CopyTo(bestScales, 0);
            }

            if (j <= _nullTop && l > restricted)
            {
                (restricted, nullAt) = (l, j);
                scales.CopyTo(nullScales, 0);
            }
        }

        return Math.Max(0, 2 * (all - restricted));
    }

    /// <summary>The grid position nearest <paramref name="multiple"/> and the observed losses' level scales there.</summary>
    public (int At, double[] Scales) ProfileAt(double multiple)
    {
        var j = 0;
        for (var i = 1; i < _grid.Length; i++)
        {
            j = Math.Abs(Math.Log(SpanRace.Multiples[_grid[i]] / multiple)) < Math.Abs(Math.Log(SpanRace.Multiples[_grid[j]] / multiple)) ? i : j;
        }

        var scales = new double[_race.Levels];
        LevelProfile.Evaluate(_cells, _x[j], _race.Sigma, scales);
        return (j, scales);
    }

    /// <summary>Per cell the chance of a loss at grid position <paramref name="at"/> and level scales (log) <paramref name="logScale"/>: 1 − e^(−s·x).</summary>
    public double[] LossChance(int at, double[] logScale) =>
        [.. _x[at].Select((x, c) => -double.ExpM1(-Math.Exp(logScale[_cells.Level[c]]) * x))];
}
