namespace Landrush.Analysis.Verdict.Race;

/// <summary>
/// The race's log-likelihood at one setting of capacity, offset and order, profiled over the level of others'
/// demand. A name of the party's list is lost when at least one competing request beat it; with x = λ·G̃ the
/// expected number of such requests at the calibrated level and s the level's scale, P(lost) = 1 − e^(−s·x). Per
/// level class (label length) the scale has a log-normal prior ln s ~ N(0, σ²), σ measured outside the spans
/// (<see cref="Demand.OthersDemand.LevelSigma(Func{int, bool}, int)"/>); σ = ∞ leaves it free. The profile is
/// ℓ = Σ_classes max_u [Σ_cells Lost·ln(1 − e^(−x·eᵘ)) − Won·x·eᵘ − u²/(2σ²)], concave in u, by Newton's method.
/// A level the outside cannot calibrate, or measures no better (σ at its cap,
/// <see cref="Demand.OthersDemand.UncalibratedSigma"/>), is held only from above (no prior for u &lt; 0): the features'
/// level there is an extrapolation, often from the few names beside the spans, which are the head of a list its sender
/// lost. Fewer losses than it expects are then read as less demand before they are read as speed: the 0.65× party of
/// <c>ListRereadTests</c>, which asked for every four-digit label, read 132× with the prior both ways. Demand above the
/// extrapolation keeps the prior: unbounded, it would turn any rise of losses along a list into a knee of speed.
/// <para>
/// Demand is lumpier than the features say (a run of numbers someone wanted, a block nobody did): a position band's
/// losses vary more than binomially, by the relative variance v that windows of the band's size show outside the
/// spans (<see cref="Demand.OthersDemand.BandSigma(int, IReadOnlyList{int})"/>, v = e^(σ²) − 1). Each band's terms are weighted by
/// 1/φ, φ = 1 + v·μ, μ its expected losses (quasi-likelihood for a Poisson–log-normal count, variance μ + v·μ²), so
/// a bend of the losses that lumpy demand alone makes as often is not read as speed; the races the tests simulate
/// draw that lumpiness. μ comes from a pilot fit without lumps and is then held fixed (<see cref="SpanRace"/>): weights
/// that moved with the setting would favour settings for how they weigh the data, not for how they explain it.
/// </para>
/// </summary>
internal static class LevelProfile
{
    private const double MaxLogScale = 12;
    private const double MinX = 1e-12;

    /// <summary>The profiled log-likelihood, demand not lumpy; <paramref name="logScale"/> holds each class's u (in: a warm start, out: the maximum).</summary>
    public static double Evaluate(RaceCells cells, ReadOnlySpan<double> x, ReadOnlySpan<double> sigma, Span<double> logScale) =>
        Evaluate(cells, x, sigma, logScale, []);

    /// <summary>
    /// The profiled quasi-log-likelihood: each cell's terms times <paramref name="weight"/> (1/φ of its band, see the
    /// class summary; empty: every cell at 1).
    /// </summary>
    public static double Evaluate(RaceCells cells, ReadOnlySpan<double> x, ReadOnlySpan<double> sigma, Span<double> logScale, ReadOnlySpan<double> weight)
    {
        double total = 0;
        for (var level = 0; level < cells.Levels; level++)
        {
            total += Maximize(cells, x, weight, cells.LevelCells[level], sigma[level], ref logScale[level]);
        }

        return total;
    }

    /// <summary>
    /// Per cell, 1/φ of its band: φ = 1 + (e^(σ²) − 1)·μ, σ the band's lumpiness (<paramref name="bandSigma"/>) and μ its
    /// expected losses (<paramref name="expectedLosses"/>, per band).
    /// </summary>
    public static double[] Weights(RaceCells cells, ReadOnlySpan<double> bandSigma, ReadOnlySpan<double> expectedLosses)
    {
        var weight = new double[cells.Count];
        for (var b = 0; b < cells.BandCells.Length; b++)
        {
            var w = 1 / (1 + (double.ExpM1(bandSigma[b] * bandSigma[b]) * expectedLosses[b]));
            foreach (var c in cells.BandCells[b])
            {
                weight[c] = w;
            }
        }

        return weight;
    }

