namespace Landrush.Analysis.Verdict.Race;

/// <summary>
/// Chooses the send order a race is read in, before its capacity is. The plausible orders' likelihoods are compared
/// with others' demand allowed a trend along the numbers in each level class: ln s = u + b·z, z a name's place among
/// its class's names in numeric order (−½ … ½), b with a wide prior (<see cref="TrendSigma"/>). Demand that falls or
/// rises along the numbers (small numbers wanted more, a stretch somebody liked) otherwise reads as a knee of speed in
/// whichever direction turns it into losses rising along the list: in 103 files of the blind suites, 47 of 154 tested
/// range parties were read in the wrong direction (40 of them spans sent upwards read from the top down), fast ones as
/// slow and honest ones as fast. With the trend free, what tells the orders apart is the race's own shape: the names at the
/// head of the list a fast party won before others asked, then the flat. The default order (upwards, lower spans
/// first) is kept unless another gains <see cref="SpanRace.OrderPenalty"/>.
/// </summary>
internal static class OrderScreen
{
    /// <summary>σ of the trend's prior: demand up to e² ≈ 7 times higher at one end of a class than at the other is unremarkable.</summary>
    public const double TrendSigma = 2;

    // Cells of names per band of send positions are further cut by their place along the numbers.
    private const int Buckets = 8;

    private const double MaxLogScale = 12;

    private const double InverseB = 1 / (TrendSigma * TrendSigma);

    /// <summary>The index of the order chosen (0: the default).</summary>
    /// <param name="race">The race (its timing, offsets, level σ).</param>
    /// <param name="orders">Per order: the names read in send order and each one's send position.</param>
    /// <param name="lost">Per name index: someone else holds it.</param>
    /// <param name="rateClass">Per name index: its rate class.</param>
    /// <param name="levelOf">Per name index: its level class.</param>
    /// <param name="values">Out: per order, its value (the penalty of an order not the default taken off).</param>
    public static int Choose(SpanRace race, IReadOnlyList<(int[] List, int[] SentAt)> orders, Func<int, bool> lost, IReadOnlyList<int> rateClass,
        Func<int, int> levelOf, out double[] values)
    {
        ArgumentNullException.ThrowIfNull(race);
        ArgumentNullException.ThrowIfNull(orders);
        values = new double[orders.Count];
        if (orders.Count <= 1)
        {
            return 0;
        }

        // Not weighed by lumpiness, as the race is: weights shrink the many late positions, where a trend of demand along the
        // numbers shows, and leave the order to the few at the head of the list, where a misread timing of others' requests
        // decides it (in the blind suites, weighed screens chose the top-down order again for spans sent upwards).
        var bandOf = RaceCells.Bands(race.SentMost);

        // z: a name's place among its level class's names in numeric order (the default order sends each span upwards).
        var levels = race.Levels;
        var z = new Dictionary<int, double>();
        var byLevel = orders[0].List.GroupBy(levelOf);
        foreach (var group in byLevel)
        {
            var members = group.Order().ToArray();
            for (var i = 0; i < members.Length; i++)
            {
                z[members[i]] = members.Length == 1 ? 0 : ((double)i / (members.Length - 1)) - 0.5;
            }
        }

        var best = 0;
        var bestValue = double.NegativeInfinity;
        for (var order = 0; order < orders.Count; order++)
        {
            var cells = Cells(orders[order].List, orders[order].SentAt, lost, rateClass, levelOf, z, levels, bandOf);
            var value = values[order] = Best(race, cells) - (order == 0 ? 0 : SpanRace.OrderPenalty);
            if (value > bestValue)
            {
                (best, bestValue) = (order, value);
            }
        }

        return best;
    }

