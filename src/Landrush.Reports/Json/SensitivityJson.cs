using Landrush.Analysis.Verdict;
using Landrush.Reports.Verdict;

namespace Landrush.Reports.Json;

/// <summary>One variant of the inferred demand in <c>analyze --json</c>'s <c>sensitivity</c>.</summary>
/// <remarks><c>Contradicted</c>: Why the variant was set aside; null when it was not. <c>Multiples</c>: Each party's estimated multiple under it; null where none (also where the data bound it on one side only).</remarks>
public sealed record SensitivityJson(
    string Variant, string Description, bool ExcessCapacity, double? PValue, string? Contradicted, IReadOnlyList<double?> Multiples,
    int ContestedNames, double? ExpectedCr2, double? ExplainedByDemand)
{
    public static SensitivityJson From(SensitivityRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Variant, r.Description, r.ExcessCapacity, JsonOutput.Finite(r.PValue), r.Contradiction is { } c ? VerdictWords.SetAside(c) : null, [.. r.Multiples.Select(m => JsonOutput.Finite(m.Multiple))],
            r.ContestedNames, JsonOutput.Finite(r.ExpectedCr2), JsonOutput.Finite(r.ExplainedByDemand));
    }
}
