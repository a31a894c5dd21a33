using Landrush.Analysis.NullModels;
using Landrush.Core.Model;
using MathNet.Numerics;

namespace Landrush.Analysis.Verdict;

/// <summary>
/// The race a range party runs through its blocks, the evidence for its capacity. The party sends its list in
/// order; its request at position k arrives at Γ(k+1, c). Others asked for the name at position k a Poisson
/// number of times with mean s·λₖ (λₖ the want rate the attractiveness model calibrates outside all blocks, where
/// no range party competes and a wanted name is always registered; s a level scale, below), each request arriving
/// at Γ(1 + J, 1): a typical participant at capacity 1, J the position of that name in its list. The party loses
/// the name when some other request comes first, i.e. when at least one of the Poisson(s·λₖ·Fₖ(c)) requests that
/// beat it exists, Fₖ(c) = P(Γ(1+J, 1) &lt; Γ(k+1, c)) = E_J[I_{1/(1+c)}(J+1, k+1)] (the first J+1 events of a
/// rate-1 stream beat the first k+1 of a rate-c stream).
/// <para>
/// Two signals speak to c: how many of the names others wanted it lost (the level: a fast party keeps names a
/// slow one loses) and where in its list the losses fall (a fast party loses only names deep in its list). The
/// level is only as good as the calibration of λ, so each class of positions (a name length) has its own level
/// scale s with a log-normal prior ln s ~ N(0, σ²), σ measured by how well λ predicts windows of that length
/// outside the blocks; a length the outside cannot calibrate has a free level (σ = ∞: position signal only).
/// With μₖ(c) = 1 − e^(−λₖFₖ(c)) the chance of a loss at the calibrated level, the losses of a class are taken
/// as Poisson with means s·μₖ (exact in the mean at s = 1; a loss is counted once), and the log-likelihood is
/// profiled over the scales: ℓ(c) = Σ_classes max_s [Σ_lost ln(s·μₖ) − s·Σ_all μₖ − (ln s)²/(2σ²)].
/// Simulation (<see cref="SimulateEstimates"/>) runs the whole race, the correlated arrival times included,
/// to calibrate the test.
/// </para>
/// </summary>
public sealed class RangeRace
{
    // Competitor positions are summarised by this many equal-mass quantiles; the k axis by a geometric grid.
    private const int JBuckets = 16;
    private const int KPoints = 80;

    private readonly double[] _rate;
    private readonly bool _anyOrder;
    private readonly int[] _class;
    private readonly double[] _sigma;
    private readonly int[] _lost;
    private readonly double[] _jBuckets;
    private readonly int[] _kGrid;
    private readonly double[][] _f;       // per multiple on CapacityFit's grid, per k-grid point: Fₖ(c)
    private readonly float[][] _logMu;    // per multiple, per position: ln μₖ(c), μₖ = 1 − e^(−λₖFₖ(c))
    private readonly double[][] _mass;    // per multiple, per class: Σₖ μₖ(c)

