using Landrush.Analysis.Verdict.Demand;
using Landrush.Analysis.Verdict.Spans;

namespace Landrush.Analysis.Verdict.Race;

/// <summary>
/// The race a range party ran through its spans: the evidence for its capacity. It sent its list in order at
/// capacity c (in typical participants' request intervals), after o names of its own sent before its spans; the
/// request at position k arrived at about (o + k + 1)/c, spread as Γ(o + k + 1, c). Others asked for the name at
/// position k a Poisson number of times with mean s·λ (<see cref="OthersDemand"/>), each request arriving by τ with
/// chance G(τ) (<see cref="CompetitorTiming"/>, for the order exponent β and the lists' length); the party lost the name when one came
/// first: P(lost) = 1 − e^(−s·λ·G̃), G̃ the mean of G over the party's own arrival.
/// <para>
/// Where the losses fall speaks to c: a fast party loses only names deep in its list; how many it lost speaks to c
/// only as far as the level s is calibrated outside the spans. The send order of the spans (which first, up or down,
/// and around or through another party's span that split one) is chosen among the plausible ones by likelihood, never assumed, with a trend of demand along the numbers allowed
/// while they are compared (<see cref="OrderScreen"/>); the race is then read in the default order and the one chosen,
/// if another. β, the lists' length (<see cref="OthersDemand.ListScales"/>) and o are profiled, so their uncertainty widens the intervals. Names the party holds outside its
/// spans are not in its race, nor are names of its spans another range party holds or that lie in another range
/// party's span: both sent them, and the race between the two, not others' demand, decided them (they keep their send
/// positions). Demand is
/// lumpier than the features say: each band of positions is weighed by the lumpiness measured outside the spans
/// (<see cref="LevelProfile"/>), its expected losses taken from a first fit without lumps.
/// </para>
/// </summary>
public sealed class SpanRace
{
    /// <summary>
    /// Log-likelihood a send order other than the default (every span upwards, lower spans first: as a person types a
    /// range) must gain before it is read: reversed or reordered spans explain any trend of demand along the numbers as
    /// a knee of speed, so they are believed only on strong evidence (a likelihood ratio of e⁶ ≈ 400).
    /// </summary>
    public const double OrderPenalty = 6;

    /// <summary>The multiples the likelihood is read on: 2^(g/4) from 0.25 to 1024 (49 points).</summary>
    public static IReadOnlyList<double> Multiples { get; } = [.. Enumerable.Range(-8, 49).Select(g => Math.Pow(2, g / 4.0))];

    // Quadrature over the party's own arrival time, in log time: ±√3 standard deviations, weights 1/6, 2/3, 1/6.
    private static readonly (double Z, double Weight)[] OwnSpread = [(-1.7320508075688772, 1 / 6.0), (0, 2 / 3.0), (1.7320508075688772, 1 / 6.0)];

    // Of others' demand the race keeps only what its simulations read (a fit's per-name arrays are hundreds of MB on a
    // space of millions of names, and a party's own fit is needed only while its race is built).
    private readonly IReadOnlyList<double> _classRates;
    private readonly IReadOnlyList<CompetitorTiming> _timings;
    private readonly double[] _sigma;
    private readonly double[] _levelRate; // per level: Σλ of its names
    private readonly double[] _bandSigma;
    private readonly double[][] _weights;
    private readonly List<(string Description, RaceCells Cells, int[] CellOfName)> _orders = [];

    /// <param name="party">The party.</param>
    /// <param name="spans">Its spans (at least one).</param>
    /// <param name="axes">The space's numeric axes.</param>
    /// <param name="holder">Per name index: the holder's party, or -1.</param>
    /// <param name="demand">Others' demand.</param>
    /// <param name="labelLength">Per name index: its label's length.</param>
    /// <param name="kind">Per name index: its kind (label length and feature bits, <see cref="Demand.LabelFeatures"/>): each kind's
    /// level of others' demand is read from the race itself.</param>
    /// <param name="outsideHoldings">Names the party holds outside its spans: with the list factor, part of what it may have sent before them.</param>
    /// <param name="takenByRange">Per name index: another range party holds it. The party sent it (it keeps its send
    /// position) but the race between the two decided it, not others' demand: it is not read.</param>
    public SpanRace(int party, IReadOnlyList<SendSpan> spans, NumericAxes axes, int[] holder, OthersDemand demand, IReadOnlyList<int> labelLength,
        IReadOnlyList<int> kind, int outsideHoldings, Func<int, bool>? takenByRange = null)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(labelLength);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(demand);
        _classRates = demand.ClassRates;
        _timings = demand.Timings;
        if (spans.Count == 0)
        {
            throw new ArgumentException("a race needs a span", nameof(spans));
        }

