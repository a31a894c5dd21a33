using Landrush.Core.Enumeration;

namespace Landrush.Analysis.Verdict.Demand;

/// <summary>
/// Others' demand, learned from the allocation outside the range spans, never assumed: (1) the want rate λ of every
/// name, the expected number of requests for it, from a complementary log-log fit of "registered" on the name's
/// length and generic features outside every span (<see cref="AttractivenessFit"/>: there a name anyone wanted is
/// registered, so P(registered) = 1 − e^(−λ)); names a range party holds outside its spans stay in that fit, as the
/// registered names they are, except in that party's own race, where they count as free (<see cref="Fit(NameSpace, int[], bool[], bool[], int, bool, int)"/>); (2) how long the lists were: the participants sent Σλ requests (<see cref="ListFactor"/>
/// = Σλ / names held outside the range parties' spans, at least 1) and won the names they hold, each of rate λ with
/// chance (1 − e^(−λ))/λ, so a list's share of Σλ is its Horvitz–Thompson length Σ_held λ/(1 − e^(−λ))
/// (<see cref="ListLengths"/>): a list that won contested names lost many more; a race reads Σλ of its own names again
/// from its losses (<see cref="WithRateSum"/>); (3) when a competing request arrived
/// (<see cref="CompetitorTiming"/>), for each order exponent β of <see cref="Betas"/> and each list length of
/// <see cref="ListScales"/>: the race reads both from where the losses fall. How far the level of λ may be off is
/// measured outside the spans too (<see cref="LevelSigma(Func{int, bool}, int)"/>).
/// </summary>
public sealed class OthersDemand
{
    /// <summary>The order exponents β the race profiles over: random order, proportional, strongly by attractiveness.</summary>
    public static IReadOnlyList<double> Betas { get; } = [0, 0.5, 1, 2];

    /// <summary>
    /// The lengths the competitors' lists are read at, as multiples of each list's share of Σλ (never below the names it
    /// holds; the first, 1, gives <see cref="ListLengths"/>). Those are seen
    /// only from below: a name many asked for shows one request, and a participant's lost requests leave no trace. Lists
    /// longer than read bring the competitors' requests later, and a range party then reads faster than it was: in the
    /// blind <c>TwoFleets</c> fair-012 the lists were read at 1,457 requests (the longest 149), truly 2,047 (the longest
    /// 300, a slow participant's list that began with short names everyone wanted), and an honest 1.72× party read 6.3×
    /// (3.3× to 12.4×), p = 0.002. Each race reads the lists at each of these lengths and keeps the likelier: where the data
    /// cannot tell, the interval and the test carry both.
    /// </summary>
    public static IReadOnlyList<double> ListScales { get; } = [1, 2];

    /// <summary>
    /// σ of a level the outside of the spans cannot calibrate: others' demand for such names is taken to be within a
    /// factor of about e³ ≈ 20 of what the features predict (2σ). A free level would let a party read as infinitely
    /// fast, with demand a hundredfold, turn any rise of losses along its list into a knee.
    /// </summary>
    public const double UncalibratedSigma = 1.5;

    // Smallest σ of a calibrated level (model misfit the windows cannot show).
    private const double MinLevelSigma = 0.05;

    // Width of a rate class on the log scale.
    private const double ClassStep = 0.15;

    // Longest list, in multiples of its holdings, that the data may imply.
    private const double MaxListFactor = 50;

    private readonly bool[] _excluded;
    private readonly bool[] _registered;
    private Lumps _lumps = new();
    private ListMakeup? _lists;

    private OthersDemand(IReadOnlyList<double> wantRate, IReadOnlyList<int> rateClass, double[] classRates, double listFactor, double logLikelihood,
        IReadOnlyList<CompetitorTiming> timings, bool[] excluded, bool[] registered, double[] listLengths)
    {
        WantRate = wantRate;
        RateClass = rateClass;
        ClassRates = classRates;
        ListFactor = listFactor;
        WantLogLikelihood = logLikelihood;
        Timings = timings;
        _excluded = excluded;
        _registered = registered;
        ListLengths = listLengths;
    }

    /// <summary>Per name index: λ, others' expected requests for it.</summary>
    public IReadOnlyList<double> WantRate { get; }

    /// <summary>Per name index: its rate class (names whose λ lie within a factor e^0.15 of each other).</summary>
    public IReadOnlyList<int> RateClass { get; }

