using Landrush.Analysis.NullModels;
using Landrush.Analysis.Verdict.Spans;

namespace Landrush.Analysis.Verdict;

/// <summary>
/// Everything <see cref="VerdictAnalysis.Run"/> finds: the null models, the implied capacities (largest
/// holder first), the verdict, the sensitivity table, the spans and every assumption, with the seed.
/// </summary>
/// <param name="Registered">Registered names (H).</param>
/// <param name="Participants">Participants the models use (known ones, or the parties holding a name).</param>
/// <param name="Seed">The seed every draw came from.</param>
/// <param name="NullModels">Uniform, lottery and equal-capacity summaries (empty when undefined).</param>
/// <param name="ImpliedCapacities">Per tested party, largest holder first.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Sensitivity">One row per demand variant, base first.</param>
/// <param name="Spans">The numeric spans parties were read to have asked for, as sent (<see cref="SpanFinder"/>).</param>
/// <param name="Assumptions">The numbers every assumption behind the result rests on; null when undefined.</param>
public sealed record VerdictResult(int Registered, int Participants, long Seed, IReadOnlyList<NullModelSummary> NullModels,
    IReadOnlyList<ImpliedCapacity> ImpliedCapacities, CapacityVerdict Verdict, IReadOnlyList<SensitivityRow> Sensitivity,
    IReadOnlyList<SendSpan> Spans, VerdictAssumptions? Assumptions);
