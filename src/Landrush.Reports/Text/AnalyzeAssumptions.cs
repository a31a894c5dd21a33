using System.Globalization;
using Landrush.Reports.Building;

namespace Landrush.Reports.Text;

/// <summary>The assumptions behind the figures of <c>analyze</c>, in words: one list for the text and the JSON.</summary>
public static class AnalyzeAssumptions
{
    public static IReadOnlyList<string> Of(AnalyzeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var inv = CultureInfo.InvariantCulture;
        var resolved = result.Resolved;
        var list = new List<string>
        {
            "Registered means status active, inactive or quarantine; rows with status unknown are neither registered nor free.",
        };
        list.AddRange(resolved.Audit.Notes);
        list.Add(string.Create(inv, $"Attractive (contested) names: NameAttractiveness weight >= {result.Indicators.AttractiveWeight} (every name of 1-3 digits and the patterned 4-digit ones)."));
        if (result.ProfileNote is { } profile)
        {
            list.Add(profile);
        }

        list.Add("Indicator references are random assignment of the observed holdings among the registered names (closed forms; they ignore demand).");
        if (resolved.Unknown > 0 || resolved.Missing > 0)
        {
            list.Add(string.Create(inv, $"The dataset is incomplete: {resolved.Unknown:N0} names unknown and {resolved.Missing:N0} without a row; every figure is over the names known to be registered."));
        }

        list.AddRange(VerdictReport.Assumptions(result.Verdict, resolved.HolderUnknown));
        return list;
    }
}