    /// <summary>λ of each class (its geometric centre).</summary>
    public IReadOnlyList<double> ClassRates { get; }

    /// <summary>The lists together over the names held outside the spans: Σλ over every name over those names (1–50).</summary>
    public double ListFactor { get; }

    /// <summary>The want-rate fit's maximised log-likelihood (comparable between feature sets).</summary>
    public double WantLogLikelihood { get; }

    /// <summary>Competitor timing per list length of <see cref="ListScales"/> and, within each, per β of <see cref="Betas"/>, in that order.</summary>
    public IReadOnlyList<CompetitorTiming> Timings { get; }

    /// <summary>Competitor lists the timing was built from (participants who won nothing included).</summary>
    public int Lists => ListLengths.Count;

    /// <summary>Per competitor list (holders by party index, then those who won nothing): its length, held and lost, at its
    /// share of Σλ (list scale 1; the races also read them longer, <see cref="ListScales"/>).</summary>
    public IReadOnlyList<double> ListLengths { get; }

    /// <summary>Learns others' demand from <paramref name="holder"/> (party per name, -1 free) outside the names in spans.</summary>
    /// <param name="space">The space the indices refer to.</param>
    /// <param name="holder">Per name: its holder, or -1 when free.</param>
    /// <param name="inSpan">Per name: in some range party's span (left out of the fit).</param>
    /// <param name="raceHolder">Per party: whether its holdings inside spans are a range party's own (not a competitor's list).</param>
    /// <param name="emptyHanded">Participants known to have won nothing.</param>
    /// <param name="patternFeatures">Fit on length and features (true) or on length only.</param>
    /// <param name="tested">The party whose race this demand is for, or -1. Its own names off its spans count as names others
    /// did not want, and its list is not a competitor's. It holds them because it wanted them: counted as registered they
    /// read its own wants as others' demand (an enthusiast holding most three-digit names made every three-digit name of
    /// its spans look contested, and read its few losses there as a 581× party). Counted as free they are exact where it
    /// lost every name others wanted too, as a party no faster than the test's k× loses most; left out instead, the names
    /// it lost would stay in the fit beside none it won, and others' demand would read high exactly where a slow party
    /// took much of a class (the share registered, q = 1 − e^(−λ), read as q/(1 − r + r·q) for a party that asked for a
    /// share r of the class and lost every name others wanted).</param>
    public static OthersDemand Fit(NameSpace space, int[] holder, bool[] inSpan, bool[] raceHolder, int emptyHanded, bool patternFeatures, int tested = -1) =>
        Fit(AttractivenessFit.Cells(space, patternFeatures), holder, inSpan, raceHolder, emptyHanded, tested);

    /// <summary>As <see cref="Fit(NameSpace, int[], bool[], bool[], int, bool, int)"/> over the space's cells read before
    /// (<see cref="AttractivenessFit.Cells"/>, with or without the pattern features): every tested party's race fits once.</summary>
    public static OthersDemand Fit(NameCells cells, int[] holder, bool[] inSpan, bool[] raceHolder, int emptyHanded, int tested = -1)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(inSpan);
        ArgumentNullException.ThrowIfNull(raceHolder);
        var n = holder.Length;
        var registered = holder.Select((h, i) => h >= 0 && (h != tested || inSpan[i])).ToArray();
        var cellRate = AttractivenessFit.CellRates(cells, registered, inSpan, out var logLikelihood);
        var cellOf = cells.CellOf;
        // Rate classes: λ within a factor e^ClassStep share a class (its λ the class's geometric centre), so that a race has
        // a few dozen classes however many feature cells the fit has. Both are kept per cell, not per name: a tested party's
        // own fit on a space of millions of names would otherwise hold hundreds of MB beside the world's.
        var classOf = new Dictionary<long, int>();
        var classOfCell = new int[cellRate.Length];
        Array.Fill(classOfCell, -1);
        var centres = new List<double>();
        for (var i = 0; i < n; i++)
        {
            if (classOfCell[cellOf[i]] >= 0)
            {
                continue;
            }

            var key = (long)Math.Round(Math.Log(Math.Max(cellRate[cellOf[i]], 1e-12)) / ClassStep);
            if (!classOf.TryGetValue(key, out var c))
            {
                classOf[key] = c = classOf.Count;
                centres.Add(Math.Exp(key * ClassStep));
            }

            classOfCell[cellOf[i]] = c;
        }

