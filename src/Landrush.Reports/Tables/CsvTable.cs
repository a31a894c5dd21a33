using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Landrush.Reports.Model;

namespace Landrush.Reports.Tables;

/// <summary>
/// The one writer of the CSV tables meant for spreadsheets (the report's <c>tables/</c>, <c>analyze --out</c>): RFC 4180
/// quoting by CsvHelper, header row first, lines ended with LF, and formula injection escaped. A registrant may name itself
/// <c>=HYPERLINK(…)</c>: a cell that starts with <c>= + - @</c>, a tab or a carriage return is written quoted with a
/// leading <c>'</c>, so that a spreadsheet shows it as text instead of running it. Plain numbers (<c>-0.5</c>) are
/// left alone. The registry dataset (<c>Landrush.Core.Dataset.RegistryCsv</c>) does not escape: it keeps what the registry showed.
/// A table of synthetic data opens with one comment line, <see cref="SyntheticLine"/>, before the header.
/// </summary>
public static class CsvTable
{
    /// <summary>
    /// Every table ends lines with LF: the report's always did, and spreadsheets, CsvHelper, pandas and R read LF as well as
    /// RFC 4180's CRLF (which <c>analyze --out</c> wrote until both went through this one writer).
    /// </summary>
    public const string NewLine = "\n";

    /// <summary>What starts the comment line of a synthetic table: readers skip lines that start with it (CsvHelper's <c>AllowComments</c>).</summary>
    public const char Comment = '#';

    /// <summary>
    /// The first line of a table of synthetic data, without its line end: <c># SYNTHETIC: PROVENANCE (not registry data)</c>, so that a
    /// table copied out of its folder still says what it is. Tables of other data have no such line.
    /// </summary>
    /// <param name="syntheticBecause">Why the data is synthetic: its provenance, e.g. <c>synthetic-reconstruction:profile=nl-2008:seed=2008</c>.</param>
    public static string SyntheticLine(string syntheticBecause)
    {
        ArgumentNullException.ThrowIfNull(syntheticBecause);
        // One line whatever the provenance holds: a line break would end the comment and start a bogus record.
        var because = string.Join(' ', syntheticBecause.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return $"{Comment} SYNTHETIC: {because} (not registry data)";
    }

    /// <summary>A report table as CSV text, opened by <see cref="SyntheticLine"/> when <paramref name="syntheticBecause"/> is given.</summary>
    public static string Render(ReportTable table, string? syntheticBecause = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rows.FirstOrDefault(r => r.Count != table.Columns.Count) is { } bad)
        {
            throw new ArgumentException($"table {table.Id}: a row has {bad.Count} cells for {table.Columns.Count} columns", nameof(table));
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, table.Columns, table.Rows, syntheticBecause);
        return writer.ToString();
    }

    /// <summary>
    /// Writes <see cref="SyntheticLine"/> when <paramref name="syntheticBecause"/> is given, then the header, then each row, each
    /// line ended with <see cref="NewLine"/>.
    /// </summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? syntheticBecause = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = NewLine,
            InjectionOptions = InjectionOptions.Escape,
            Comment = Comment,
        };
        using var csv = new SpreadsheetCsvWriter(writer, config);
        if (syntheticBecause is not null)
        {
            csv.WriteComment(SyntheticLine(syntheticBecause)[1..]);
            csv.NextRecord();
        }

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