        Party = party;
        Spans = spans;
        takenByRange ??= _ => false;
        SentMost = (int)spans.Sum(s => s.Length);
        // A span read through another party's span (SendSpan.Bridged) may as well have been sent around it: both readings
        // are compared, around first (the data seldom tell them apart: in the reconstruction, sent through, the faster range
        // party's list would read as sent after the other's block, which it was not). Names of a bridged stretch are read in
        // neither, so that both read the same names.
        var bridged = spans.SelectMany(s => s.BridgedNames(axes)).ToHashSet();

        Positions = SentMost - bridged.Count;
        var names = spans.SelectMany(s => s.Names(axes, false)).Where(n => !takenByRange(n) && !bridged.Contains(n)).ToArray();
        NotReadLost = spans.SelectMany(s => s.Names(axes, false)).Count(n => takenByRange(n) && !bridged.Contains(n) && holder[n] != party);
        // Which span each name is in: stretches of numbers far apart are wanted differently.
        var spanOf = new Dictionary<int, int>();
        for (var i = 0; i < spans.Count; i++)
        {
            foreach (var n in spans[i].Names(axes, false))
            {
                spanOf[n] = i;
            }
        }

        // Level classes: kinds of names (see the class summary).
        long Key(int n) => ((long)kind[n] << 8) | (long)spanOf[n];
        var keys = names.Select(Key).Distinct().Order().ToArray();
        var levelOf = new Dictionary<long, int>();
        for (var i = 0; i < keys.Length; i++)
        {
            levelOf[keys[i]] = i;
        }

        // A class's level is known as well as windows of its size of the same kind of names outside the spans follow the model.
        _sigma = [.. keys.Select(k => demand.LevelSigma(n => kind[n] == (int)(k >> 8), names.Count(n => Key(n) == k)))];
        Names = names.Length;
        Lost = names.Count(n => holder[n] != party);
        ExpectedWanted = names.Sum(n => -double.ExpM1(-demand.WantRate[n]));
        _levelRate = new double[keys.Length];
        foreach (var n in names)
        {
            _levelRate[levelOf[Key(n)]] += demand.WantRate[n];
        }

        // Names sent before the spans: its names elsewhere and their lost companions, or a late start (a delay of o/c), up to
        // as many as its spans hold. Limited to the first alone, fast parties of blind races that started late read at the grid's floor (¼×).
        var most = Math.Max(outsideHoldings * demand.ListFactor, Positions);
        Offsets = [0.0, most / 32, most / 8, most / 2, most];

        // The plausible orders, each as the names read at their send positions among all the names sent. Every order lists
        // the same names; a name's ordinal is its place in the default order (the first).
        var sendOrders = Orders(spans, axes, skip: bridged);
        if (bridged.Count > 0)
        {
            sendOrders = sendOrders.Concat(Orders(spans, axes, skip: null));
        }

        var candidates = sendOrders.Select(o =>
        {
            var read = Enumerable.Range(0, o.List.Length).Where(k => !takenByRange(o.List[k]) && !bridged.Contains(o.List[k])).ToArray();
            return (o.Description, List: read.Select(k => o.List[k]).ToArray(), Read: read, Sent: SentMost);
        }).ToArray();
        OrdersCompared = candidates.Length;
        var ordinal = new Dictionary<int, int>();
        for (var i = 0; i < candidates[0].List.Length; i++)
        {
            ordinal[candidates[0].List[i]] = i;
        }

        bool IsLost(int n) => holder[n] != party;
        int LevelOfName(int n) => levelOf[Key(n)];

        // A band's positions are the same in every order: its lumpiness σ is read once.
        _bandSigma = [.. RaceCells.BandSizes(SentMost).Select(size => demand.BandSigma(size, kind))];

        // The order read: the default, and the one the screen chose if another (the statistic of every simulated race is
        // maximised over both, the other paying OrderPenalty).
        var chosen = OrderScreen.Choose(this, [.. candidates.Select(c => (c.List, c.Read))], IsLost, demand.RateClass, LevelOfName, out var screen);
        ScreenValues = screen;
        foreach (var index in chosen == 0 ? [0] : new[] { 0, chosen })
        {
            var (description, list, read, sent) = candidates[index];
            var cells = RaceCells.Build(list, read, sent, IsLost, demand.RateClass, LevelOfName, keys.Length, out var cellAt);
            var cellOfName = new int[list.Length];
            for (var k = 0; k < list.Length; k++)
            {
                cellOfName[ordinal[list[k]]] = cellAt[k];
            }

            _orders.Add((description, cells, cellOfName));
        }

