using Landrush.Analysis.Verdict.Demand;
using Landrush.Analysis.Verdict.Race;
using Landrush.Analysis.Verdict.Spans;

namespace Landrush.Analysis.Verdict;

/// <summary>
/// What the verdict reads off one allocation before any test: who holds each name, the numeric axes, the spans as
/// sent, and others' demand learned outside them. Built once per run and shared by the tests and the words.
/// </summary>
internal sealed class VerdictWorld
{
    private readonly int _emptyHanded;
    private readonly bool[] _inSpan;
    private readonly int[] _spanParty; // per name: the party whose span holds it, -1 none, -2 several
    private readonly bool[] _rangeParty;
    private OthersDemand? _lengthOnly;
    private readonly NameCells?[] _cells = new NameCells?[2]; // the fit's cells of every name, length-only and with patterns
    private readonly bool[] _classOnly; // per party: every span of it a stretch of one class of numbers (not tested)
    private readonly int[] _offSpans; // per party: names it holds outside every span

    private VerdictWorld(ObservedAllocation observed, int[] holder, NumericAxes axes, IReadOnlyList<SendSpan> spans, int participants)
    {
        Observed = observed;
        Holder = holder;
        Axes = axes;
        Spans = spans;
        Holdings = new int[participants];
        observed.Holdings().CopyTo(Holdings, 0);
        _emptyHanded = participants - observed.PartiesHolding();
        _inSpan = new bool[holder.Length];
        _spanParty = new int[holder.Length];
        Array.Fill(_spanParty, -1);
        _rangeParty = new bool[participants];
        _classOnly = new bool[participants];
        foreach (var group in spans.GroupBy(s => s.Party))
        {
            _classOnly[group.Key] = SendSpan.OnlyStretchClasses([.. group]);
        }

        foreach (var s in spans)
        {
            _rangeParty[s.Party] = true;
            // A bridged stretch is other parties' spans: not this party's range.
            foreach (var name in s.OwnNames(axes))
            {
                _inSpan[name] = true;
                _spanParty[name] = _spanParty[name] == -1 || _spanParty[name] == s.Party ? s.Party : -2;
            }
        }

        // Counted once: every race reads it, and so does each party's own reading of others' demand.
        _offSpans = new int[participants];
        for (var name = 0; name < holder.Length; name++)
        {
            if (holder[name] >= 0 && !_inSpan[name])
            {
                _offSpans[holder[name]]++;
            }
        }

        LabelLength = new int[holder.Length];
        Kind = new int[holder.Length];
        var i = 0;
        foreach (var label in observed.Space.Enumerate())
        {
            Kind[i] = (label.Length << 16) | LabelFeatures.Of(label);
            LabelLength[i++] = label.Length;
        }

        Demand = DemandWith(patternFeatures: true);
    }

    public ObservedAllocation Observed { get; }

    /// <summary>Per name index: its holder's party, or -1 when free.</summary>
    public int[] Holder { get; }

    public NumericAxes Axes { get; }

    public IReadOnlyList<SendSpan> Spans { get; }

    /// <summary>Names held per party (participants who won nothing included, at 0).</summary>
    public int[] Holdings { get; }

    public int[] LabelLength { get; }

    /// <summary>Per name index: its kind, length and feature bits (a race reads each kind's level of demand itself).</summary>
    public int[] Kind { get; }

    /// <summary>Others' demand under the base reading (length and digit patterns).</summary>
    public OthersDemand Demand { get; }

    public static VerdictWorld Read(ObservedAllocation observed, VerdictOptions options, int participants)
    {
        var holder = new int[checked((int)observed.Space.Count)];
        Array.Fill(holder, -1);
        for (var i = 0; i < observed.Registered; i++)
        {
            holder[observed.NameIndex[i]] = observed.PartyOf[i];
        }

        var axes = NumericAxes.Of(observed.Space);
        return new VerdictWorld(observed, holder, axes, SpanFinder.Find(holder, axes, options.MinRangeLength), participants);
    }

    /// <summary>Others' demand with or without the digit-pattern features.</summary>
    public OthersDemand DemandWith(bool patternFeatures) => OthersDemand.Fit(Cells(patternFeatures), Holder, _inSpan, _rangeParty, _emptyHanded);

    /// <summary>Others' demand as <paramref name="party"/>'s race reads it: its own names off its spans are not others' wants.</summary>
    public OthersDemand DemandFor(int party, bool patternFeatures)
    {
        // Holding nothing off its spans, its reading is everyone's: one fit of a space of millions of names is seconds.
        return _offSpans[party] > 0 ? OthersDemand.Fit(Cells(patternFeatures), Holder, _inSpan, _rangeParty, _emptyHanded, party)
            : patternFeatures ? Demand : LengthOnlyDemand;
    }

    /// <summary>Others' demand with attractiveness by length only (fitted once, when first asked for).</summary>
    public OthersDemand LengthOnlyDemand => _lengthOnly ??= DemandWith(patternFeatures: false);

