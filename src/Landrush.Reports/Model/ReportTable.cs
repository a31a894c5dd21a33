namespace Landrush.Reports.Model;

/// <summary>A table of a report: shown in the documents and written beside them as CSV.</summary>
/// <param name="Id">File stem, lower-case letters, digits and hyphens (<c>holdings</c> → <c>tables/holdings.csv</c>).</param>
/// <param name="Title">Heading shown above the table.</param>
/// <param name="Columns">Column names, with units where they have one.</param>
/// <param name="Rows">Cells as formatted text (invariant culture), each row as long as <paramref name="Columns"/>.</param>
/// <param name="Note">A sentence under the table (what it means, what is left out), or null.</param>
public sealed record ReportTable(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note = null)
{
    /// <summary>Documents show at most this many rows; the CSV always has all of them.</summary>
    public const int MaxShownRows = 30;
}
