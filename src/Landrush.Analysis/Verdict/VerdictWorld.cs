using System.Globalization;
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
    private readonly bool[] _rangeParty;

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
        _rangeParty = new bool[participants];
        foreach (var s in spans)
        {
            _rangeParty[s.Party] = true;
            foreach (var name in s.Names(axes, false))
            {
                _inSpan[name] = true;
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
    public OthersDemand DemandWith(bool patternFeatures) =>
        OthersDemand.Fit(Observed.Space, Holder, _inSpan, _rangeParty, _emptyHanded, patternFeatures);

    /// <summary>The <paramref name="count"/> largest holders (ties by index).</summary>
    public int[] Reported(int count) => [.. Largest().Take(count)];

    /// <summary>The range parties among the <paramref name="count"/> largest holders, largest first.</summary>
    public int[] Tested(int count) => [.. Largest().Take(count).Where(p => _rangeParty[p])];

    /// <summary>A range party's race under <paramref name="demand"/>.</summary>
    public SpanRace RaceOf(int party, OthersDemand demand)
    {
        var spans = Spans.Where(s => s.Party == party).ToArray();
        var outside = 0;
        for (var name = 0; name < Holder.Length; name++)
        {
            outside += Holder[name] == party && !_inSpan[name] ? 1 : 0;
        }

        return new SpanRace(party, spans, Axes, Holder, demand, LabelLength, Kind, outside);
    }

    /// <summary>Per range party, the names of its spans (upwards, in its spans' order): its list for the null models.</summary>
    public IReadOnlyDictionary<int, int[]> SpanNames() =>
        Spans.GroupBy(s => s.Party).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Width).ThenBy(s => s.From).SelectMany(s => s.Names(Axes, false)).ToArray());

    /// <summary>Every assumption behind the verdict, in words.</summary>
    public List<string> Assumptions(VerdictOptions options, int tested, SpanRace[] races)
    {
        var inv = CultureInfo.InvariantCulture;
        var rangeParties = Spans.Select(s => s.Party).Distinct().Count();
        var list = new List<string>
        {
            "Blind first-come-first-served: each participant sends its list in order, its requests arriving as a stream at its capacity; the first request for a free name wins; nobody sees the outcome during the race.",
            string.Create(inv, $"Spans: {Spans.Count} numeric spans of {rangeParties} range parties, read along the orders in which ranges are sent — plain numbers across lengths (0, 1, …, 9, 10, …) and zero-padded labels per length — never in index order; a span is a party's densest stretch (at least {options.MinRangeLength} names it holds, at least half of the span) between free names, joined across a stretch it mostly lost but never through another party's span. Names a range party holds outside its spans are not in its race."),
            string.Create(inv, $"Others' demand: the want rate λ of each name from a complementary log-log fit of 'registered' on length and generic digit patterns (repeated digits, runs, repeated pairs, round numbers, year-like, palindromes, leading zeros, area-code-like, round hundreds) outside every span; lists are {Demand.ListFactor:0.##}× their holdings (Σλ over the names held outside the spans), {Demand.Lists:N0} of them{(_emptyHanded > 0 ? $", {_emptyHanded} of participants who won nothing" : "")}; a list is sent in a weighted random order of weights λ^β, β read by each race among {string.Join(", ", OthersDemand.Betas)}; honest capacities log-normal around 1 (σ {CompetitorTiming.CapacitySpread})."),
            string.Create(inv, $"Capacity multiples are relative to a typical participant (1): the maximum-likelihood fit (grid {SpanRace.Multiples[0]}–{SpanRace.Multiples[^1]}) of which names of its spans each range party lost and where in its list; the send order of its spans (which first, up or down) chosen by likelihood; profiled over β, the names it may have sent before its spans (up to its holdings elsewhere times the list factor) and the level of others' demand per label length (a log-normal prior whose width is measured outside the spans); 95% intervals where the profile stays within χ²₁/2 of its maximum."),
            string.Create(inv, $"Test per tested party ({tested} range parties among the {options.TestedParties} largest holders): H0 'capacity at most {options.ExcessThreshold}×', statistic the profile likelihood ratio, p-value from {options.TestSims} races simulated under the fitted demand at the restricted maximum; parties flagged by closed testing with Simes' local tests (Hommel), familywise α = {options.Alpha}. Power: {options.PowerSims} races per party simulated at 3×, 5× and 10×."),
        };
        list.AddRange(races.Select(r => string.Create(inv,
            $"{Observed.PartyLabels[r.Party]}: spans {string.Join("; ", r.Spans.Select(s => $"{s.Describe()} ({s.AxisName})"))}; {r.Lost:N0} of {r.Positions:N0} names lost; send orders compared: {r.OrderDescriptions.Count}.")));
        return list;
    }

    private IEnumerable<int> Largest() =>
        Enumerable.Range(0, Holdings.Length).Where(p => Holdings[p] > 0).OrderByDescending(p => Holdings[p]).ThenBy(p => p);
}
