using Landrush.Analysis.Verdict.Spans;

namespace Landrush.Analysis.Verdict;

/// <summary>One tested party's race as read: its spans, the names it lost of them and the send orders compared.</summary>
/// <param name="Party">The party's label.</param>
/// <param name="Spans">Its spans.</param>
/// <param name="Lost">Names its race reads that others hold.</param>
/// <param name="Positions">Names of its spans.</param>
/// <param name="Read">Of those, the names its race reads: not those another range party holds.</param>
/// <param name="SendOrders">Send orders of its spans compared by likelihood.</param>
public sealed record RaceAssumption(string Party, IReadOnlyList<SendSpan> Spans, int Lost, int Positions, int Read, int SendOrders);
