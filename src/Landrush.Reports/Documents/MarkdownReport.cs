using System.Globalization;
using System.Text;
using Landrush.Reports.Model;

namespace Landrush.Reports.Documents;

/// <summary>
/// Renders a report as Markdown (<c>report.md</c>) in the sections <see cref="ReportDocument"/> orders: the verdict's
/// first screen, the reasoning, the figures (linked as <c>figures/ID.png</c>, written beside it), the tables (with their
/// CSV), the assumptions, the provenance, and the command and seed that made it.
/// </summary>
public static class MarkdownReport
{
    public static string Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Inline(report.Title)).AppendLine();
        md.Append(report.IsSynthetic ? "> **SYNTHETIC DATA.** " : "> **Data:** ").AppendLine(Inline(report.DataLabel)).AppendLine();
        foreach (var section in ReportDocument.Sections(report))
        {
            md.Append("## ").AppendLine(Inline(section.Title)).AppendLine();
            foreach (var block in section.Blocks)
            {
                Block(md, block);
            }
        }

        // The last block's blank line is not kept: the file ends with one newline.
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void Block(StringBuilder md, DocumentBlock block)
    {
        switch (block)
        {
            case TextBlock { Style: TextStyle.Headline } t:
                md.Append("**").Append(Inline(t.Text)).AppendLine("**").AppendLine();
                break;
            case TextBlock t:
                md.AppendLine(Inline(t.Text)).AppendLine();
                break;
            case TableBlock t:
                md.Append("### ").AppendLine(Inline(t.Table.Title)).AppendLine();
                Table(md, t.Table, t.LinkCsv);
                break;
            case FigureBlock f:
                Figure(md, f.Figure);
                break;
            case ListBlock l:
                List(md, l.Items, l.None);
                break;
            case CodeBlock c:
                md.AppendLine("```").AppendLine(c.Text).AppendLine("```").AppendLine();
                break;
        }
    }

    private static void Figure(StringBuilder md, ReportFigure figure)
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
