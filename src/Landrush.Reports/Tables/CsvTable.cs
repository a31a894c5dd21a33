using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Landrush.Reports.Model;

namespace Landrush.Reports.Tables;

/// <summary>
/// The one writer of the CSV tables meant for spreadsheets (the report's <c>tables/</c>, <c>analyze --out</c>): RFC 4180
/// quoting by CsvHelper, header row first, and formula injection escaped. A registrant may name itself
/// <c>=HYPERLINK(…)</c>: a cell that starts with <c>= + - @</c>, a tab or a carriage return is written quoted with a
/// leading <c>'</c>, so that a spreadsheet shows it as text instead of running it. Plain numbers (<c>-0.5</c>) are
/// left alone. The registry dataset (<c>Landrush.Core.Dataset.RegistryCsv</c>) does not escape: it keeps what the registry showed.
/// </summary>
public static class CsvTable
{
    /// <summary>The report's tables end lines with LF.</summary>
    public const string Lf = "\n";

    /// <summary><c>analyze --out</c>'s tables end lines with CRLF (CsvHelper's default, which they always had).</summary>
    public const string CrLf = "\r\n";

    /// <summary>A report table as CSV text, LF line ends.</summary>
    public static string Render(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rows.FirstOrDefault(r => r.Count != table.Columns.Count) is { } bad)
        {
            throw new ArgumentException($"table {table.Id}: a row has {bad.Count} cells for {table.Columns.Count} columns", nameof(table));
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, table.Columns, table.Rows, Lf);
        return writer.ToString();
    }

    /// <summary>Writes the header, then each row, each line ended with <paramref name="newLine"/>.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string newLine)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = newLine, InjectionOptions = InjectionOptions.Escape };
        using var csv = new SpreadsheetCsvWriter(writer, config);
        foreach (var h in header)
        {
            csv.WriteField(h);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in row)
            {
                csv.WriteField(field);
            }

            csv.NextRecord();
        }

        csv.Flush();
    }

    // CsvHelper escapes every cell that starts with '-' or '+', negative numbers too; a number cannot run as a
    // formula, and escaped it would no longer be a number in the spreadsheet.
    private sealed class SpreadsheetCsvWriter(TextWriter writer, CsvConfiguration config) : CsvWriter(writer, config, leaveOpen: true)
    {
        protected override string? SanitizeForInjection(string? field) =>
            double.TryParse(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _)
                ? field
                : base.SanitizeForInjection(field);
    }
}
