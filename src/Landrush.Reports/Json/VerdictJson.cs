using Landrush.Analysis.Verdict;
using Landrush.Reports.Building;

namespace Landrush.Reports.Json;

/// <summary>The verdict in <c>analyze --json</c>: its status word, test and plain words.</summary>
public sealed record VerdictJson(
    VerdictStatus Status, bool? ExcessCapacity, double? PValue, IReadOnlyList<string> Parties, double? ExplainedByDemand, double? ExpectedCr2,
    double? ObservedCr2, double ExcessThreshold, double Alpha, IReadOnlyList<PowerJson> Power, string Plain)
{
    /// <param name="result">The verdict stage's result.</param>
    /// <param name="holderUnknown">Registered names whose holder does not show (the plain words say so).</param>
    public static VerdictJson From(VerdictResult result, long holderUnknown)
    {
        ArgumentNullException.ThrowIfNull(result);
        var v = result.Verdict;
        return new(v.Status, v.ExcessCapacity, JsonOutput.Finite(v.PValue), v.Parties, JsonOutput.Finite(v.ExplainedByDemand),
            JsonOutput.Finite(v.ExpectedCr2), JsonOutput.Finite(v.ObservedCr2), v.Threshold, v.Alpha, PowerJson.From(v.Power),
            VerdictReport.Plain(result, holderUnknown));
    }
}
