using System.Text;
using Landrush.Reports.Model;
using Landrush.Reports.Tables;

namespace Landrush.Reports.Documents;

/// <summary>
/// Every file of a rendered report, relative to its output folder: <c>report.md</c>, <c>report.html</c>,
/// <c>figures/ID.png</c> and <c>figures/ID.svg</c> for each rendered figure, <c>tables/ID.csv</c> for each
/// table (the reproduced figures as <c>tables/reproduced.csv</c>). The caller writes them.
/// </summary>
public static class ReportBundle
{
    public static IReadOnlyList<ReportFile> Files(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var utf8 = new UTF8Encoding(false);
        var files = new List<ReportFile>
        {
            new("report.md", utf8.GetBytes(MarkdownReport.Render(report))),
            new("report.html", utf8.GetBytes(HtmlReport.Render(report))),
        };
        foreach (var f in report.Figures.Where(f => f.IsRendered))
        {
            files.Add(new($"figures/{f.Id}.png", f.Png!));
            files.Add(new($"figures/{f.Id}.svg", utf8.GetBytes(f.Svg!)));
        }

        var tables = report.Reproduced is { } r ? report.Tables.Prepend(r with { Id = "reproduced" }) : report.Tables;
        foreach (var t in tables)
        {
            files.Add(new($"tables/{t.Id}.csv", utf8.GetBytes(CsvTable.Render(t, report.SyntheticLabel))));
        }

        var duplicate = files.GroupBy(f => f.RelativePath, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two report files would be written to {duplicate.Key}", nameof(report));
        }

        foreach (var f in files)
        {
            if (!IsSafe(f.RelativePath))
            {
                throw new ArgumentException($"unsafe report file name {f.RelativePath}: ids are lower-case letters, digits and hyphens", nameof(report));
            }
        }

        return files;
    }

    // Ids come from model names and tables: keep them inside the output folder, whatever they hold.
    private static bool IsSafe(string path) =>
        path.Split('/').All(part => part.Length > 0 && part != ".." && part.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'));
}
