using Landrush.Analysis.Verdict.Spans;

namespace Landrush.Reports.Json;

/// <summary>A run of names a party sent for, in <c>analyze --json</c>'s <c>spans</c>.</summary>
/// <remarks><c>Axis</c>: <c>plain</c> (numbers without leading zeros) or <c>padded</c> (fixed width). <c>Names</c>: Names in the span. <c>Held</c>: Names of it the party holds.
/// <c>Through</c>: stretches of it (<c>first–last</c>) that are other parties' spans, which its list was read to run through.</remarks>
public sealed record SpanJson(string Party, string Axis, string First, string Last, long Names, int Held, IReadOnlyList<string> Through)
{
    /// <param name="span">The span.</param>
    /// <param name="partyLabels">Party labels by index.</param>
    public static SpanJson From(SendSpan span, IReadOnlyList<string> partyLabels)
    {
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(partyLabels);
        return new(partyLabels[span.Party], span.Width == 0 ? "plain" : "padded", span.FirstLabel, span.LastLabel, span.Length, span.Held,
            [.. span.BridgedLabels()]);
    }
}