    // Read once per feature set: every party's own fit reads the same cells.
    private NameCells Cells(bool patternFeatures) => _cells[patternFeatures ? 1 : 0] ??= AttractivenessFit.Cells(Observed.Space, patternFeatures);

    /// <summary>The <paramref name="count"/> largest holders (ties by index).</summary>
    public int[] Reported(int count) => [.. Largest().Take(count)];

    /// <summary>
    /// The range parties among the <paramref name="count"/> largest holders, largest first, but those whose every span is a
    /// stretch of one class of numbers (<see cref="SendSpan.WithinOneStretchClass"/>): a collector of years holds 1901–2028
    /// in whatever order it asked for the years, and read as sent upwards, one that won the old years nobody else wanted
    /// read as a 20× party. Its span still keeps its names out of others' races and others' demand.
    /// </summary>
    public int[] Tested(int count) => [.. Largest().Take(count).Where(p => _rangeParty[p] && !_classOnly[p])];

    /// <summary>
    /// <paramref name="party"/>'s race, its fit and the demand it was read under: others' demand as its race reads it
    /// (<see cref="DemandFor"/>), the lists' length read again from its own losses where the outside cannot calibrate
    /// its levels (<see cref="SpanRace.Fit(out double)"/>, <see cref="OthersDemand.WithRateSum"/>). In the study's
    /// <c>Collectors</c> x5-007 the names beside the spans of a party that nearly fills the four-digit names (the head of
    /// its list, which it lost) set others' demand there at 15,095 wanted names, truly about 1,160, and the lists at
    /// 15,608 requests, truly 2,100; the 0.65× party read 33×, p = 0.001. Read once: a second reading moved the list
    /// factor by 1 % there. The first fit may read its levels under lists twice as long (<see cref="OthersDemand.ListScales"/>),
    /// where the same losses need more demand; the list factor then grows with it, and the race is read slower, not faster.
    /// </summary>
    public (SpanRace Race, RaceFit Fit, OthersDemand Demand) ReadRace(int party, bool patternFeatures)
    {
        var demand = DemandFor(party, patternFeatures);
        var race = RaceOf(party, demand);
        var fit = race.Fit(out var read);
        var reread = demand.WithRateSum(race.RateSum, read);
        if (ReferenceEquals(reread, demand))
        {
            return (race, fit, demand);
        }

        race = RaceOf(party, reread);
        return (race, race.Fit(), reread);
    }

    /// <summary>A range party's race under <paramref name="demand"/>.</summary>
    public SpanRace RaceOf(int party, OthersDemand demand)
    {
        var spans = Spans.Where(s => s.Party == party).ToArray();
        // A name of its spans that another range party holds went to that party's race, not to others' demand: where both
        // sent it, the race between the two decided it (also where the other won it alone, between stretches it lost).
        // Others' lists leave such names out too (OthersDemand.Fit). A name such a party won off its ranges, as anyone's
        // list might have, is left out with them: a loss not read, which leans the multiple up; not yet told apart.
        // Likewise every name of another range party's span, whoever holds it: the two races and others' demand decided
        // those together, and reading only the ones neither range party holds would read only losses.
        return new SpanRace(party, spans, Axes, Holder, demand, LabelLength, Kind, _offSpans[party],
            name => (Holder[name] >= 0 && Holder[name] != party && _rangeParty[Holder[name]]) || (_spanParty[name] != -1 && _spanParty[name] != party));
    }

    /// <summary>Per range party, the names of its spans but their bridged stretches (upwards, in its spans' order): its list for the null models.</summary>
    public IReadOnlyDictionary<int, int[]> SpanNames() =>
        Spans.GroupBy(s => s.Party).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Width).ThenBy(s => s.From)
            .SelectMany(s => s.OwnNames(Axes)).ToArray());

    /// <summary>The numbers every assumption behind the verdict rests on.</summary>
    public VerdictAssumptions Assumptions(VerdictOptions options, int tested, SpanRace[] races) =>
        new(Spans.Count, Spans.Select(s => s.Party).Distinct().Count(), options.MinRangeLength, Demand.ListFactor, Demand.Lists, _emptyHanded,
            OthersDemand.Betas, CompetitorTiming.CapacitySpread, SpanRace.Multiples[0], SpanRace.Multiples[^1], tested, options.TestedParties,
            options.ExcessThreshold, options.TestSims, options.Alpha, options.PowerSims,
            [.. races.Select(r => new RaceAssumption(Observed.PartyLabels[r.Party], r.Spans, r.Lost, r.Positions, r.Names, r.OrdersCompared))],
            Demand.BandSigma(VerdictAssumptions.LumpinessWindow, Kind), OthersDemand.ListScales);

    private IEnumerable<int> Largest() =>
        Enumerable.Range(0, Holdings.Length).Where(p => Holdings[p] > 0).OrderByDescending(p => Holdings[p]).ThenBy(p => p);
}