    /// <param name="wantRate">λₖ per position of the party's list, in send order: others' expected requests for that name.</param>
    /// <param name="lostAt">Per position: whether someone else holds that name.</param>
    /// <param name="competitorPositions">Positions J (0 = first) at which other participants' requests for these names
    /// stood in their lists: a sample, each element equally likely.</param>
    /// <param name="levelClass">Per position its level class (0, 1, …); null: one class.</param>
    /// <param name="levelSigma">Per class σ of the prior on ln s; +∞ for a free level; null: every class free.</param>
    /// <param name="anyOrder">The party sent its list in an unknown order (the level-only reading): Fₖ(c) is replaced by
    /// its average over the positions and the likelihood reads only how many names of each level class it lost
    /// (Poisson with mean s·Σₖ μₖ), not which: with a free level such a class says nothing about c.</param>
    public RangeRace(IReadOnlyList<double> wantRate, IReadOnlyList<bool> lostAt, IReadOnlyList<double> competitorPositions,
        IReadOnlyList<int>? levelClass = null, IReadOnlyList<double>? levelSigma = null, bool anyOrder = false)
    {
        _anyOrder = anyOrder;
        ArgumentNullException.ThrowIfNull(wantRate);
        ArgumentNullException.ThrowIfNull(lostAt);
        ArgumentNullException.ThrowIfNull(competitorPositions);
        if (lostAt.Count != wantRate.Count || (levelClass is not null && levelClass.Count != wantRate.Count))
        {
            throw new ArgumentException("one loss flag and one class per position", nameof(lostAt));
        }

        _rate = [.. wantRate.Select(r => Math.Max(0, r))];
        _class = levelClass is null ? new int[_rate.Length] : [.. levelClass];
        var classes = _class.Length == 0 ? 1 : _class.Max() + 1;
        _sigma = levelSigma is null ? [.. Enumerable.Repeat(double.PositiveInfinity, classes)] : [.. levelSigma];
        if (_sigma.Length < classes || _sigma.Any(s => !(s > 0)))
        {
            throw new ArgumentException("one positive σ per class", nameof(levelSigma));
        }

        _lost = [.. Enumerable.Range(0, lostAt.Count).Where(k => lostAt[k] && _rate[k] > 0)];
        var sorted = competitorPositions.Where(j => j >= 0).Order().ToArray();
        if (sorted.Length == 0)
        {
            sorted = [0];
        }

        MeanCompetitorPosition = sorted.Average();
        _jBuckets = [.. Enumerable.Range(0, JBuckets).Select(b => sorted[(int)((b + 0.5) / JBuckets * sorted.Length)])];
        var positions = Math.Max(1, _rate.Length);
        _kGrid = [.. Enumerable.Range(0, KPoints).Select(i => (int)Math.Round(Math.Exp(Math.Log(positions) * i / (KPoints - 1))) - 1)
            .Prepend(0).Distinct().Order()];
        var grid = CapacityFit.GridMultiples;
        _f = new double[grid.Count][];
        _logMu = new float[grid.Count][];
        _mass = new double[grid.Count][];
        for (var g = 0; g < grid.Count; g++)
        {
            var p = 1 / (1 + grid[g]);
            var f = _f[g] = new double[_kGrid.Length];
            for (var i = 0; i < _kGrid.Length; i++)
            {
                f[i] = _jBuckets.Average(j => SpecialFunctions.BetaRegularized(j + 1, _kGrid[i] + 1, p));
            }

            if (anyOrder)
            {
                var mean = Enumerable.Range(0, _rate.Length).Average(k => Interpolate(f, k));
                Array.Fill(f, mean);
            }

            var logMu = _logMu[g] = new float[_rate.Length];
            var mass = _mass[g] = new double[classes];
            for (var k = 0; k < _rate.Length; k++)
            {
                // The chance that at least one request beat it at the calibrated level: a loss is counted once.
                var mu = -double.ExpM1(-_rate[k] * Interpolate(f, k));
                mass[_class[k]] += mu;
                logMu[k] = (float)Math.Log(Math.Max(1e-300, mu));
            }
        }
    }

    public int Positions => _rate.Length;

    /// <summary>Per level class: σ of the prior on its log level (+∞: free).</summary>
    public IReadOnlyList<double> LevelSigmas => _sigma;

    /// <summary>Per position of the list: its level class.</summary>
    public IReadOnlyList<int> LevelClasses => _class;

    public int ObservedLosses => _lost.Length;

    /// <summary>Expected number of list names others wanted (Σ 1 − e^(−λₖ)): the losses of a party that came last everywhere.</summary>
    public double ExpectedWanted => _rate.Sum(r => -double.ExpM1(-r));

    /// <summary>Mean position of a competing request in its list.</summary>
    public double MeanCompetitorPosition { get; }

