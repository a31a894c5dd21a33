using Landrush.Reports.Tables;

namespace Landrush.Reports;

/// <summary>The CSV tables <c>landrush analyze --out DIR</c> writes, by file name.</summary>
public static class AnalyzeTables
{
    public static IReadOnlyList<(string Name, Action<TextWriter> Write)> Of(AnalyzeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var measures = result.Measures;
        var audit = result.Resolved.Audit;
        var c = result.Concentration;
        var labels = result.Resolved.Allocation.PartyLabels;
        return
        [
            ("parties.csv", w => PartyAuditCsv.WriteParties(w, audit)),
            ("party-merges.csv", w => PartyAuditCsv.WriteMerges(w, audit)),
            ("shared-hosting.csv", w => PartyAuditCsv.WriteSharedHosting(w, audit)),
            ("registrar-fronts.csv", w => PartyAuditCsv.WriteRegistrarFronts(w, audit)),
            ("concentration.csv", w => ConcentrationCsv.WriteSummary(w, c, result.Resolved.HolderUnknown)),
            ("lorenz.csv", w => ConcentrationCsv.WriteLorenz(w, c.Lorenz)),
            ("shares-by-length.csv", w => ConcentrationCsv.WriteGroups(w, measures.ByLength, labels)),
            ("shares-by-block.csv", w => ConcentrationCsv.WriteGroups(w, measures.ByBlock, labels)),
            ("indicators.csv", w => IndicatorCsv.Write(w, measures.Indicators)),
        ];
    }
}
