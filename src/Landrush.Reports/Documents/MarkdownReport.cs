using System.Globalization;
using System.Text;
using Landrush.Reports.Model;

namespace Landrush.Reports.Documents;

/// <summary>
/// Renders a report as Markdown (<c>report.md</c>): the verdict first, then the figures (linked as
/// <c>figures/ID.png</c>, written beside it), the tables (with their CSV), the indicators, the assumptions,
/// the provenance, and the command and seed that made it.
/// </summary>
public static class MarkdownReport
{
    public static string Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Inline(report.Title)).AppendLine();
        md.Append(report.IsSynthetic ? "> **SYNTHETIC DATA.** " : "> **Data:** ").AppendLine(Inline(report.DataLabel)).AppendLine();

        md.AppendLine("## Verdict").AppendLine();
        foreach (var paragraph in report.Verdict)
        {
            md.AppendLine(Inline(paragraph)).AppendLine();
        }

        if (report.Reproduced is { } reproduced)
        {
            md.Append("## ").AppendLine(Inline(reproduced.Title)).AppendLine();
            Table(md, reproduced, linkCsv: false);
        }

        md.AppendLine("## Figures").AppendLine();
        if (AbsentFigures.Note(report) is { } note)
        {
            md.AppendLine(Inline(note)).AppendLine();
        }

        foreach (var figure in report.Figures)
        {
            md.Append("### ").AppendLine(Inline(figure.Title)).AppendLine();
            if (figure.IsRendered)
            {
                md.Append("![").Append(Inline(figure.Title)).Append("](figures/").Append(figure.Id).AppendLine(".png)").AppendLine();
                md.Append('*').Append(Inline(figure.Caption)).Append("* (SVG: [figures/").Append(figure.Id).Append(".svg](figures/").Append(figure.Id).AppendLine(".svg))").AppendLine();
            }
            else
            {
                md.Append("**Figure absent:** ").Append(Inline(figure.AbsentReason!)).AppendLine(".").AppendLine();
                md.Append('*').Append(Inline(figure.Caption)).AppendLine("*").AppendLine();
            }
        }

        if (report.Tables.Count > 0)
        {
            md.AppendLine("## Tables").AppendLine();
            foreach (var table in report.Tables)
            {
                md.Append("### ").AppendLine(Inline(table.Title)).AppendLine();
                Table(md, table, linkCsv: true);
            }
        }

        md.AppendLine("## Indicators").AppendLine();
        if (report.Indicators.Count == 0)
        {
            md.AppendLine("No indicator was computed.").AppendLine();
        }
        else
        {
            md.AppendLine("| indicator | observed | fair-model reference | reading |").AppendLine("|---|---|---|---|");
            foreach (var i in report.Indicators)
            {
                md.Append("| ").Append(Cell(i.Name)).Append(" | ").Append(Cell(i.Observed)).Append(" | ")
                    .Append(Cell(i.FairReference)).Append(" | ").Append(Cell(i.Reading)).AppendLine(" |");
            }

            md.AppendLine();
        }

        md.AppendLine("## Assumptions").AppendLine();
        List(md, report.Assumptions, "None stated.");
        md.AppendLine("## Provenance").AppendLine();
        List(md, [report.DataLabel, .. report.Provenance], "Unknown.");
        md.AppendLine("## How this report was made").AppendLine();
        md.AppendLine("```").AppendLine(report.CommandLine).AppendLine("```").AppendLine();
        md.Append("Seed: ").AppendLine(SeedText(report.Seed));
        return md.ToString();
    }

    internal static string SeedText(long? seed) =>
        seed is { } s ? s.ToString(CultureInfo.InvariantCulture) : "none (nothing random was drawn)";

    private static void Table(StringBuilder md, ReportTable table, bool linkCsv)
    {
        md.Append("| ").AppendJoin(" | ", table.Columns.Select(Cell)).AppendLine(" |");
        md.Append('|').AppendJoin(string.Empty, table.Columns.Select(_ => "---|")).AppendLine();
        foreach (var row in table.Rows.Take(ReportTable.MaxShownRows))
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
        }

        md.AppendLine();
        if (table.Rows.Count > ReportTable.MaxShownRows)
        {
            md.Append(string.Create(CultureInfo.InvariantCulture, $"First {ReportTable.MaxShownRows} of {table.Rows.Count:N0} rows. "));
        }

        if (linkCsv)
        {
            md.Append("CSV: [tables/").Append(table.Id).Append(".csv](tables/").Append(table.Id).AppendLine(".csv)").AppendLine();
        }

        if (table.Note is { } note)
        {
            md.AppendLine(Inline(note)).AppendLine();
        }
    }

    private static void List(StringBuilder md, IReadOnlyList<string> items, string none)
    {
        if (items.Count == 0)
        {
            md.AppendLine(none).AppendLine();
            return;
        }

        foreach (var item in items)
        {
            md.Append("- ").AppendLine(Inline(item));
        }

        md.AppendLine();
    }

    // Text from data (party labels, file names) must not open HTML tags, links or emphasis by accident.
    private static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string Cell(string text) => Inline(text);
}
