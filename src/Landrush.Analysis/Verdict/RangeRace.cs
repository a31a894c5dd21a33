using Landrush.Analysis.NullModels;
using Landrush.Core.Model;
using MathNet.Numerics;

namespace Landrush.Analysis.Verdict;

/// <summary>
/// The race a range party runs through its blocks, the evidence for its capacity. The party sends its list in
/// order; its request at position k arrives at Γ(k+1, c). Another participant wanted the name at position k
/// with probability ∝ πₖ (the want rate the attractiveness model fits outside all blocks, where no range party
/// competes), and that request arrives at Γ(1 + J, 1): a typical participant at capacity 1, J the position in
/// its list of a request drawn from all the small parties' inferred requests. The party loses the name when
/// the other request comes first, with probability ρₖ(c) = P(Γ(1+J, 1) &lt; Γ(k+1, c)) = E_J[I_{1/(1+c)}(J+1, k+1)]
/// (the first J+1 events of a rate-1 stream beat the first k+1 of a rate-c stream).
/// <para>
/// What the data show is which names of its list it lost. The level of others' demand is uncertain, so it is
/// profiled out: with losses Poisson of mean s·πₖ·ρₖ(c), the profile log-likelihood is
/// ℓ(c) = Σ_lost ln ρₖ(c) − L·ln Σₖ πₖ ρₖ(c): only where in the list the losses fall speaks to c (a fast party
/// loses only names deep in its list). Simulation (<see cref="SimulateEstimates"/>) runs the whole race, the
/// correlated arrival times included, to calibrate the estimate.
/// </para>
/// </summary>
public sealed class RangeRace
{
    // Competitor positions are summarised by this many equal-mass quantiles; the k axis by a geometric grid.
    private const int JBuckets = 16;
    private const int KPoints = 80;

    private readonly double[] _want;
    private readonly int[] _lost;
    private readonly int[] _competitorPositions;
    private readonly double[] _jBuckets;
    private readonly int[] _kGrid;
    private readonly double[][] _logRho;      // per multiple on CapacityFit's grid, per k-grid point: ln ρ
    private readonly double[] _expectedLevel; // per multiple: Σ πₖ ρₖ(c)

    /// <param name="wantProbability">πₖ per position of the party's list, in send order.</param>
    /// <param name="lostAt">Per position: whether someone else holds that name.</param>
    /// <param name="competitorListSizes">The other participants' list lengths.</param>
    public RangeRace(IReadOnlyList<double> wantProbability, IReadOnlyList<bool> lostAt, IReadOnlyList<int> competitorListSizes)
    {
        ArgumentNullException.ThrowIfNull(wantProbability);
        ArgumentNullException.ThrowIfNull(lostAt);
        ArgumentNullException.ThrowIfNull(competitorListSizes);
        if (lostAt.Count != wantProbability.Count)
        {
            throw new ArgumentException("one loss flag per position", nameof(lostAt));
        }

        _want = [.. wantProbability];
        _lost = [.. Enumerable.Range(0, lostAt.Count).Where(k => lostAt[k])];
        // Every request of every competitor by its position in its list: a uniform pick here is a uniform pick
        // among all requests, so long lists (which send late) weigh as much as their length.
        _competitorPositions = [.. competitorListSizes.Where(s => s > 0).SelectMany(s => Enumerable.Range(0, s))];
        if (_competitorPositions.Length == 0)
        {
            _competitorPositions = [0];
        }

        var sorted = _competitorPositions.Order().ToArray();
        _jBuckets = [.. Enumerable.Range(0, JBuckets).Select(b => (double)sorted[(int)((b + 0.5) / JBuckets * sorted.Length)])];
        var positions = Math.Max(1, _want.Length);
        _kGrid = [.. Enumerable.Range(0, KPoints).Select(i => (int)Math.Round(Math.Exp(Math.Log(positions) * i / (KPoints - 1))) - 1)
            .Prepend(0).Distinct().Order()];
        var grid = CapacityFit.GridMultiples;
        _logRho = new double[grid.Count][];
        _expectedLevel = new double[grid.Count];
        for (var g = 0; g < grid.Count; g++)
        {
            var p = 1 / (1 + grid[g]);
            _logRho[g] = [.. _kGrid.Select(k => Math.Log(Math.Max(1e-300, _jBuckets.Average(j => SpecialFunctions.BetaRegularized(j + 1, k + 1, p)))))];
            double level = 0;
            for (var k = 0; k < _want.Length; k++)
            {
                level += _want[k] * Math.Exp(LogRho(g, k));
            }

            _expectedLevel[g] = level;
        }
    }

