namespace Landrush.Analysis.Verdict.Demand;

/// <summary>
/// When the other participants' requests for a name arrive: per want-rate class r, the distribution function
/// Gᵣ(τ) of the arrival time of one competing request, in units of a typical participant's request interval.
/// <para>
/// A request for a name of rate λᵣ comes from list q with probability ∝ its length L_q (a list of L draws holds a
/// given name about L times as often as a list of one). Lists are sent in a weighted random order of weights
/// w = λ^β (Efraimidis–Spirakis: β = 0 uniformly random, β = 1 the more wanted names earlier in proportion, larger β
/// nearly strictly by attractiveness), so the name stands at position E[J_q] = Σ_{m∈q} w_m/(w_m + wᵣ) — over the
/// names q holds (known) and the L_q − h_q it lost (drawn ∝ λ among registered names: their mean term ψ). The
/// request then arrives at Γ(J_q + 1, c_q): the (J+1)-th event of q's stream at capacity c_q, honest capacities
/// log-normal around 1 (σ = <see cref="CapacitySpread"/>). Gᵣ is the mixture over lists, J quantiles, capacities and
/// the Gamma's own spread (Wilson–Hilferty), tabulated on a log grid of τ.
/// </para>
/// </summary>
public sealed class CompetitorTiming
{
    /// <summary>σ of ln c among honest participants (their spread around the typical capacity 1).</summary>
    public const double CapacitySpread = 0.3;

    private const int TauPoints = 400;
    private const double LogTauMin = -6.9; // τ = 0.001
    private const double LogTauMax = 16.2; // τ ≈ 10⁷
    private const int JQuantiles = 64;

    // σ of the Gaussian kernel (in log time) that smooths the mixture: the lists' make-up is estimated, and a
    // staircase of a few dozen quantiles would make the race's likelihood jump as the multiple moves across a step.
    private const double SmoothLogTime = 0.25;