    // The maximum over competitor timing (β and the lists' length), offset and multiple of the likelihood with each level's trend profiled.
    private static double Best(SpanRace race, TrendCells cells)
    {
        var x = new double[cells.Count];
        var u = new double[race.Levels];
        var b = new double[race.Levels];
        var best = double.NegativeInfinity;
        for (var timing = 0; timing < race.TimingCount; timing++)
        {
            foreach (var offset in race.Offsets)
            {
                Array.Clear(u);
                Array.Clear(b);
                foreach (var multiple in SpanRace.Multiples)
                {
                    race.Expected(cells.MeanPosition, cells.RateClass, race.Timing(timing), offset, multiple, x);
                    double total = 0;
                    for (var level = 0; level < cells.LevelCells.Length; level++)
                    {
                        total += Maximize(cells, x, cells.LevelCells[level], race.Sigma[level], ref u[level], ref b[level]);
                    }

                    best = Math.Max(best, total);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// One level class's share: max over (u, b) of Σ_members [Lost·ln(1 − e^(−y)) − Won·y], y = x·e^(u + b·z), less
    /// u²/(2σ²) + b²/(2·TrendSigma²); concave, by Newton's method, each step scaled as a whole (at most 3 in either
    /// coordinate) and halved until the value does not fall.
    /// </summary>
    internal static double Maximize(TrendCells cells, ReadOnlySpan<double> x, int[] members, double sigma, ref double u, ref double b)
    {
        if (members.Length == 0)
        {
            return 0;
        }

        var inverseU = 1 / (sigma * sigma);
        var current = Value(cells, x, members, inverseU, u, b);
        for (var iteration = 0; iteration < 40; iteration++)
        {
            double gu = -u * inverseU, gb = -b * InverseB, huu = -inverseU, hub = 0, hbb = -InverseB;
            foreach (var c in members)
            {
                var y = Math.Max(x[c], 1e-12) * Math.Exp(Math.Clamp(u + (b * cells.Z[c]), -MaxLogScale, MaxLogScale));
                var (h, yh) = LevelProfile.Derivatives(y);
                var l = cells.Lost[c];
                var w = cells.All[c] - l;
                // First and second derivatives in t = u + b·z of l·ln(1 − e^(−y)) − w·y.
                var g = (l * h) - (w * y);
                var k = (l * yh) - (w * y);
                var zc = cells.Z[c];
                gu += g;
                gb += g * zc;
                huu += k;
                hub += k * zc;
                hbb += k * zc * zc;
            }

            var det = (huu * hbb) - (hub * hub);
            if (huu >= 0 || det <= 0)
            {
                break;
            }

            // The Newton step −H⁻¹g, scaled as a whole so that neither coordinate moves more than 3.
            var du = -((hbb * gu) - (hub * gb)) / det;
            var db = -((huu * gb) - (hub * gu)) / det;
            var scale = Math.Min(1, 3 / Math.Max(1e-300, Math.Max(Math.Abs(du), Math.Abs(db))));
            double nu = u, nb = b, next = double.NegativeInfinity;
            for (var halving = 0; halving < 30; halving++)
            {
                (nu, nb) = (Math.Clamp(u + (scale * du), -MaxLogScale, MaxLogScale), Math.Clamp(b + (scale * db), -MaxLogScale, MaxLogScale));
                next = Value(cells, x, members, inverseU, nu, nb);
                if (next >= current - 1e-12)
                {
                    break;
                }

                scale /= 2;
            }

            if (next < current - 1e-12)
            {
                break;
            }

            var moved = Math.Abs(nu - u) + Math.Abs(nb - b);
            (u, b, current) = (nu, nb, next);
            if (moved < 1e-7)
            {
                break;
            }
        }

        return current;
    }

    // The class's penalised (quasi-)log-likelihood at (u, b).
    private static double Value(TrendCells cells, ReadOnlySpan<double> x, int[] members, double inverseU, double u, double b)
    {
        var value = (-u * u * inverseU / 2) - (b * b * InverseB / 2);
        foreach (var c in members)
        {
            var y = Math.Max(x[c], 1e-12) * Math.Exp(Math.Clamp(u + (b * cells.Z[c]), -MaxLogScale, MaxLogScale));
            var l = cells.Lost[c];
            value += (l > 0 ? l * Math.Log(-double.ExpM1(-y)) : 0) - ((cells.All[c] - l) * y);
        }

        return value;
    }

    // Cells of one order: names sharing a band of send positions (as RaceCells), a rate class, a level class and a
    // bucket of z, with their mean position and mean z.
    private static TrendCells Cells(int[] list, int[] sentAt, Func<int, bool> lost, IReadOnlyList<int> rateClass, Func<int, int> levelOf,
        Dictionary<int, double> z, int levels, int[] bandOf)
    {
        var index = new Dictionary<(int Band, int Class, int Level, int Bucket), int>();
        var (position, zSum, all, lostCount, rate, level) = (new List<double>(), new List<double>(), new List<int>(), new List<int>(), new List<int>(), new List<int>());

        for (var i = 0; i < list.Length; i++)
        {
            var name = list[i];
            var zi = z[name];
            var key = (bandOf[sentAt[i]], rateClass[name], levelOf(name), Math.Min(Buckets - 1, (int)((zi + 0.5) * Buckets)));
            if (!index.TryGetValue(key, out var c))
            {
                index[key] = c = all.Count;
                position.Add(0);
                zSum.Add(0);
                all.Add(0);
                lostCount.Add(0);
                rate.Add(key.Item2);
                level.Add(key.Item3);
            }

            position[c] += sentAt[i];
            zSum[c] += zi;
            all[c]++;
            lostCount[c] += lost(name) ? 1 : 0;
        }

        var levelCells = Enumerable.Range(0, levels).Select(l => Enumerable.Range(0, all.Count).Where(c => level[c] == l).ToArray()).ToArray();
        return new TrendCells([.. position.Select((p, c) => p / all[c])], [.. zSum.Select((s, c) => s / all[c])], [.. all], [.. lostCount], [.. rate], levelCells);
    }

    internal sealed record TrendCells(double[] MeanPosition, double[] Z, int[] All, int[] Lost, int[] RateClass, int[][] LevelCells)
    {
        public int Count => All.Length;
    }
}
