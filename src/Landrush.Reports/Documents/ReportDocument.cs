using System.Globalization;
using Landrush.Reports.Building;
using Landrush.Reports.Model;

namespace Landrush.Reports.Documents;

/// <summary>
/// The one order of a report's sections, that Markdown and HTML both render. The first screen is one a reader can act on:
/// the verdict's headline, the 2008 blog's four figures from this data, and the fraud indicators each marked against a fair
/// race, before any figure. The reasoning follows (a paragraph per party), then the figures, the tables, the assumptions,
/// the provenance, and the command and seed that made it.
/// </summary>
internal static class ReportDocument
{
    /// <summary>Title of the indicators' table on the first screen.</summary>
    public const string IndicatorsTitle = "Fraud indicators";

    public static IReadOnlyList<DocumentSection> Sections(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var first = new List<DocumentBlock> { new TextBlock(report.Headline, TextStyle.Headline) };
        if (report.Reproduced is { } reproduced)
        {
            first.Add(new TableBlock(reproduced, LinkCsv: false));
        }

        first.Add(report.Indicators.Count == 0 ? new TextBlock("No indicator was computed.") : new TableBlock(Indicators(report.Indicators), LinkCsv: false));
        var sections = new List<DocumentSection> { new("Verdict", first, "verdict") };
        if (report.Verdict.Count > 0)
        {
            sections.Add(new("Reasoning", [.. report.Verdict.Select(p => new TextBlock(p))]));
        }

        var figures = new List<DocumentBlock>();
        if (AbsentFigures.Note(report) is { } note)
        {
            figures.Add(new TextBlock(note, TextStyle.Absent));
        }

        figures.AddRange(report.Figures.Select(f => new FigureBlock(f)));
        sections.Add(new("Figures", figures));
        if (report.Tables.Count > 0)
        {
            sections.Add(new("Tables", [.. report.Tables.Select(t => new TableBlock(t, LinkCsv: true))]));
        }

        sections.Add(new("Assumptions", [new ListBlock(report.Assumptions, "None stated.")]));
        sections.Add(new("Provenance", [new ListBlock([report.DataLabel, .. report.Provenance], "Unknown.")]));
        sections.Add(new("How this report was made", [new CodeBlock(report.CommandLine), new TextBlock("Seed: " + SeedText(report.Seed))]));
        return sections;
    }

    internal static string SeedText(long? seed) =>
        seed is { } s ? s.ToString(CultureInfo.InvariantCulture) : "none (nothing random was drawn)";

    // The indicators as a short table: the mark beside the observed value, the fair models' ranges after.
    private static ReportTable Indicators(IReadOnlyList<ReportIndicator> indicators) =>
        new("indicators", IndicatorsTitle, ["indicator", "observed", "against a fair race", "fair-model reference", "reading"],
            [.. indicators.Select(i => (IReadOnlyList<string>)[i.Name, i.Observed, IndicatorMarks.Word(i.Mark), i.FairReference, i.Reading])]);
}
