using Landrush.Analysis.Verdict;

namespace Landrush.Reports.Json;

/// <summary>The chance the test flags a party of the given capacity multiple.</summary>
public sealed record PowerJson(double Multiple, double Probability)
{
    /// <summary>The power at each multiple (empty when not computed).</summary>
    public static IReadOnlyList<PowerJson> From(IReadOnlyList<PowerAt>? power) =>
        [.. (power ?? []).Select(p => new PowerJson(p.Multiple, p.Probability))];
}