    /// <summary>
    /// h(y) = y/(e^y − 1) and y·h'(y): the first and second derivatives of ln(1 − e^(−y)) in ln y, y·e^(t) differentiated
    /// in t (the level's u here, u + b·z in <see cref="OrderScreen"/>).
    /// </summary>
    internal static (double H, double YH) Derivatives(double y)
    {
        if (y < 1e-4)
        {
            // Series: the closed forms cancel catastrophically for tiny y.
            return (1 - (y / 2), (-y / 2) + (y * y / 6));
        }

        if (y < 30)
        {
            var em1 = double.ExpM1(y);
            return (y / em1, y * (em1 - (y * (em1 + 1))) / (em1 * em1));
        }

        // e^y ≫ 1: h ≈ y·e^(−y), y·h' ≈ y(1 − y)·e^(−y) (the closed forms overflow in e^(2y)).
        var e = Math.Exp(-y);
        return (y * e, y * (1 - y) * e);
    }

    /// <summary>
    /// One level class's share of the profile: max over u of Σ_members [Lost·ln(1 − e^(−x·eᵘ)) − Won·x·eᵘ] − u²/(2σ²), by
    /// Newton's method (concave in u; the prior's term 0 below u = 0 where σ is at its uncalibrated cap); σ = ∞: no prior, and a class of only wins (or only losses) is explained by s → 0 (or
    /// ∞) and carries no information (0). Internal for the study's debug view, which splits a race's evidence by level.
    /// </summary>
    internal static double Maximize(RaceCells cells, ReadOnlySpan<double> x, ReadOnlySpan<double> weight, int[] members, double sigma, ref double u)
    {
        int lost = 0, won = 0;
        foreach (var c in members)
        {
            lost += cells.Lost[c];
            won += cells.All[c] - cells.Lost[c];
        }

        var free = double.IsPositiveInfinity(sigma);
        if (lost + won == 0 || (free && (lost == 0 || won == 0)))
        {
            u = 0;
            return 0;
        }

        var inverse = free ? 0 : 1 / (sigma * sigma);
        var inverseDown = sigma >= Demand.OthersDemand.UncalibratedSigma ? 0 : inverse;

        if (!double.IsFinite(u))
        {
            u = 0;
        }

        for (var iteration = 0; iteration < 30; iteration++)
        {
            var inv = u > 0 ? inverse : inverseDown;
            double gradient = -u * inv, curvature = -inv;
            var scale = Math.Exp(u);
            foreach (var c in members)
            {
                var y = Math.Max(x[c], MinX) * scale;
                var f = weight.IsEmpty ? 1 : weight[c];
                var l = f * cells.Lost[c];
                var w = f * (cells.All[c] - cells.Lost[c]);
                var (h, yh) = Derivatives(y);

                gradient += (l * h) - (w * y);
                curvature += (l * yh) - (w * y);
            }

            if (curvature >= 0)
            {
                break;
            }

            var step = Math.Clamp(-gradient / curvature, -3, 3);
            u = Math.Clamp(u + step, -MaxLogScale, MaxLogScale);
            if (Math.Abs(step) < 1e-7)
            {
                break;
            }
        }

        var s = Math.Exp(u);
        var value = -u * u * (u > 0 ? inverse : inverseDown) / 2;
        foreach (var c in members)
        {
            var y = Math.Max(x[c], MinX) * s;
            var f = weight.IsEmpty ? 1 : weight[c];
            var l = cells.Lost[c];
            value += f * ((l > 0 ? l * Math.Log(-double.ExpM1(-y)) : 0) - ((cells.All[c] - l) * y));
        }

        return value;
    }
}