    /// <summary>Whether this is the level-only reading (list sent in an unknown order).</summary>
    public bool AnyOrder => _anyOrder;

    /// <summary>The profile log-likelihood ℓ(c) on <see cref="CapacityFit.GridMultiples"/> for the observed losses.</summary>
    public double[] LogLikelihood() => LogLikelihood(_lost, null);

    /// <summary>
    /// The profile log-likelihood of which positions were lost, whatever the reading: for the level-only reading the
    /// names' chances with Fₖ averaged over the positions (a uniformly random send order). Comparable with the
    /// index-order reading's <see cref="LogLikelihood()"/> of the same list: the send-order check.
    /// </summary>
    public double[] PositionLogLikelihood() => LogLikelihood(_lost, null, countsOnly: false);

    /// <summary>Expected losses at grid multiple <paramref name="g"/> at the calibrated level (s = 1): Σₖ 1 − e^(−λₖFₖ(c)).</summary>
    public double ExpectedLosses(int g) => ExpectedLosses(g, 0, _rate.Length);

    /// <summary>Expected losses among positions [<paramref name="from"/>, <paramref name="to"/>) at grid multiple <paramref name="g"/> and the calibrated level.</summary>
    public double ExpectedLosses(int g, int from, int to)
    {
        double sum = 0;
        for (var k = Math.Max(0, from); k < Math.Min(to, _rate.Length); k++)
        {
            sum += -double.ExpM1(-_rate[k] * Interpolate(_f[g], k));
        }

        return sum;
    }

