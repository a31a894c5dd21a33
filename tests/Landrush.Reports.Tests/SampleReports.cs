using Landrush.Analysis;
using Landrush.Reports.Building;
using Landrush.Reports.Figures;
using Landrush.Reports.Model;

namespace Landrush.Reports.Tests;

/// <summary>Reports built for the document tests: a full one on the reconstruction, and degenerate ones.</summary>
internal static class SampleReports
{
    public const string Command = "landrush report --data data/nl-2008-reconstruction.csv --out reports/test --seed 2008";

    private static readonly Lazy<Report> LazyFull = new(() => ReportBuilder.Build(Inputs(Allocations.Reconstruction) with
    {
        Verdict = ["Test verdict: the two largest parties won far more than equal capacity gives."],
        NullModels = [new NullModelDistribution("uniform lottery", [.. Enumerable.Range(0, 300).Select(i => 0.03 + (0.005 * Math.Cos(i)))], 0.898, 1.0 / 301)],
        Capacity = [new("A (synthetic)", 40, 30, 52), new("B (synthetic)", 95, 70, 130)],
        Premium = [new("3-digit names", 0.75, 0.3, 0.2, 0.4)],
        Sensitivity = [new("baseline", 40, 30, 52), new("wish lists ×2", 33, 25, 44)],
        Assumptions = ["Requests were blind: a party did not know which names others had taken."],
        Provenance = ["file data/nl-2008-reconstruction.csv (synthetic-reconstruction:profile=nl-2008:seed=2008)"],
        Reproduced = Reproduced,
    }));

    /// <summary>A profile's published figures beside the data's, as the nl-2008 profile makes them (Reports does not know profiles).</summary>
    public static readonly ReportTable Reproduced = new("reproduced", "The 2008 blog's four figures, from this data", ["figure", "from this data", "blog, March 2008"],
        [["names in the space", "111,110", "111,110"], ["registered", "11,245", "11,245"], ["held by the two largest parties", "10,096", "10,096"], ["participants", "108", "108"]]);

    public static Report Full => LazyFull.Value;

    public static ReportInputs Inputs(ObservedAllocation allocation) => new(
        allocation,
        "seeded reconstruction of the 2008 .nl landrush (data/nl-2008-reconstruction.csv), not registry data",
        IsSynthetic: true,
        "nl-2008 reconstruction (synthetic)",
        Command,
        2008);
}