    private static readonly double Step = (LogTauMax - LogTauMin) / (TauPoints - 1);
    private static readonly double[] NormalQuantiles = [.. Enumerable.Range(0, 8).Select(i => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (i + 0.5) / 8))];
    private static readonly (double Factor, double Weight)[] Capacities =
        [(Math.Exp(-CapacitySpread * 1.2247), 1 / 6.0), (1, 2 / 3.0), (Math.Exp(CapacitySpread * 1.2247), 1 / 6.0)];

    private readonly double[][] _g; // per class, per τ point

    private CompetitorTiming(double[][] g, double beta, double listScale)
    {
        _g = g;
        Beta = beta;
        ListScale = listScale;
    }

    /// <summary>The order exponent β the table was built with.</summary>
    public double Beta { get; }

    /// <summary>The lists' length the table was built with, as a multiple of each list's share of Σλ (never below its holdings, <see cref="OthersDemand.ListScales"/>).</summary>
    public double ListScale { get; }

    /// <summary>Classes tabulated.</summary>
    public int Classes => _g.Length;

    /// <summary>Gᵣ(τ): the chance that one competing request for a name of class <paramref name="cls"/> arrived before τ.</summary>
    public double G(int cls, double tau) => tau > 0 ? GAtLog(cls, Math.Log(tau)) : 0;

    /// <summary>Gᵣ at τ = e^<paramref name="logTau"/> (a race's likelihood asks at many times of one position: the logarithm is taken once).</summary>
    public double GAtLog(int cls, double logTau)
    {
        var x = (logTau - LogTauMin) / Step;
        if (!(x > 0))
        {
            return _g[cls][0];
        }

        if (x >= TauPoints - 1)
        {
            return _g[cls][^1];
        }

        var i = (int)x;
        var f = x - i;
        return _g[cls][i] + (f * (_g[cls][i + 1] - _g[cls][i]));
    }

    /// <param name="classRates">λ of each class (a competing request's name).</param>
    /// <param name="lists">The other participants' lists: per list, how many names of each held-name rate it holds
    /// (<paramref name="heldRates"/> gives the rates) and its length L (held and lost).</param>
    /// <param name="heldRates">The distinct rates of held names the lists' counts refer to.</param>
    /// <param name="lostMean">Per class, ψ: the mean of w_m/(w_m + wᵣ) over a lost name m (drawn ∝ λ among registered names).</param>
    /// <param name="beta">The order exponent β.</param>
    /// <param name="listScale">The lists' length they were drawn at, as a multiple of each list's share of Σλ (a label: the
    /// lengths are in <paramref name="lists"/>).</param>
    public static CompetitorTiming Build(IReadOnlyList<double> classRates, IReadOnlyList<(int[] HeldCounts, double Length)> lists,
        IReadOnlyList<double> heldRates, IReadOnlyList<double> lostMean, double beta, double listScale)
    {
        ArgumentNullException.ThrowIfNull(classRates);
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(heldRates);
        ArgumentNullException.ThrowIfNull(lostMean);
        var heldWeights = heldRates.Select(r => Weight(r, beta)).ToArray();
        var g = new double[classRates.Count][];
        var sample = new List<(double J, double Weight)>(lists.Count);
        for (var r = 0; r < classRates.Count; r++)
        {
            var w = Weight(classRates[r], beta);
            sample.Clear();
            foreach (var (counts, length) in lists)
            {
                double before = 0, held = 0;
                for (var c = 0; c < counts.Length; c++)
                {
                    if (counts[c] > 0)
                    {
                        before += counts[c] * heldWeights[c] / (heldWeights[c] + w);
                        held += counts[c];
                    }
                }

                before += Math.Max(0, length - held) * lostMean[r];
                // The name itself is in the list: half of its own term is not "before" it.
                sample.Add((Math.Max(0, before - 0.5), length));
            }

            g[r] = Tabulate(Quantiles(sample));
        }

        return new CompetitorTiming(g, beta, listScale);
    }

    /// <summary>The order weight w = λ^β (β = 0: every name alike).</summary>
    public static double Weight(double rate, double beta) => beta == 0 ? 1 : Math.Pow(Math.Max(rate, 1e-12), beta);

    private static double[] Quantiles(List<(double J, double Weight)> sample)
    {
        if (sample.Count == 0)
        {
            return [.. Enumerable.Repeat(0.0, JQuantiles)];
        }

        sample.Sort(static (a, b) => a.J.CompareTo(b.J));
        var total = sample.Sum(s => s.Weight);
        var result = new double[JQuantiles];
        var i = 0;
        var cumulative = sample[0].Weight;
        for (var q = 0; q < JQuantiles; q++)
        {
            var target = (q + 0.5) / JQuantiles * total;
            while (cumulative < target && i < sample.Count - 1)
            {
                cumulative += sample[++i].Weight;
            }

            result[q] = sample[i].J;
        }

        return result;
    }

    // The distribution function convolved with a Gaussian in log time (a smoothed CDF is still a CDF).
    private static double[] Smooth(double[] cdf)
    {
        var half = (int)Math.Ceiling(3 * SmoothLogTime / Step);
        var kernel = Enumerable.Range(-half, (2 * half) + 1).Select(d => Math.Exp(-0.5 * Math.Pow(d * Step / SmoothLogTime, 2))).ToArray();
        var total = kernel.Sum();
        var smooth = new double[cdf.Length];
        for (var i = 0; i < cdf.Length; i++)
        {
            double sum = 0;
            for (var d = -half; d <= half; d++)
            {
                sum += kernel[d + half] * cdf[Math.Clamp(i - d, 0, cdf.Length - 1)];
            }

            smooth[i] = sum / total;
        }

        return smooth;
    }

    // The mixture's distribution function on the τ grid: arrival times Γ(J+1, c) by Wilson–Hilferty quantiles.
    private static double[] Tabulate(double[] jQuantiles)
    {
        var times = new List<(double LogT, double Weight)>(jQuantiles.Length * NormalQuantiles.Length * Capacities.Length);
        foreach (var j in jQuantiles)
        {
            var a = j + 1;
            foreach (var z in NormalQuantiles)
            {
                var cube = 1 - (1 / (9 * a)) + (z / (3 * Math.Sqrt(a)));
                var t = a * Math.Max(cube, 0.05) * Math.Max(cube, 0.05) * Math.Max(cube, 0.05);
                foreach (var (factor, weight) in Capacities)
                {
                    times.Add((Math.Log(t / factor), weight / (jQuantiles.Length * NormalQuantiles.Length)));
                }
            }
        }

        times.Sort(static (x, y) => x.LogT.CompareTo(y.LogT));
        var table = new double[TauPoints];
        var k = 0;
        double cumulative = 0;
        for (var i = 0; i < TauPoints; i++)
        {
            var logTau = LogTauMin + (i * Step);
            while (k < times.Count && times[k].LogT <= logTau)
            {
                cumulative += times[k++].Weight;
            }

            table[i] = Math.Min(1, cumulative);
        }

        return Smooth(table);
    }
}