    /// <summary>
    /// Runs the whole race <paramref name="sims"/> times at grid multiple <paramref name="g"/> (the party's
    /// requests a Poisson stream at that multiple; others' requests Poisson in number with mean s·λₖ, s the level
    /// the observed losses give at that multiple, each at a typical pace from a position drawn among the
    /// competitor positions) and returns the capacity estimate of each run (<see cref="CapacityFit.Estimate"/>).
    /// </summary>
    public double[] SimulateEstimates(int g, int sims, long seed, ulong stream, CancellationToken cancellationToken = default)
    {
        var multiple = CapacityFit.GridMultiples[g];
        var scales = new double[_sigma.Length];
        LogLikelihood(_lost, (g, scales));
        var rate = _rate.Select((r, k) => r * scales[_class[k]]).ToArray();
        var estimates = new double[sims];
        MonteCarlo.For(sims, seed, stream, () => (Lost: new List<int>(), Order: Enumerable.Range(0, rate.Length).ToArray()), (run, rng, source, state) =>
        {
            var (lost, order) = state;
            lost.Clear();
            if (_anyOrder)
            {
                // In an unknown order: send the names in a fresh uniformly random order (Fisher–Yates from the
                // identity, so a run's order depends on its own draws only, never on the worker's previous run).
                for (var i = 0; i < order.Length; i++)
                {
                    order[i] = i;
                }

                for (var i = order.Length - 1; i > 0; i--)
                {
                    var j = rng.NextInt(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }
            }

            var t = 0.0;
            for (var step = 0; step < rate.Length; step++)
            {
                var k = order[step];
                t += rng.NextExponential(multiple);
                var others = Poisson(rng, rate[k]);
                for (var o = 0; o < others; o++)
                {
                    if (CompetitorArrival(rng, source) < t)
                    {
                        lost.Add(k);
                        break;
                    }
                }
            }

            estimates[run] = CapacityFit.Estimate(LogLikelihood(lost, null)).Multiple;
        }, cancellationToken);
        return estimates;
    }

    // Profile log-likelihood per grid multiple; when `scalesAt` is given, also the profiled scales at that multiple.
    private double[] LogLikelihood(IReadOnlyList<int> lost, (int G, double[] Scales)? scalesAt) => LogLikelihood(lost, scalesAt, _anyOrder);

    // countsOnly: per class only the number of losses speaks (Poisson with mean s·Σμ), not which names they were.
    private double[] LogLikelihood(IReadOnlyList<int> lost, (int G, double[] Scales)? scalesAt, bool countsOnly)
    {
        var grid = CapacityFit.GridMultiples;
        var classes = _sigma.Length;
        Span<double> sumLog = stackalloc double[classes];
        Span<int> count = stackalloc int[classes];
        var l = new double[grid.Count];
        for (var g = 0; g < grid.Count; g++)
        {
            sumLog.Clear();
            count.Clear();
            var logMu = _logMu[g];
            foreach (var k in lost)
            {
                sumLog[_class[k]] += logMu[k];
                count[_class[k]]++;
            }

            double total = 0;
            for (var c = 0; c < classes; c++)
            {
                var u = ProfileLogScale(count[c], _mass[g][c], _sigma[c]);
                if (scalesAt is { } at && at.G == g)
                {
                    at.Scales[c] = Math.Exp(u);
                }

                if (count[c] == 0 && double.IsPositiveInfinity(_sigma[c]))
                {
                    continue; // a free level with no loss: s → 0, no information on c
                }

                var data = countsOnly ? count[c] * Math.Log(Math.Max(1e-300, _mass[g][c])) : sumLog[c];
                total += data + (count[c] * u) - (Math.Exp(u) * _mass[g][c]) - (double.IsPositiveInfinity(_sigma[c]) ? 0 : u * u / (2 * _sigma[c] * _sigma[c]));
            }

            l[g] = total;
        }

        return l;
    }

    /// <summary>
    /// ln s maximising n·ln s − s·m − (ln s)²/(2σ²): n/m with a free level (σ = ∞), else the root of
    /// n − m·e^u − u/σ² = 0 by Newton's method (the function is concave in u).
    /// </summary>
    public static double ProfileLogScale(int n, double m, double sigma)
    {
        if (double.IsPositiveInfinity(sigma))
        {
            return n == 0 || m <= 0 ? -30 : Math.Log(n / m);
        }

        var inverse = 1 / (sigma * sigma);
        var u = n > 0 && m > 0 ? Math.Clamp(Math.Log(n / m), -5 * sigma, 5 * sigma) : 0;
        for (var i = 0; i < 50; i++)
        {
            var e = m * Math.Exp(u);
            var step = (n - e - (u * inverse)) / (e + inverse);
            u += step;
            if (Math.Abs(step) < 1e-10)
            {
                break;
            }
        }

        return u;
    }

    // F at position k, linear between the k-grid points.
    private double Interpolate(double[] f, int k)
    {
        var i = Array.BinarySearch(_kGrid, k);
        if (i >= 0)
        {
            return f[i];
        }

        i = ~i;
        if (i >= _kGrid.Length)
        {
            return f[^1];
        }

        var w = (double)(k - _kGrid[i - 1]) / (_kGrid[i] - _kGrid[i - 1]);
        return f[i - 1] + (w * (f[i] - f[i - 1]));
    }

    // Knuth's product method; the want rates are a few at most (capped in the fit).
    private static int Poisson(SeededRandom rng, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-Math.Min(mean, 30));
        var count = 0;
        var product = rng.NextDouble();
        while (product > limit)
        {
            count++;
            product *= rng.NextDouble();
        }

        return count;
    }

    private double CompetitorArrival(SeededRandom rng, SeededRandomSource source)
    {
        var shape = 1 + _jBuckets[rng.NextInt(JBuckets)];
        if (shape <= 12 && shape == Math.Floor(shape))
        {
            var product = rng.NextDoubleNonZero();
            for (var i = 1; i < shape; i++)
            {
                product *= rng.NextDoubleNonZero();
            }

            return -Math.Log(product);
        }

        return MathNet.Numerics.Distributions.Gamma.Sample(source, shape, 1.0);
    }
}
