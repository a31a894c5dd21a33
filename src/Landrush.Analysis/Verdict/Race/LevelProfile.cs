namespace Landrush.Analysis.Verdict.Race;

/// <summary>
/// The race's log-likelihood at one setting of capacity, offset and order, profiled over the level of others'
/// demand. A name of the party's list is lost when at least one competing request beat it; with x = λ·G̃ the
/// expected number of such requests at the calibrated level and s the level's scale, P(lost) = 1 − e^(−s·x). Per
/// level class (label length) the scale has a log-normal prior ln s ~ N(0, σ²), σ measured outside the spans
/// (<see cref="Demand.OthersDemand.LevelSigma(int, int)"/>); σ = ∞ leaves it free. The profile is
/// ℓ = Σ_classes max_u [Σ_cells Lost·ln(1 − e^(−x·eᵘ)) − Won·x·eᵘ − u²/(2σ²)], concave in u, by Newton's method.
/// </summary>
internal static class LevelProfile
{
    private const double MaxLogScale = 12;
    private const double MinX = 1e-12;

    /// <summary>The profiled log-likelihood; <paramref name="logScale"/> holds each class's u (in: a warm start, out: the maximum).</summary>
    public static double Evaluate(RaceCells cells, ReadOnlySpan<double> x, ReadOnlySpan<double> sigma, Span<double> logScale)
    {
        double total = 0;
        for (var level = 0; level < cells.Levels; level++)
        {
            total += Class(cells, x, level, sigma[level], ref logScale[level]);
        }

        return total;
    }

    internal static double Class(RaceCells cells, ReadOnlySpan<double> x, int level, double sigma, ref double u)
    {
        int lost = 0, won = 0;
        var (first, end) = (cells.LevelStart[level], cells.LevelStart[level + 1]);
        for (var c = first; c < end; c++)
        {
            lost += cells.Lost[c];
            won += cells.All[c] - cells.Lost[c];
        }

        var free = double.IsPositiveInfinity(sigma);
        if (lost + won == 0 || (free && (lost == 0 || won == 0)))
        {
            // A free level with only wins (or only losses) is explained by s → 0 (or ∞): no information on the rest.
            u = 0;
            return 0;
        }

        var inverse = free ? 0 : 1 / (sigma * sigma);
        if (!double.IsFinite(u))
        {
            u = 0;
        }

        for (var iteration = 0; iteration < 30; iteration++)
        {
            double gradient = -u * inverse, curvature = -inverse;
            var scale = Math.Exp(u);
            for (var c = first; c < end; c++)
            {
                var y = Math.Max(x[c], MinX) * scale;
                var l = cells.Lost[c];
                var w = cells.All[c] - l;
                // h(y) = y/(e^y − 1) and y·h'(y): the derivatives of ln(1 − e^(−y)) in u = ln s.
                double h, yh;
                if (y < 1e-4)
                {
                    // Series: the closed forms cancel catastrophically for tiny y.
                    (h, yh) = (1 - (y / 2), (-y / 2) + (y * y / 6));
                }
                else if (y < 30)
                {
                    var em1 = double.ExpM1(y);
                    (h, yh) = (y / em1, y * (em1 - (y * (em1 + 1))) / (em1 * em1));
                }
                else
                {
                    // e^y ≫ 1: h ≈ y·e^(−y), y·h' ≈ y(1 − y)·e^(−y) (the closed forms overflow in e^(2y)).
                    var e = Math.Exp(-y);
                    (h, yh) = (y * e, y * (1 - y) * e);
                }

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

        return Value(cells, x, level, u, inverse);
    }

    private static double Value(RaceCells cells, ReadOnlySpan<double> x, int level, double u, double inverse)
    {
        var scale = Math.Exp(u);
        var value = -u * u * inverse / 2;
        for (var c = cells.LevelStart[level]; c < cells.LevelStart[level + 1]; c++)
        {
            var y = Math.Max(x[c], MinX) * scale;
            var l = cells.Lost[c];
            value += (l > 0 ? l * Math.Log(-double.ExpM1(-y)) : 0) - ((cells.All[c] - l) * y);
        }

        return value;
    }
}
