using Landrush.Analysis.Verdict;

namespace Landrush.Reports.Json;

/// <summary>A party's implied capacity multiple in <c>analyze --json</c>'s <c>implied_capacity</c>.</summary>
/// <remarks><c>RaceNotRead</c>: Of the race's losses, the names another range party holds or that lie in its span (not read as others' demand). <c>Low</c>: Lower end of the 95% interval; null when the data do not bound the multiple, 0 when the interval reaches the slowest multiple searched (no lower bound: also with <c>Below</c>). <c>Above</c>: The data bound the multiple only from below: read "above low". <c>Below</c>: Only from above (its likelihood peaks at the slowest multiple searched): read "below high".</remarks>
public sealed record CapacityJson(
    string Party, int Holdings, int RaceNames, int RaceLosses, int RaceNotRead, double? ExpectedWanted, double? Multiple, double? Low, double? High,
    bool Above, bool Below, string? SendOrder, double? PValue, IReadOnlyList<PowerJson> Power)
{
    public static CapacityJson From(ImpliedCapacity c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Label, c.Holdings, c.RaceNames, c.RaceLosses, c.RaceNotRead, JsonOutput.Finite(c.ExpectedWanted), JsonOutput.Finite(c.Multiple),
            JsonOutput.Finite(c.Identified ? c.Low : null), JsonOutput.Finite(c.High), c.Above, c.Below, c.SendOrder, JsonOutput.Finite(c.PValue),
            PowerJson.From(c.Power));
    }
}
