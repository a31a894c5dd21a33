using Landrush.Analysis;
using Landrush.Analysis.Indicators;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Core.Dataset;

namespace Landrush.Reports.Tests;

/// <summary>Small <c>analyze</c> runs for the JSON and text tests, made the way the command makes them.</summary>
internal static class AnalyzeResults
{
    public const string DataPath = "small.csv";

    private const string Header =
        "#landrush-dataset v1 space=digits:1-2 tld=nl\n" +
        "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref\n";

    /// <summary>Six names: A holds 1-4 (with a registrant name), B holds 5, C holds 6; 7 is free.</summary>
    public static AnalyzeResult Small(int? participants = null)
    {
        var csv = Header + string.Concat(new[] { "1", "2", "3", "4" }.Select(l => Row(l, "A", "Alpha BV"))) + Row("5", "B") + Row("6", "C")
            + "7.nl,1,free,,,,,,,,dns,,\n";
        using var reader = new StringReader(csv);
        var dataset = RegistryCsv.Read(reader, DataPath);
        var parties = new PartyResolutionOptions { Participants = participants };
        var indicators = new IndicatorOptions();
        var resolved = AllocationBuilder.Build(dataset.Header, dataset.Records, parties);
        var measures = AllocationMeasures.Of(resolved, indicators);
        var verdict = VerdictAnalysis.Run(resolved.Allocation,
            new VerdictOptions { Sims = 100, TestSims = 100, PowerSims = 20, SensitivitySims = 20, Seed = 7 });
        return new AnalyzeResult(DataPath, dataset.Header, dataset.Records.Count, measures, verdict, parties, indicators, 3, 100, 7);
    }

    private static string Row(string label, string handle, string name = "") =>
        $"{label}.nl,{label.Length},active,R1,{handle},{name},,,2008-02-28,,whois,,\n";
}