        // The bands' expected losses come from the pilot fit without lumps, then every order's weights are fixed.
        var pilot = PilotChance();
        _weights = [.. _orders.Select(o => LevelProfile.Weights(o.Cells, _bandSigma, BandLosses(o.Cells, o.CellOfName, pilot)))];
    }

    public int Party { get; }

    public IReadOnlyList<SendSpan> Spans { get; }

    /// <summary>Send positions of its spans: every name of them but their bridged stretches (<see cref="SendSpan.Bridged"/>).</summary>
    public int Positions { get; }

    /// <summary>Send positions of its spans read as sent through their bridged stretches (the bands of every order cover them).</summary>
    internal int SentMost { get; }

    /// <summary>Names the race reads: those of its spans that no other range party holds and that lie in no other range party's span.</summary>
    public int Names { get; }

    /// <summary>Names of its spans (bridged stretches aside) it does not read: another range party holds them or they lie in its span.</summary>
    public int NotRead => Positions - Names;

    /// <summary>Of <see cref="NotRead"/>, the names others hold: lost, but not read as others' demand.</summary>
    public int NotReadLost { get; }

    /// <summary>Of the names it reads, the ones others hold.</summary>
    public int Lost { get; }

    /// <summary>How many of its names others are expected to have wanted at all (Σ 1 − e^(−λ)).</summary>
    public double ExpectedWanted { get; }

    /// <summary>The offsets o profiled: names it may have sent before its spans.</summary>
    public IReadOnlyList<double> Offsets { get; }

    /// <summary>
    /// The send orders read, in words: the default, and the one <see cref="OrderScreen"/> chose among
    /// <see cref="OrdersCompared"/> if another.
    /// </summary>
    public IReadOnlyList<string> OrderDescriptions => [.. _orders.Select(o => o.Description)];

    /// <summary>How many plausible send orders of its spans were compared.</summary>
    public int OrdersCompared { get; }

    /// <summary>Per order compared: its screen value (<see cref="OrderScreen"/>, less the penalty of an order not the default).</summary>
    internal IReadOnlyList<double> ScreenValues { get; } = [];

    internal RaceCells CellsOf(int order) => _orders[order].Cells;

    /// <summary>Per name (by its place in the default order's list), its cell in order <paramref name="order"/>.</summary>
    internal int[] CellOfName(int order) => _orders[order].CellOfName;

    internal int OrderCount => _orders.Count;

    /// <summary>λ·G̃ per cell of <paramref name="cells"/> at offset <paramref name="offset"/> and multiple <paramref name="multiple"/>.</summary>
    internal void Expected(RaceCells cells, CompetitorTiming timing, double offset, double multiple, Span<double> x) =>
        Expected(cells.MeanPosition, cells.RateClass, timing, offset, multiple, x);

    /// <summary>λ·G̃ per cell given each cell's mean send position and rate class.</summary>
    internal void Expected(ReadOnlySpan<double> meanPosition, ReadOnlySpan<int> rateClass, CompetitorTiming timing, double offset, double multiple, Span<double> x)
    {
        for (var c = 0; c < meanPosition.Length; c++)
        {
            var n = offset + meanPosition[c] + 1;
            var logTau = Math.Log(n / multiple);
            var spread = 1 / Math.Sqrt(n);
            double g = 0;
            foreach (var (z, weight) in OwnSpread)
            {
                g += weight * timing.GAtLog(rateClass[c], logTau + (z * spread));
            }

            x[c] = _classRates[rateClass[c]] * g;
        }
    }

    /// <summary>The profiled (quasi-)log-likelihood of order <paramref name="order"/>'s losses at one setting (level scales out in <paramref name="logScale"/>).</summary>
    internal double LogLikelihood(int order, int timing, double offset, double multiple, Span<double> logScale)
    {
        var cells = _orders[order].Cells;
        var x = new double[cells.Count];
        Expected(cells, _timings[timing], offset, multiple, x);
        return LevelProfile.Evaluate(cells, x, _sigma, logScale, _weights[order]);
    }

    /// <summary>Per cell of order <paramref name="order"/>: its quasi-likelihood weight (1/φ of its band).</summary>
    internal ReadOnlySpan<double> Weights(int order) => _weights[order];

    internal ReadOnlySpan<double> Sigma => _sigma;

    /// <summary>Per position band: its lumpiness σ, read outside the spans (<see cref="LevelProfile"/>).</summary>
    internal ReadOnlySpan<double> BandSigma => _bandSigma;

    internal int TimingCount => _timings.Count;

    internal Demand.CompetitorTiming Timing(int timing) => _timings[timing];

    internal int Levels => _sigma.Length;

    /// <summary>The likelihood over every order, competitor timing, offset and multiple: the profile over the multiple and where it peaks.</summary>
    public RaceFit Fit() => Fit(out _);

    /// <summary>As <see cref="Fit()"/>, with Σλ of the names it reads as the best fit reads the levels the outside cannot
    /// calibrate (σ at <see cref="OthersDemand.UncalibratedSigma"/>: their fitted λ times the level's scale), the others'
    /// as fitted. Only an extrapolation is replaced: shorter lists bring competitors' requests earlier and read a party
    /// faster, so a level the outside measured keeps its Σλ (re-read, a 1× party's p fell from 0.059 to 0.016).</summary>
    public RaceFit Fit(out double readRateSum)
    {
        var fit = Profile(order => _weights[order], out var scales);
        readRateSum = _levelRate.Select((r, l) => r * (_sigma[l] >= OthersDemand.UncalibratedSigma ? Math.Exp(scales[l]) : 1)).Sum();
        return fit;
    }

    /// <summary>Σλ of the names it reads, as others' demand gives it.</summary>
    public double RateSum => _levelRate.Sum();

    // The profile over the multiple with each order's cell weights (empty: none); out: the level scales at the maximum.
    private RaceFit Profile(Func<int, double[]> weights, out double[] bestScales)
    {
        var profile = new double[Multiples.Count];
        var at = new RaceSetting[Multiples.Count];
        Array.Fill(profile, double.NegativeInfinity);
        var logScale = new double[Levels];
        bestScales = new double[Levels];
        var best = double.NegativeInfinity;
        for (var order = 0; order < _orders.Count; order++)
        {
            var cells = _orders[order].Cells;
            var weight = weights(order);
            var x = new double[cells.Count];
            for (var timing = 0; timing < _timings.Count; timing++)
            {
                for (var o = 0; o < Offsets.Count; o++)
                {
                    Array.Clear(logScale);
                    for (var g = 0; g < Multiples.Count; g++)
                    {
                        Expected(cells, _timings[timing], Offsets[o], Multiples[g], x);
                        var l = LevelProfile.Evaluate(cells, x, _sigma, logScale, weight) - (order == 0 ? 0 : OrderPenalty);
                        if (l > profile[g])
                        {
                            profile[g] = l;
                            at[g] = new RaceSetting(order, timing, o, g);
                        }

                        if (l > best)
                        {
                            best = l;
                            logScale.CopyTo(bestScales, 0);
                        }
                    }
                }
            }
        }

        return new RaceFit(profile, at, _orders.Select(o => o.Description).ToArray());
    }

    // Per name (default order's list): its chance of a loss at the best fit without lumps.
    private double[] PilotChance()
    {
        var fit = Profile(_ => [], out var scales);
        var setting = fit.BestSetting;
        var cells = _orders[setting.Order].Cells;
        var x = new double[cells.Count];
        Expected(cells, _timings[setting.Timing], Offsets[setting.Offset], Multiples[setting.Multiple], x);
        return [.. _orders[setting.Order].CellOfName.Select(c => -double.ExpM1(-Math.Exp(scales[cells.Level[c]]) * x[c]))];
    }

    // Per band of an order: the pilot's expected losses of the names at its positions.
    private static double[] BandLosses(RaceCells cells, int[] cellOfName, double[] chance)
    {
        var losses = new double[cells.BandSize.Length];
        for (var name = 0; name < chance.Length; name++)
        {
            losses[cells.Band[cellOfName[name]]] += chance[name];
        }

        return losses;
    }

    // Plausible send orders of the spans: every permutation of up to three spans (else by position), all up or all down;
    // the first is the default (upwards, the span whose first name comes first in the space first).
    // With skip, the names of bridged stretches are left out: the spans sent around the other parties' spans, not through.
    private static IEnumerable<(string Description, int[] List)> Orders(IReadOnlyList<SendSpan> spans, NumericAxes axes, HashSet<int>? skip)
    {
        var sorted = spans.OrderBy(s => s.Names(axes, false).First()).ToArray();
        var permutations = sorted.Length <= 3 ? Permutations(sorted) : [sorted, [.. sorted.Reverse()]];
        foreach (var descending in new[] { false, true })
        {
            foreach (var permutation in permutations)
            {
                var description = string.Join(", then ", permutation.Select(s => $"{s.Describe()} ({s.AxisName}) {(descending ? "from the top down" : "upwards")}{(s.Bridged.Count == 0 ? "" : $" {(skip is null ? "through" : "around")} {string.Join(", ", s.BridgedLabels())}")}"));
                yield return (description, [.. permutation.SelectMany(s => s.Names(axes, descending)).Where(n => skip is null || !skip.Contains(n))]);
            }
        }
    }

    private static List<SendSpan[]> Permutations(SendSpan[] items)
    {
        if (items.Length <= 1)
        {
            return [items];
        }

        var result = new List<SendSpan[]>();
        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                result.Add([items[i], .. tail]);
            }
        }

        return result;
    }
}
