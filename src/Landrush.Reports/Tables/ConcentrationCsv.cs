using System.Globalization;
using Landrush.Analysis.Concentration;

namespace Landrush.Reports.Tables;

/// <summary>Concentration figures as CSV tables (invariant culture, doubles round-trip, undefined figures empty with the reason). Given <c>syntheticBecause</c> (the provenance of synthetic data), each table opens with <see cref="CsvTable.SyntheticLine"/>.</summary>
public static class ConcentrationCsv
{
    /// <summary>
    /// One row per figure: <c>figure,value,note</c>; an undefined figure has an empty value and its reason as note.
    /// <paramref name="holderUnknown"/> registered names show no holder: they count as registered, and every figure
    /// after <c>registered_holder_unknown</c> is over the others.
    /// </summary>
    public static void WriteSummary(TextWriter writer, ConcentrationSummary summary, long holderUnknown = 0, string? syntheticBecause = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rows = new List<string[]>
        {
            new[] { "registered", (summary.Registered + holderUnknown).ToString(CultureInfo.InvariantCulture), holderUnknown > 0 ? "names whose holder shows and those whose holder does not" : string.Empty },
            new[] { "registered_holder_unknown", holderUnknown.ToString(CultureInfo.InvariantCulture), holderUnknown > 0 ? "left out of every figure below (no party)" : string.Empty },
            Row("parties_holding", summary.PartiesHolding, summary),
            Row("participants", summary.Participants, summary),
            Row("top1", summary.Top1, summary),
            Row("top2", summary.Top2, summary),
        };
        for (var k = 1; k <= Math.Max(2, summary.Cr.Count); k++)
        {
            rows.Add(Row($"cr{k}", k <= summary.Cr.Count ? summary.Cr[k - 1] : k == 2 ? summary.Cr2 : null, summary));
        }

        rows.Add(Row("hhi", summary.Hhi, summary));
        rows.Add(["hhi_band", summary.Band is { } b ? Words.Band(b) : string.Empty, summary.Band is null ? Why("hhi", summary) : "2023 US Merger Guidelines: above 1,800 highly, 1,000-1,800 moderately concentrated"]);
        rows.Add(Row("hhi_normalized", summary.HhiNormalized, summary));
        rows.Add(Row("hhi_normalized_all", summary.HhiNormalizedAll, summary));
        rows.Add(Row("hhi_equivalent", summary.NumbersEquivalent, summary));
        rows.Add(Row("gini", summary.Gini, summary));
        rows.Add(Row("gini_all", summary.GiniAll, summary));
        rows.Add(Row("theil", summary.Theil, summary));
        rows.Add(Row("theil_all", summary.TheilAll, summary));
        PartyAuditCsv.Write(writer, ["figure", "value", "note"], rows, syntheticBecause);
    }

    /// <summary>The Lorenz points, <c>population,holdings</c>.</summary>
    public static void WriteLorenz(TextWriter writer, IReadOnlyList<LorenzPoint> points, string? syntheticBecause = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        PartyAuditCsv.Write(writer, ["population", "holdings"], points.Select(p => new[] { D(p.Population), D(p.Holdings) }), syntheticBecause);
    }

    /// <summary>
    /// One row per group: names of the space, registered, top party and its holdings and share, CR2, HHI (of the names whose
    /// holder shows), and the registered names whose holder does not show.
    /// </summary>
    public static void WriteGroups(TextWriter writer, IReadOnlyList<GroupShare> groups, IReadOnlyList<string> partyLabels, string? syntheticBecause = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(partyLabels);
        // `registered` counts the names whose holder does not show too: the share columns say theirs is another denominator.
        PartyAuditCsv.Write(writer, ["group", "space_names", "registered", "top_party", "top_holdings", "top_share_holder_known", "cr2_holder_known", "hhi_holder_known", "registered_holder_unknown"],
            groups.Select(g => new[]
            {
                g.Group, g.SpaceNames?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, g.Registered.ToString(CultureInfo.InvariantCulture),
                g.TopParty is { } p ? partyLabels[p] : string.Empty, g.TopParty is { } q ? g.Holdings[q].ToString(CultureInfo.InvariantCulture) : string.Empty,
                D(g.TopShare), D(g.Cr2), D(g.Hhi), g.HolderUnknown.ToString(CultureInfo.InvariantCulture),
            }), syntheticBecause);
    }

    private static string[] Row(string figure, double? value, ConcentrationSummary s) =>
        [figure, value is { } v && double.IsFinite(v) ? D(v) : string.Empty, value is null ? Why(figure, s) : string.Empty];

    private static string[] Row(string figure, int? value, ConcentrationSummary s) =>
        [figure, value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, value is null ? Why(figure, s) : string.Empty];

    private static string Why(string figure, ConcentrationSummary s) =>
        s.Undefined.TryGetValue(figure, out var why) ? why : figure == "participants" ? "not known (give --participants N)" : "undefined";

    private static string D(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
}
