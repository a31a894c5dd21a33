using Landrush.Core.Enumeration;
using MathNet.Numerics.LinearAlgebra;

namespace Landrush.Analysis.Verdict.Demand;

/// <summary>
/// A generic attractiveness model fitted to what the many small parties hold: a complementary log-log
/// regression of "held by a small party" on the label's length and, optionally, its digit patterns
/// (<see cref="LabelFeatures"/>: repeated digit, run, round, year-like, area-code-like, date-like, …) and how often each
/// digit occurs in it, fitted outside every range span. Nothing that says where a number lies along its length (its
/// first digit, say): a range span holds most numbers of such a stretch, the few outside it would set the rate of the
/// whole span, and a chance high among them would read as speed inside.
/// The fitted rate λ of a name is how many requests the small parties sent for it on average, and its weight in
/// their lists. No weight is taken from any generator: only which features exist is assumed, and a feature the
/// small parties ignore gets an effect near zero.
/// </summary>
public static class AttractivenessFit
{
    private const int Flags = LabelFeatures.Count;

    // Ridge on the coefficients keeps a feature no small party holds finite (its rate goes to ~0, not −∞).
    private const double Ridge = 1e-2;

    // Penalty on the second differences of the length intercepts: a length with no name outside the spans (every plain
    // three-digit number inside one range, say) takes the rate its neighbouring lengths imply, on a straight line in
    // log λ, not whatever the ridge and the digit counts leave it (one such length read thousands of requests per name
    // and made the lists fifty times too long). Where a length has names outside, they outweigh it.
    private const double Smooth = 0.05;

    /// <summary>
    /// Per name of <paramref name="space"/> the rate λ at which the small parties asked for it: a complementary
    /// log-log regression, P(held by a small party) = 1 − e^(−λ), λ = exp(length intercept + pattern effects),
    /// fitted on the names not marked in <paramref name="exclude"/>. Outside every range block no range party
    /// competes, so a name a small party wanted is registered by one, and "held" is "wanted at least once"; with
    /// a Poisson number of requests per name that is exactly this model, and λ is the expected number of
    /// requests. A class every one of whose names is held would make λ infinite: half a name is counted as
    /// free there (continuity correction), so λ stays finite and large.
    /// </summary>
    public static double[] WantRates(NameSpace space, ReadOnlySpan<bool> heldBySmall, bool patternFeatures, ReadOnlySpan<bool> exclude = default) =>
        WantRates(space, heldBySmall, patternFeatures, exclude, out _);

    /// <summary>As <see cref="WantRates(NameSpace, ReadOnlySpan{bool}, bool, ReadOnlySpan{bool})"/>, with the fit's maximised
    /// binomial log-likelihood (over the names not excluded): comparable between the length-only and the pattern model.</summary>
    public static double[] WantRates(NameSpace space, ReadOnlySpan<bool> heldBySmall, bool patternFeatures, ReadOnlySpan<bool> exclude,
        out double logLikelihood) => WantRates(Cells(space, patternFeatures), heldBySmall, exclude, out logLikelihood);

    /// <summary>As <see cref="WantRates(NameSpace, ReadOnlySpan{bool}, bool, ReadOnlySpan{bool}, out double)"/> over cells read
    /// before (<see cref="Cells"/>): a caller that fits one space several times reads its names once.</summary>
    public static double[] WantRates(NameCells cells, ReadOnlySpan<bool> heldBySmall, ReadOnlySpan<bool> exclude, out double logLikelihood)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var perCell = CellRates(cells, heldBySmall, exclude, out logLikelihood);
        var rates = new double[cells.Count];
        for (var j = 0; j < rates.Length; j++)
        {
            rates[j] = perCell[cells.CellOf[j]];
        }

