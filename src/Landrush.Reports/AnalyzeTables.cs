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
        var synthetic = result.SyntheticBecause;
        return
        [
            ("parties.csv", w => PartyAuditCsv.WriteParties(w, audit, synthetic)),
            ("party-merges.csv", w => PartyAuditCsv.WriteMerges(w, audit, synthetic)),
            ("shared-hosting.csv", w => PartyAuditCsv.WriteSharedHosting(w, audit, synthetic)),
            ("registrar-fronts.csv", w => PartyAuditCsv.WriteRegistrarFronts(w, audit, synthetic)),
            ("concentration.csv", w => ConcentrationCsv.WriteSummary(w, c, result.Resolved.HolderUnknown, synthetic)),
            ("lorenz.csv", w => ConcentrationCsv.WriteLorenz(w, c.Lorenz, synthetic)),
            ("shares-by-length.csv", w => ConcentrationCsv.WriteGroups(w, measures.ByLength, labels, synthetic)),
            ("shares-by-block.csv", w => ConcentrationCsv.WriteGroups(w, measures.ByBlock, labels, synthetic)),
            ("indicators.csv", w => IndicatorCsv.Write(w, measures.Indicators, synthetic)),
        ];
    }
}
