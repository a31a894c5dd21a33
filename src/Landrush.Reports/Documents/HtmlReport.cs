using System.Net;
using System.Text;
using Landrush.Reports.Model;

namespace Landrush.Reports.Documents;

/// <summary>
/// Renders a report as one self-contained HTML page (<c>report.html</c>): styles inline, every image a
/// <c>data:image/png;base64</c> URI, no script, no link to anything outside the page — it opens offline,
/// copied anywhere on its own.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
        h1{font-size:1.8em;margin-bottom:.3em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
        .data{padding:.8em 1em;border-left:6px solid #888;background:#f4f4f4;font-weight:600}
        .data.synthetic{border-color:#c60;background:#fff3e0}
        .verdict p{font-size:1.1em}.verdict .headline{font-size:1.3em}
        figure{margin:1.5em 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}
        figcaption{font-size:.9em;color:#444}
        .absent{padding:1em;border:2px dashed #c00;background:#fff5f5}
        table{border-collapse:collapse;margin:.5em 0 1em;font-size:.92em}
        th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#eee}
        pre{background:#f4f4f4;padding:.8em;overflow-x:auto}
        """;

    public static string Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var h = new StringBuilder();
        h.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\">").AppendLine("<head>")
            .AppendLine("<meta charset=\"utf-8\">")
            .AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(report.Title)).AppendLine("</title>")
            .Append("<style>").Append(Style).AppendLine("</style>")
            .AppendLine("</head>").AppendLine("<body>");
        h.Append("<h1>").Append(E(report.Title)).AppendLine("</h1>");
        h.Append(report.IsSynthetic ? "<p class=\"data synthetic\">SYNTHETIC DATA. " : "<p class=\"data\">Data: ")
            .Append(E(report.DataLabel)).AppendLine("</p>");
        foreach (var section in ReportDocument.Sections(report))
        {
            h.Append(section.HtmlClass is { } css ? $"<section class=\"{E(css)}\">" : "<section>").Append("<h2>").Append(E(section.Title)).AppendLine("</h2>");
            foreach (var block in section.Blocks)
            {
                Block(h, block);
            }

            h.AppendLine("</section>");
        }

        h.AppendLine("</body>").AppendLine("</html>");
        return h.ToString();
    }

    private static void Block(StringBuilder h, DocumentBlock block)
    {
        switch (block)
        {
            case TextBlock { Style: TextStyle.Headline } t:
                h.Append("<p class=\"headline\"><strong>").Append(E(t.Text)).AppendLine("</strong></p>");
                break;
            case TextBlock t:
                h.Append(t.Style == TextStyle.Absent ? "<p class=\"absent\">" : "<p>").Append(E(t.Text)).AppendLine("</p>");
                break;
            case TableBlock t:
                h.Append("<h3>").Append(E(t.Table.Title)).AppendLine("</h3>");
                Table(h, t.Table, t.LinkCsv);
                break;
            case FigureBlock f:
                Figure(h, f.Figure);
                break;
            case ListBlock l:
                List(h, l.Items, l.None);
                break;
            case CodeBlock c:
                h.Append("<pre>").Append(E(c.Text)).AppendLine("</pre>");
                break;
        }
    }

    private static void Figure(StringBuilder h, ReportFigure f)
    {
        h.Append("<figure id=\"fig-").Append(E(f.Id)).AppendLine("\">");
        h.Append("<h3>").Append(E(f.Title)).AppendLine("</h3>");
        if (f.IsRendered)
        {
            h.Append("<img alt=\"").Append(E(f.Title)).Append("\" width=\"").Append(Figures.FigureCanvas.Width)
                .Append("\" height=\"").Append(Figures.FigureCanvas.Height)
                .Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(f.Png!)).AppendLine("\">");
        }
        else
        {
            h.Append("<p class=\"absent\"><strong>Figure absent:</strong> ").Append(E(f.AbsentReason!)).AppendLine(".</p>");
        }

        h.Append("<figcaption>").Append(E(f.Caption)).AppendLine("</figcaption>").AppendLine("</figure>");
    }

    private static void Table(StringBuilder h, ReportTable table, bool linkCsv)
    {
        h.Append("<table><tr>");
        foreach (var c in table.Columns)
        {
            h.Append("<th>").Append(E(c)).Append("</th>");
        }

        h.AppendLine("</tr>");
        foreach (var row in table.Rows.Take(ReportTable.MaxShownRows))
        {
            h.Append("<tr>");
            foreach (var cell in row)
            {
                h.Append("<td>").Append(E(cell)).Append("</td>");
            }

            h.AppendLine("</tr>");
        }

        h.AppendLine("</table>");
        var more = table.Rows.Count > ReportTable.MaxShownRows
            ? $"First {ReportTable.MaxShownRows} of {table.Rows.Count} rows. "
            : string.Empty;
        // The CSV is named, not linked: the page must not refer to any file outside itself.
        if (linkCsv || more.Length > 0)
        {
            h.Append("<p>").Append(E(more)).Append(linkCsv ? $"All rows: tables/{E(table.Id)}.csv beside this page." : string.Empty).AppendLine("</p>");
        }

        if (table.Note is { } note)
        {
            h.Append("<p>").Append(E(note)).AppendLine("</p>");
        }
    }

    private static void List(StringBuilder h, IReadOnlyList<string> items, string none)
    {
        if (items.Count == 0)
        {
            h.Append("<p>").Append(none).AppendLine("</p>");
            return;
        }

        h.AppendLine("<ul>");
        foreach (var item in items)
        {
            h.Append("<li>").Append(E(item)).AppendLine("</li>");
        }

        h.AppendLine("</ul>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