        var rate = new PerName<double>(cellOf, cellRate);
        var rateClass = new PerName<int>(cellOf, classOfCell);
        var classRates = centres.ToArray();

        // Competitors' lists: every party's names but a range party's own names inside its spans (and, for a tested party's
        // race, its own names off them, which are not registered here: its list is no competitor's).
        var counts = new Dictionary<int, int[]>();
        var inverseChance = new Dictionary<int, double>();
        var registeredPerClass = new double[classRates.Length];
        long othersHeld = 0;
        for (var i = 0; i < n; i++)
        {
            var p = holder[i];
            if (!registered[i])
            {
                continue;
            }

            registeredPerClass[rateClass[i]]++;
            if (inSpan[i] && raceHolder[p])
            {
                continue;
            }

            if (!counts.TryGetValue(p, out var c))
            {
                counts[p] = c = new int[classRates.Length];
            }

            c[rateClass[i]]++;
            othersHeld++;
            // Horvitz–Thompson: a list wins a name of rate λ with chance (1 − e^(−λ))/λ (first of 1 + Poisson(λ) requesters).
            inverseChance[p] = inverseChance.GetValueOrDefault(p) + (rate[i] < 1e-9 ? 1 : rate[i] / -double.ExpM1(-rate[i]));
        }

        double totalRate = 0;
        for (var i = 0; i < n; i++)
        {
            totalRate += rate[i];
        }

