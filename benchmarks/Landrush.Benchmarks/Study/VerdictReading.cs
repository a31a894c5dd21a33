using Landrush.Analysis.Verdict;

namespace Landrush.Benchmarks.Study;

/// <summary>What the study reads of one party in a verdict: its label, the multiple (null: no estimate) and interval.</summary>
internal sealed record PartyReading(string Label, int Holdings, double? Multiple, double? Low, double? High, bool Flagged,
    double? PValue = null, double? Check = null, IReadOnlyList<double>? Power = null);

/// <summary>What the study reads of a verdict: the status word, the tested parties (largest holder first) and the power.</summary>
internal sealed record VerdictReading(string Status, IReadOnlyList<PartyReading> Parties, IReadOnlyList<double>? Power)
{
    public static VerdictReading Of(VerdictResult result) => new(
        result.Verdict.Status switch
        {
            VerdictStatus.ExcessCapacity => "excess_capacity",
            VerdictStatus.NoExcessCapacity => "no_excess",
            VerdictStatus.Inconclusive => "inconclusive",
            _ => "undefined",
        },
        [.. result.ImpliedCapacities.Select(c => new PartyReading(c.Label, c.Holdings, c.Multiple,
            c.Identified ? c.Low : null, c.High, result.Verdict.Parties.Contains(c.Label), c.PValue, c.ModelCheck, [.. c.Power.Select(x => x.Probability)]))],
        result.Verdict.Power is { Count: > 0 } power ? [.. power.Select(p => p.Probability)] : null);
}
