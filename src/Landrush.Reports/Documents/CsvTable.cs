using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Landrush.Reports.Model;

namespace Landrush.Reports.Documents;

/// <summary>Writes a report table as CSV (RFC 4180 quoting by CsvHelper, LF line ends, header row first).</summary>
public static class CsvTable
{
    public static string Render(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = new CsvWriter(writer, config))
        {
            foreach (var column in table.Columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                if (row.Count != table.Columns.Count)
                {
                    throw new ArgumentException($"table {table.Id}: a row has {row.Count} cells for {table.Columns.Count} columns", nameof(table));
                }

                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }

                csv.NextRecord();
            }
        }

        return writer.ToString();
    }
}
