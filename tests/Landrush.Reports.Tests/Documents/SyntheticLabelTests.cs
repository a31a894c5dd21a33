using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Landrush.Reports.Building;
using Landrush.Reports.Documents;
using Landrush.Reports.Figures;
using Landrush.Reports.Model;
using Landrush.Reports.Tables;

namespace Landrush.Reports.Tests.Documents;

/// <summary>Every figure and every CSV of synthetic data says so on itself; those of other data are as they were.</summary>
public class SyntheticLabelTests
{
    private const string Provenance = "synthetic-reconstruction:profile=nl-2008:seed=2008";

    private static readonly ReportTable Table = new("t", "T", ["party", "names held"], [["A, \"the first\"", "5010"], ["B", "5086"]]);

    [Fact]
    public void A_synthetic_table_opens_with_one_comment_line_and_reads_back_with_comments_allowed()
    {
        var text = CsvTable.Render(Table, Provenance);
        Assert.StartsWith("# SYNTHETIC: synthetic-reconstruction:profile=nl-2008:seed=2008 (not registry data)\nparty,names held\n", text, StringComparison.Ordinal);
        Assert.Equal(text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..], CsvTable.Render(Table));
        using var reader = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture) { AllowComments = true });
        Assert.True(reader.Read());
        Assert.Equal("party", reader.GetField(0));
        Assert.True(reader.Read());
        Assert.Equal("A, \"the first\"", reader.GetField(0));
    }

    [Fact]
    public void Other_tables_have_no_label_and_every_table_ends_lines_with_lf()
    {
        Assert.Equal("party,names held\n\"A, \"\"the first\"\"\",5010\nB,5086\n", CsvTable.Render(Table));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        IndicatorCsv.Write(writer, []);
        Assert.Equal("indicator,party,value,reference,reference_model,p_value,reading\n", writer.ToString());
    }

    [Fact]
    public void A_provenance_with_a_line_break_stays_one_comment_line()
    {
        Assert.Equal("# SYNTHETIC: a b (not registry data)", CsvTable.SyntheticLine("a\r\nb"));
    }

    [Fact]
    public void Every_figure_and_table_of_a_synthetic_report_carries_the_label()
    {
        var report = ReportBuilder.Build(SampleReports.Inputs(Allocations.Reconstruction) with { SyntheticBecause = Provenance });
        Assert.Equal(Provenance, report.SyntheticLabel);
        foreach (var f in report.Figures.Where(f => f.IsRendered))
        {
            Assert.Equal($"SYNTHETIC — {Provenance} (not registry data)", f.Label);
            Assert.Contains("SYNTHETIC —", f.Svg, StringComparison.Ordinal);
        }

        foreach (var file in ReportBundle.Files(report).Where(f => f.RelativePath.EndsWith(".csv", StringComparison.Ordinal)))
        {
            Assert.StartsWith($"# SYNTHETIC: {Provenance} (not registry data)\n", Encoding.UTF8.GetString(file.Content), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Figures_and_tables_of_other_data_carry_no_label()
    {
        var report = ReportBuilder.Build(SampleReports.Inputs(Allocations.Reconstruction) with { IsSynthetic = false });
        Assert.Null(report.SyntheticLabel);
        Assert.All(report.Figures.Where(f => f.IsRendered), f =>
        {
            Assert.Null(f.Label);
            Assert.DoesNotContain("SYNTHETIC", f.Svg, StringComparison.Ordinal);
        });
        Assert.All(ReportBundle.Files(report).Where(f => f.RelativePath.EndsWith(".csv", StringComparison.Ordinal)),
            f => Assert.DoesNotContain("SYNTHETIC", Encoding.UTF8.GetString(f.Content), StringComparison.Ordinal));
    }

    [Fact]
    public void A_synthetic_report_without_its_provenance_is_still_labelled()
    {
        var figure = LorenzFigure.Render([5, 3, 1], new FigureSource("x", null) { SyntheticBecause = "synthetic data" });
        Assert.Equal("SYNTHETIC — synthetic data (not registry data)", figure.Label);
        Assert.Equal("synthetic data", ReportBuilder.Build(SampleReports.Inputs(Allocations.Reconstruction)).SyntheticLabel);
    }
}