        return rates;
    }

    // λ per cell (every name of a cell has its cell's rate).
    internal static double[] CellRates(NameCells cells, ReadOnlySpan<bool> heldBySmall, ReadOnlySpan<bool> exclude, out double logLikelihood)
    {
        var (cellOf, cellKeys, maxLength, patternFeatures) = (cells.CellOf, cells.Keys, cells.MaxLength, cells.PatternFeatures);
        var n = cellOf.Length;
        var count = new double[cellKeys.Count];
        var held = new double[cellKeys.Count];
        for (var j = 0; j < n; j++)
        {
            if (!exclude.IsEmpty && exclude[j])
            {
                continue;
            }

            count[cellOf[j]]++;
            held[cellOf[j]] += heldBySmall[j] ? 1 : 0;
        }

        for (var c = 0; c < count.Length; c++)
        {
            held[c] = Math.Min(held[c], Math.Max(0, count[c] - 0.5));
        }

        var x = Design(cellKeys, maxLength, patternFeatures);
        var beta = NewtonCloglog(x, held, count, maxLength, out logLikelihood);
        var eta = x * beta;
        return [.. eta.Select(e => Math.Exp(Math.Min(e, 30)))];
    }

    /// <summary>The cell of every name of <paramref name="space"/>: its length, and with <paramref name="patternFeatures"/> its
    /// feature bits and digit counts (reading them is most of a fit's time on a space of millions of names).</summary>
    public static NameCells Cells(NameSpace space, bool patternFeatures)
    {
        ArgumentNullException.ThrowIfNull(space);
        var n = checked((int)space.Count);
        var maxLength = 0;
        var cellOf = new int[n];
        var cells = new Dictionary<(int Length, int Flags, long Digits), int>();
        var cellKeys = new List<(int Length, int Flags, long Digits)>();
        var i = 0;
        foreach (var label in space.Enumerate())
        {
            var key = (label.Length, patternFeatures ? LabelFeatures.Of(label) : 0, patternFeatures ? DigitCounts(label) : 0);
            if (!cells.TryGetValue(key, out var c))
            {
                c = cells.Count;
                cells.Add(key, c);
                cellKeys.Add(key);
            }

            cellOf[i++] = c;
            maxLength = Math.Max(maxLength, label.Length);
        }

        return new NameCells(cellOf, cellKeys, maxLength, patternFeatures);
    }

    private static Matrix<double> Design(List<(int Length, int Flags, long Digits)> cellKeys, int maxLength, bool patternFeatures)
    {
        var columns = maxLength + (patternFeatures ? Flags + 9 : 0);
        var x = Matrix<double>.Build.Dense(cellKeys.Count, columns);
        for (var c = 0; c < cellKeys.Count; c++)
        {
            x[c, cellKeys[c].Length - 1] = 1;
            if (!patternFeatures)
            {
                continue;
            }

            for (var f = 0; f < Flags; f++)
            {
                x[c, maxLength + f] = (cellKeys[c].Flags >> f) & 1;
            }

            // How often each of the digits 1–9 occurs: a liked or disliked digit (a lucky 8, an unlucky 4) in any position.
            var digits = cellKeys[c].Digits;
            for (var d = 1; d <= 9; d++)
            {
                x[c, maxLength + Flags + d - 1] = (digits >> (4 * d)) & 0xF;
            }
        }

        return x;
    }

    // Counts of each digit 1–9 in a label, four bits each (a label has at most 15 of one digit here: longer counts saturate).
    private static long DigitCounts(string label)
    {
        long key = 0;
        foreach (var ch in label)
        {
            if (ch is >= '1' and <= '9' && ((key >> (4 * (ch - '0'))) & 0xF) < 15)
            {
                key += 1L << (4 * (ch - '0'));
            }
        }

        return key;
    }

    // Fisher scoring on the penalised binomial complementary log-log likelihood
    // Σ y·ln(1 − e^(−μ)) − (n − y)·μ − ridge·|β|²/2, μ = e^η, with step halving so the likelihood never falls.
    private static Vector<double> NewtonCloglog(Matrix<double> x, double[] y, double[] trials, int lengthColumns, out double logLikelihood)
    {
        var total = y.Sum();
        var exposure = trials.Sum();
        var start = Math.Log(-Math.Log(1 - Math.Clamp(total / Math.Max(exposure, 1), 1e-6, 1 - 1e-6)));
        var beta = Vector<double>.Build.Dense(x.ColumnCount);
        for (var c = 0; c < x.ColumnCount; c++)
        {
            beta[c] = c < lengthColumns ? start : 0;
        }

        var penalty = Penalty(x.ColumnCount, lengthColumns);
        var rows = x.ToRowArrays();
        var current = CloglogLikelihood(x, y, trials, beta, penalty);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var step = FisherStep(x, rows, y, trials, beta, penalty);
            var scale = 1.0;
            var next = beta + step;
            var value = CloglogLikelihood(x, y, trials, next, penalty);
            while (value < current - 1e-12 && scale > 1e-6)
            {
                scale /= 2;
                next = beta + (scale * step);
                value = CloglogLikelihood(x, y, trials, next, penalty);
            }

            beta = next;
            current = value;
            if ((scale * step.AbsoluteMaximum()) < 1e-9)
            {
                break;
            }
        }

        logLikelihood = current;
        return beta;
    }

    // The penalty's matrix P (the log-likelihood less bᵀPb/2): the ridge on every coefficient, and the second differences
    // of the length intercepts (columns 0 … lengthColumns − 1, lengths 1 … lengthColumns).
    private static Matrix<double> Penalty(int columns, int lengthColumns)
    {
        var penalty = Ridge * Matrix<double>.Build.DenseIdentity(columns);
        for (var l = 1; l + 1 < lengthColumns; l++)
        {
            // (a[l−1] − 2a[l] + a[l+1])² = dᵀ(a)², d = (1, −2, 1) at l−1, l, l+1.
            int[] at = [l - 1, l, l + 1];
            double[] d = [1, -2, 1];
            for (var i = 0; i < 3; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    penalty[at[i], at[j]] += Smooth * d[i] * d[j];
                }
            }
        }

        return penalty;
    }

    // The penalised log-likelihood at coefficients b.
    private static double CloglogLikelihood(Matrix<double> x, double[] y, double[] trials, Vector<double> b, Matrix<double> penalty)
    {
        var eta = x * b;
        double l = 0;
        for (var c = 0; c < y.Length; c++)
        {
            if (trials[c] <= 0)
            {
                continue;
            }

            var mu = Math.Exp(Math.Min(eta[c], 30));
            l += (y[c] > 0 ? y[c] * Math.Log(-double.ExpM1(-mu)) : 0) - ((trials[c] - y[c]) * mu);
        }

        return l - (b.DotProduct(penalty * b) / 2);
    }

    // One Fisher-scoring step from beta: the information matrix solved against the penalised score.
    private static Vector<double> FisherStep(Matrix<double> x, double[][] rows, double[] y, double[] trials, Vector<double> beta, Matrix<double> penalty)
    {
        var eta = x * beta;
        var score = Vector<double>.Build.Dense(y.Length);
        var info = Vector<double>.Build.Dense(y.Length);
        for (var c = 0; c < y.Length; c++)
        {
            if (trials[c] <= 0)
            {
                continue;
            }

            var mu = Math.Exp(Math.Min(eta[c], 30));
            var q = Math.Exp(-mu);
            var p = -double.ExpM1(-mu);
            // d/dη of y·ln p − (n − y)·μ, and the Fisher information n·μ²·q/p.
            score[c] = (y[c] * mu * q / Math.Max(p, 1e-300)) - ((trials[c] - y[c]) * mu);
            info[c] = trials[c] * mu * mu * q / Math.Max(p, 1e-300);
        }

        var gradient = x.TransposeThisAndMultiply(score) - (penalty * beta);
        // Xᵀ·diag(info)·X summed over the cells' rows, its upper triangle mirrored: a dense diagonal of thousands of cells
        // would be quadratic in them, and a weighted copy of X per step was most of a fit's time on 34,000 cells.
        var k = x.ColumnCount;
        var sums = new double[k, k];
        for (var c = 0; c < y.Length; c++)
        {
            if (info[c] == 0)
            {
                continue;
            }

            var row = rows[c];
            for (var i = 0; i < k; i++)
            {
                var weighted = row[i] * info[c];
                if (weighted == 0)
                {
                    continue;
                }

                for (var j = i; j < k; j++)
                {
                    sums[i, j] += weighted * row[j];
                }
            }
        }

        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < i; j++)
            {
                sums[i, j] = sums[j, i];
            }
        }

        var hessian = Matrix<double>.Build.DenseOfArray(sums) + penalty;
        return hessian.Solve(gradient);
    }
}

/// <summary>Which cell of the attractiveness fit each name of a space falls in (<see cref="AttractivenessFit.Cells"/>).</summary>
public sealed class NameCells
{
    internal NameCells(int[] cellOf, List<(int Length, int Flags, long Digits)> keys, int maxLength, bool patternFeatures)
    {
        CellOf = cellOf;
        Keys = keys;
        MaxLength = maxLength;
        PatternFeatures = patternFeatures;
    }

    /// <summary>Whether the cells tell the digit patterns apart (else only the lengths).</summary>
    public bool PatternFeatures { get; }

    /// <summary>Names of the space.</summary>
    public int Count => CellOf.Length;

    internal int[] CellOf { get; }

    internal List<(int Length, int Flags, long Digits)> Keys { get; }

    internal int MaxLength { get; }
}