    public int Positions => _want.Length;

    public int ObservedLosses => _lost.Length;

    /// <summary>Expected number of list names others wanted, at the fitted want rate before profiling (Σπₖ).</summary>
    public double ExpectedWanted => _want.Sum();

    /// <summary>Mean position of a competing request in its list.</summary>
    public double MeanCompetitorPosition => _competitorPositions.Average();

    /// <summary>The profile log-likelihood ℓ(c) on <see cref="CapacityFit.GridMultiples"/> for the observed losses.</summary>
    public double[] ProfileLogLikelihood() => Profile(_lost);

    /// <summary>Demand level s that makes the expected losses at grid multiple <paramref name="g"/> equal the observed.</summary>
    public double LevelAt(int g) => _expectedLevel[g] > 0 ? _lost.Length / _expectedLevel[g] : 0;

    /// <summary>
    /// Runs the whole race <paramref name="sims"/> times at grid multiple <paramref name="g"/> with others'
    /// demand scaled by <see cref="LevelAt"/> (the level the data give under that multiple) and returns the
    /// capacity estimate of each run (<see cref="CapacityFit.Estimate"/>; NaN when a run lost nothing).
    /// </summary>
    public double[] SimulateEstimates(int g, int sims, long seed, ulong stream, CancellationToken cancellationToken = default)
    {
        var multiple = CapacityFit.GridMultiples[g];
        var want = _want.Select(w => Math.Min(1, w * LevelAt(g))).ToArray();
        var estimates = new double[sims];
        MonteCarlo.For(sims, seed, stream, () => new List<int>(), (run, rng, source, lost) =>
        {
            lost.Clear();
            var t = 0.0;
            for (var k = 0; k < want.Length; k++)
            {
                t += rng.NextExponential(multiple);
                if (rng.NextDouble() < want[k] && CompetitorArrival(rng, source) < t)
                {
                    lost.Add(k);
                }
            }

            estimates[run] = lost.Count == 0 ? double.NaN : CapacityFit.Estimate(Profile(lost)).Multiple;
        }, cancellationToken);
        return estimates;
    }

    private double[] Profile(IReadOnlyList<int> lost)
    {
        var grid = CapacityFit.GridMultiples;
        var l = new double[grid.Count];
        for (var g = 0; g < grid.Count; g++)
        {
            double sum = 0;
            foreach (var k in lost)
            {
                sum += LogRho(g, k);
            }

            l[g] = sum - (lost.Count * Math.Log(Math.Max(1e-300, _expectedLevel[g])));
        }

        return l;
    }

    // ln ρₖ at grid multiple g, linear between the k-grid points.
    private double LogRho(int g, int k)
    {
        var i = Array.BinarySearch(_kGrid, k);
        if (i >= 0)
        {
            return _logRho[g][i];
        }

        i = ~i;
        if (i >= _kGrid.Length)
        {
            return _logRho[g][^1];
        }

        var f = (double)(k - _kGrid[i - 1]) / (_kGrid[i] - _kGrid[i - 1]);
        return _logRho[g][i - 1] + (f * (_logRho[g][i] - _logRho[g][i - 1]));
    }

    private double CompetitorArrival(SeededRandom rng, SeededRandomSource source)
    {
        var shape = 1 + _competitorPositions[rng.NextInt(_competitorPositions.Length)];
        if (shape <= 12)
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
