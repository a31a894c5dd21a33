namespace Landrush.Analysis.Verdict.Spans;

/// <summary>
/// A numeric span one party is read to have asked for: the values <see cref="From"/>..<see cref="To"/> of one axis of
/// <see cref="NumericAxes"/> (<see cref="Width"/> 0: plain numbers across lengths; L: L-digit labels, leading zeros
/// included), every one of them registered. The party holds <see cref="Held"/> of them; the others are names it
/// asked for and lost. In which direction, and in which order among its other spans, it sent them is read by the race.
/// </summary>
public sealed record SendSpan(int Party, int Width, long From, long To, int Held)
{
    /// <summary>
    /// Stretches of the span (From..To on its axis) between its dense parts that other parties' spans claim: its list
    /// was split there, sent around them or through them (and lost them); the race compares both readings. They are
    /// those parties' ranges, not names it lost; the rest of a gap between dense parts is a stretch it lost.
    /// </summary>
    public IReadOnlyList<(long From, long To)> Bridged { get; init; } = [];

    /// <summary>Whether value <paramref name="value"/> lies in a bridged stretch.</summary>
    public bool InBridge(long value) => Bridged.Any(b => value >= b.From && value <= b.To);

    /// <summary>Name indices of the span from <see cref="From"/> up outside its bridged stretches: the party's own range.</summary>
    public IEnumerable<int> OwnNames(NumericAxes axes) => Names(axes, descending: false).Where((_, i) => !InBridge(From + i));

    /// <summary>Name indices of its bridged stretches, from <see cref="From"/> up.</summary>
    public IEnumerable<int> BridgedNames(NumericAxes axes) => Names(axes, descending: false).Where((_, i) => InBridge(From + i));

    /// <summary>Names in the span.</summary>
    public long Length => To - From + 1;

    /// <summary>The axis in words: "plain" or "zero-padded to L digits".</summary>
    public string AxisName => Width == 0 ? "plain" : $"zero-padded to {Width} digits";

    /// <summary>The first and last label, as written on its axis (e.g. <c>0</c>–<c>2100</c>, <c>0000</c>–<c>4999</c>).</summary>
    public string Describe() => $"{FirstLabel}–{LastLabel}";

    /// <summary>
    /// <see cref="Describe"/> with the axis and any bridged stretch: <c>0–4999 (plain; 1000–1499 in it another party's
    /// span)</c>.
    /// </summary>
    public string Summary() => Bridged.Count == 0
        ? $"{Describe()} ({AxisName})"
        : $"{Describe()} ({AxisName}; {string.Join(", ", BridgedLabels())} in it {(Bridged.Count == 1 ? "another party's span" : "other parties' spans")})";

    /// <summary>Each bridged stretch as its first and last label: <c>1000–1499</c>.</summary>
    public IEnumerable<string> BridgedLabels() => Bridged.Select(b => $"{Label(b.From)}–{Label(b.To)}");

    /// <summary>The label of <see cref="From"/> as written on its axis.</summary>
    public string FirstLabel => Label(From);

    /// <summary>The label of <see cref="To"/> as written on its axis.</summary>
    public string LastLabel => Label(To);

    /// <summary>Name indices of the span, from <see cref="From"/> up (or from <see cref="To"/> down).</summary>
    public IEnumerable<int> Names(NumericAxes axes, bool descending)
    {
        ArgumentNullException.ThrowIfNull(axes);
        for (var i = 0L; i < Length; i++)
        {
            yield return (int)axes.IndexOf(Width, descending ? To - i : From + i);
        }
    }

    /// <summary>
    /// Whether every name of the span shares one of the shapes that are a stretch of numbers
    /// (<see cref="Demand.LabelFeatures.Stretches"/>): years 1901–2028, say. A collector of that class holds such a span
    /// in whatever order it sent it, and the numbers' order says nothing of when it asked for each.
    /// </summary>
    public bool WithinOneStretchClass()
    {
        var shared = Demand.LabelFeatures.Stretches;
        for (var v = From; v <= To && shared != 0; v++)
        {
            shared &= Demand.LabelFeatures.Of(Label(v));
        }

        return shared != 0;
    }

    /// <summary>
    /// Whether a party's spans are all stretches of one class (<see cref="WithinOneStretchClass"/>): a collection sent in any
    /// order, whose race is not read (none when it has no span).
    /// </summary>
    public static bool OnlyStretchClasses(IReadOnlyCollection<SendSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        return spans.Count > 0 && spans.All(s => s.WithinOneStretchClass());
    }

    private string Label(long value) =>
        Width == 0 ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(Width, '0');
}