        var lists = new ListMakeup([.. counts.OrderBy(kv => kv.Key).Select(kv => (kv.Value, inverseChance[kv.Key]))], othersHeld, emptyHanded,
            registeredPerClass, totalRate);
        var (listFactor, lengths, timings) = ListsFor(classRates, lists, totalRate);
        return new OthersDemand(rate, rateClass, classRates, listFactor, logLikelihood, timings, inSpan, registered, lengths) { _lists = lists };
    }

    /// <summary>
    /// This demand with Σλ of some names read again: a race whose names' λ the features extrapolated (a length that lies
    /// almost wholly in its spans, calibrated by the few names beside them) reads their level from its own losses, and
    /// the lists' length, hence when competitors' requests arrive, follows Σλ (<see cref="ListFactor"/>).
    /// <paramref name="rateSum"/> is their Σλ as fitted, <paramref name="readSum"/> as read; the reading always starts
    /// from the fit. Want rates and classes stay (the race reads each kind's level itself), and so does the lumpiness
    /// read outside the spans. This demand itself when the list factor does not change (both at its floor of 1, say).
    /// </summary>
    public OthersDemand WithRateSum(double rateSum, double readSum)
    {
        if (_lists is null)
        {
            return this;
        }

        var total = Math.Max(0, _lists.TotalRate - rateSum + readSum);
        if (ListFactorOf(_lists, total) == ListFactor)
        {
            return this;
        }

        var (listFactor, lengths, timings) = ListsFor(ClassRates, _lists, total);
        return new OthersDemand(WantRate, RateClass, (double[])ClassRates, listFactor, WantLogLikelihood, timings, _excluded, _registered, lengths)
        {
            _lists = _lists,
            _lumps = _lumps,
        };
    }

    private static double ListFactorOf(ListMakeup makeup, double totalRate) =>
        makeup.OthersHeld == 0 ? 1 : Math.Clamp(totalRate / makeup.OthersHeld, 1, MaxListFactor);

    // The competitors' list lengths and timings for a total Σλ.
    private static (double ListFactor, double[] Lengths, CompetitorTiming[] Timings) ListsFor(IReadOnlyList<double> classRates, ListMakeup makeup, double totalRate)
    {
        var rates = (double[])classRates;
        var listFactor = ListFactorOf(makeup, totalRate);
        // Lengths share the total Σλ in proportion to what each list's holdings stand for: a list that won contested names
        // lost many more of them (a list at least as long as its holdings).
        var requests = makeup.OthersHeld * listFactor;
        var totalInverse = makeup.Held.Sum(h => h.InverseChance);
        var lostMean = Betas.Select(beta => LostMean(rates, makeup.RegisteredPerClass, beta)).ToArray();
        var timings = new List<CompetitorTiming>(ListScales.Count * Betas.Count);
        double[] lengths = [];
        foreach (var scale in ListScales)
        {
            var lists = makeup.Held.Select(h => (h.Counts, Math.Max(h.Counts.Sum(), scale * h.InverseChance * requests / totalInverse))).ToList();
            var sizes = lists.Select(l => l.Item2).Order().ToArray();
            var emptySize = sizes.Length == 0 ? scale : sizes[sizes.Length / 2];
            for (var e = 0; e < makeup.EmptyHanded; e++)
            {
                lists.Add((new int[rates.Length], emptySize));
            }

            if (scale == 1)
            {
                lengths = [.. lists.Select(l => l.Item2)];
            }

            timings.AddRange(Betas.Select((beta, b) => CompetitorTiming.Build(rates, lists, rates, lostMean[b], beta, scale)));
        }

        return (listFactor, lengths, [.. timings]);
    }

    // What the lists are made of: per holding list its names per rate class and Horvitz–Thompson weight, and Σλ.
    private sealed record ListMakeup((int[] Counts, double InverseChance)[] Held, long OthersHeld, int EmptyHanded, double[] RegisteredPerClass,
        double TotalRate);

    /// <summary>
    /// How far the calibrated level may be off for <paramref name="positions"/> names of one class: the names outside
    /// every span that <paramref name="inClass"/> selects, in index order, cut into windows of that many names; σ² is the
    /// variance of ln(registered / expected) a new window would show, widened for the few windows it is read from
    /// (Student's t), beyond its Poisson part (at least 0.05², at most <see cref="UncalibratedSigma"/>²). Fewer than three
    /// windows: the outside cannot calibrate this class, and its level is known only to within <see cref="UncalibratedSigma"/>
    /// (smaller windows would not do: where demand's lumps are longer than they are, five of them are no more than two
    /// independent readings, and the level fell outside its 95% band in a fifth of simulated worlds).
    /// </summary>
    public double LevelSigma(Func<int, bool> inClass, int positions)
    {
        ArgumentNullException.ThrowIfNull(inClass);
        var windows = new List<(double Held, double Expected)>();
        double held = 0, expected = 0;
        var inWindow = 0;
        for (var name = 0; name < _excluded.Length; name++)
        {
            if (_excluded[name] || !inClass(name))
            {
                continue;
            }

            held += _registered[name] ? 1 : 0;
            expected += -double.ExpM1(-WantRate[name]);
            if (++inWindow == Math.Max(1, positions))
            {
                windows.Add((held, expected));
                held = expected = 0;
                inWindow = 0;
            }
        }

        if (windows.Count < 3)
        {
            return UncalibratedSigma;
        }

        var z = windows.Select(w => Math.Log((w.Held + 0.5) / (w.Expected + 0.5))).ToArray();
        var mean = z.Average();
        // The span is one more window: its deviation follows Student's t with k − 1 degrees of freedom, scale s·√(1 + 1/k).
        // The variance is widened so that the normal the race assumes has that t's 95% range: at face value, three windows
        // that happen to agree pinned a level the span's own stretch of numbers need not share (LevelSigmaTests).
        var k = z.Length;
        var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, k - 1, 0.975) / 1.959963984540054;
        var variance = z.Sum(x => (x - mean) * (x - mean)) / (k - 1) * (1 + (1.0 / k)) * t * t;
        var poisson = windows.Average(w => 1 / (w.Expected + 0.5));
        return Math.Min(UncalibratedSigma, Math.Sqrt(Math.Max(MinLevelSigma * MinLevelSigma, variance - poisson + (mean * mean))));
    }

    /// <summary>
    /// How lumpy others' demand is at the scale of <paramref name="positions"/> names: the names outside every span, in
    /// index order (neighbouring numbers), cut into windows of that many; with each kind (<paramref name="kind"/>, per
    /// name) calibrated to its own registered count, the residuals of names in one window move
    /// together by a relative variance v (the windows' (H − E)² less each name's own squared residual, over ΣE²), and
    /// σ² = ln(1 + v), the ln-normal effect of that variance (0 when there is none, at most
    /// <see cref="UncalibratedSigma"/>). A window larger than a quarter of the outside is read at that quarter.
    /// </summary>
    public double BandSigma(int positions, IReadOnlyList<int> kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        double[] p;
        bool[] h;
        var lumps = _lumps;
        lock (lumps)
        {
            // The cache holds one kind array's figures (a world reads every race with its own).
            if (!ReferenceEquals(lumps.Kind, kind))
            {
                (lumps.Kind, lumps.Chance, lumps.Held) = (kind, null, null);
                lumps.Sigma.Clear();
            }

            if (lumps.Sigma.TryGetValue(positions, out var known))
            {
                return known;
            }

            if (lumps.Chance is null || lumps.Held is null)
            {
                (lumps.Chance, lumps.Held) = Outside(kind);
            }

            (p, h) = (lumps.Chance, lumps.Held);
        }

        var size = Math.Max(1, Math.Min(positions, p.Length / 4));
        // Moments over windows: Σ_w (H − E)² = Σ_names (h − p)² + Σ_w Σ_{i≠j} (hᵢ − pᵢ)(hⱼ − pⱼ). Only the cross terms, the
        // residuals of neighbours moving together, make a band's count vary more than binomially; a name's own misfit
        // does not (a mixture of Bernoulli draws is Bernoulli). v = Σ cross terms / Σ E².
        double cross = 0, expectedSquares = 0, held = 0, expected = 0, own = 0;
        var windows = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var r = (h[i] ? 1 : 0) - p[i];
            held += h[i] ? 1 : 0;
            expected += p[i];
            own += r * r;
            if ((i + 1) % size == 0)
            {
                cross += ((held - expected) * (held - expected)) - own;
                expectedSquares += expected * expected;
                held = expected = own = 0;
                windows++;
            }
        }

        var relative = windows >= 3 && expectedSquares > 0 ? Math.Max(0, cross / expectedSquares) : 0;
        var sigma = Math.Min(UncalibratedSigma, Math.Sqrt(Math.Log(1 + relative)));
        lock (lumps)
        {
            if (ReferenceEquals(lumps.Kind, kind))
            {
                lumps.Sigma[positions] = sigma;
            }
        }

        return sigma;
    }

    // The names outside the spans in index order: each one's chance of being registered with its kind calibrated to the
    // kind's registered count outside (the race profiles each kind's level itself, so a kind the features misjudge is
    // not a lump), and whether it is.
    private (double[] Chance, bool[] Held) Outside(IReadOnlyList<int> kind)
    {
        var sums = new Dictionary<int, (double Held, double Expected)>();
        var names = new List<int>();
        for (var name = 0; name < _excluded.Length; name++)
        {
            if (!_excluded[name])
            {
                names.Add(name);
                var (held, expected) = sums.GetValueOrDefault(kind[name]);
                sums[kind[name]] = (held + (_registered[name] ? 1 : 0), expected - double.ExpM1(-WantRate[name]));
            }
        }

        double Ratio(int k) => sums[k].Expected > 0 ? sums[k].Held / sums[k].Expected : 1;
        return ([.. names.Select(n => Math.Min(1, -double.ExpM1(-WantRate[n]) * Ratio(kind[n])))], [.. names.Select(n => _registered[n])]);
    }

    // ψ per class: the mean over a lost name m, drawn ∝ λ among registered names, of w_m / (w_m + wᵣ).
    private static double[] LostMean(double[] classRates, double[] registeredPerClass, double beta)
    {
        var mass = classRates.Select((r, c) => r * registeredPerClass[c]).ToArray();
        var total = mass.Sum();
        return [.. classRates.Select(r =>
        {
            var w = CompetitorTiming.Weight(r, beta);
            return total <= 0 ? 0.5 : classRates.Select((rm, c) => mass[c] * CompetitorTiming.Weight(rm, beta) / (CompetitorTiming.Weight(rm, beta) + w)).Sum() / total;
        })];
    }

    // The lumpiness read outside the spans for one kind array: per window size its σ, and the outside's names' chances.
    private sealed class Lumps
    {
        public Dictionary<int, double> Sigma { get; } = [];

        public IReadOnlyList<int>? Kind { get; set; }

        public double[]? Chance { get; set; }

        public bool[]? Held { get; set; }
    }

    // A per-name view of per-cell values.
    private sealed class PerName<T>(int[] cellOf, T[] perCell) : IReadOnlyList<T>
    {
        public T this[int index] => perCell[cellOf[index]];

        public int Count => cellOf.Length;

        public IEnumerator<T> GetEnumerator()
        {
            foreach (var c in cellOf)
            {
                yield return perCell[c];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
