using System.Text;
using Landrush.Core.Dataset;

namespace Landrush.Core.Tests.Dataset;

/// <summary>Issue 14: the reader holds files to the format as data/README.md documents it.</summary>
public class DatasetFormatTests
{
    private const string Declaration = "#landrush-dataset v1 space=digits:1-3 tld=nl\n";
    private const string Columns = "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref\n";

    [Theory]
    [InlineData("0.nl,1,active,R,,,,ns1.p.example;;,,,whois,,", "x.csv:3: column 'name_servers': empty host name in 'ns1.p.example;;' (hosts are joined by single ';', none at either end)")]
    [InlineData("0.nl,1,active,R,,,,not a host!,,,whois,,", "x.csv:3: column 'name_servers': 'not a host!' is not a host name")]
    [InlineData("0.nl,1,active,R,,,,ns2.p.example;ns1.p.example,,,whois,,", "x.csv:3: column 'name_servers': 'ns2.p.example' comes before 'ns1.p.example': name servers are sorted ordinally")]
    [InlineData("0.nl,1,active,R,,,,NS1.p.example,,,whois,,", "x.csv:3: column 'name_servers': 'NS1.p.example' is not lower case")]
    [InlineData("0.nl,1,active,R,,,,ns1.p.example;ns1.p.example,,,whois,,", "x.csv:3: column 'name_servers': 'ns1.p.example' is listed twice")]
    [InlineData("0.nl,1,active,R,,,,ns1.p.example.,,,whois,,", "x.csv:3: column 'name_servers': 'ns1.p.example.' has a trailing dot (written without one)")]
    [InlineData("0.nl,01,active,R,,,,,,,whois,,", "x.csv:3: column 'length': not a whole number written plainly (digits, no leading zero): '01'")]
    [InlineData("0.nl,1,free,R,,,,,,,whois,,", "x.csv:3: column 'registrar': a free name has no registrar (a free row holds only name, length, status, source, fetched_at and raw_ref)")]
    [InlineData("0.nl,1,free,,,,,,2008-02-28,,whois,,", "x.csv:3: column 'created': a free name has no created (a free row holds only name, length, status, source, fetched_at and raw_ref)")]
    public void What_the_format_forbids_is_refused_with_file_line_and_column(string row, string message)
    {
        var ex = Assert.Throws<UserInputException>(() => RegistryCsv.Read(new StringReader(Declaration + Columns + row + "\n"), "x.csv"));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_refused()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Declaration + Columns)).ToArray();
        var ex = Assert.Throws<UserInputException>(() => RegistryCsv.Read(new MemoryStream(bytes), "x.csv"));
        Assert.Equal("x.csv:1: starts with a byte-order mark: a dataset is UTF-8 without one", ex.Message);
    }

    [Fact]
    public void A_repeated_declaration_key_is_refused()
    {
        var ex = Assert.Throws<UserInputException>(() => RegistryCsv.Read(new StringReader("#landrush-dataset v1 space=digits:1-2 space=digits:1 tld=nl\n" + Columns), "x.csv"));
        Assert.Equal("x.csv:1: 'space' is declared twice in the dataset's first line", ex.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(50_002)]
    public void An_invalid_byte_is_reported_on_its_own_line(int badLine)
    {
        // Rows 0.nl … fill lines 3 … badLine − 1; the bad byte sits in the registrar on line badLine.
        var sb = new StringBuilder("#landrush-dataset v1 space=digits:1-5 tld=nl\n" + Columns);
        for (var i = 0; i < badLine - 3; i++)
        {
            sb.Append($"{i}.nl,{i.ToString().Length},free,,,,,,,,dns,,\n");
        }

        var before = Encoding.UTF8.GetBytes(sb + $"{badLine - 3}.nl,{(badLine - 3).ToString().Length},active,R");
        var after = Encoding.UTF8.GetBytes(",,,,,,,whois,,\n77777.nl,5,free,,,,,,,,dns,,\n");
        var bytes = before.Concat(new byte[] { 0xff }).Concat(after).ToArray();
        var ex = Assert.Throws<UserInputException>(() => RegistryCsv.Read(new MemoryStream(bytes), "x.csv"));
        Assert.Equal($"x.csv:{badLine}: not valid UTF-8", ex.Message);
    }

    [Fact]
    public void An_overlong_line_is_refused_naming_it()
    {
        var text = Declaration + Columns + "0.nl,1,active," + new string('R', 300_000) + ",,,,,,whois,,\n";
        var ex = Assert.Throws<UserInputException>(() => RegistryCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "x.csv"));
        Assert.Equal("x.csv:3: line longer than 65,536 characters: a dataset line is short (is this a Landrush dataset?)", ex.Message);
    }

    [Fact]
    public void The_streaming_reader_reads_what_the_whole_file_reader_reads()
    {
        var text = Declaration + Columns + "0.nl,1,active,R,,,,ns1.p.example;ns2.p.example,2008-02-28,,whois,,\n1.nl,1,free,,,,,,,,dns,,\n";
        using var reader = RegistryDatasetReader.Open(new StringReader(text), "x.csv");
        var streamed = reader.ReadAll().ToList();
        Assert.Equal(RegistryCsv.Read(new StringReader(text), "x.csv").Records, streamed);
        Assert.Equal(2, reader.RowCount);
    }

    [Theory]
    [InlineData("NL")]
    [InlineData(".nl")]
    [InlineData("nl.")]
    public void A_tld_not_written_canonically_is_refused_not_lower_cased(string tld)
    {
        var ex = Assert.Throws<UserInputException>(() =>
            RegistryCsv.Read(new StringReader($"#landrush-dataset v1 space=digits:1 tld={tld}\n" + Columns), "x.csv"));
        Assert.StartsWith("x.csv:1: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("write tld=nl", ex.Message, StringComparison.Ordinal);
    }
}
