using System.Text;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Xunit.Abstractions;

namespace Landrush.Core.Tests.Dataset;

public class RegistryCsvTests(ITestOutputHelper output)
{
    private const int Seed = 29022008;
    private static readonly RegistryDatasetHeader Header = new(NameSpace.Parse("digits:1-3"), "nl");
    private const string Declaration = "#landrush-dataset v1 space=digits:1-3 tld=nl\n";
    private const string Columns = "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref\n";

    [Fact]
    public void Random_datasets_round_trip_exactly_and_rewrite_byte_identically()
    {
        output.WriteLine($"seed {Seed}");
        var rng = new Random(Seed);
        for (var trial = 0; trial < 20; trial++)
        {
            var records = RandomRecords(rng).ToList();
            var text = WriteToString(records);
            var back = RegistryCsv.Read(new StringReader(text), "round-trip.csv");
            Assert.Equal(Header.Space.Spec, back.Header.Space.Spec);
            Assert.Equal("nl", back.Header.Tld);
            Assert.Equal(records, back.Records);
            Assert.Equal(text, WriteToString(back.Records));
        }
    }

    [Fact]
    public void The_written_form_is_the_documented_one()
    {
        var record = new RegistryRecord(
            DomainName.Parse("042.nl"), DomainStatus.Active, "Registrar 03 (synthetic)", "REG000017-SYNTH", "Registrant, \"017\"",
            "ADM000001-SYNTH", ["NS2.Party.example.", "ns1.party.example"], new DateOnly(2008, 2, 28), new DateOnly(2009, 1, 2),
            RecordSource.Whois, new DateTimeOffset(2008, 3, 1, 13, 0, 5, TimeSpan.FromHours(1)), "raw/042.nl.txt");
        var lines = WriteToString([record]).Split('\n');
        Assert.Equal("#landrush-dataset v1 space=digits:1-3 tld=nl", lines[0]);
        Assert.Equal(string.Join(',', RegistryColumns.All), lines[1]);
        Assert.Equal(
            "042.nl,3,active,Registrar 03 (synthetic),REG000017-SYNTH,\"Registrant, \"\"017\"\"\",ADM000001-SYNTH," +
            "ns1.party.example;ns2.party.example,2008-02-28,2009-01-02,whois,2008-03-01T12:00:05Z,raw/042.nl.txt",
            lines[2]);
        Assert.Equal(string.Empty, lines[3]);
    }

    [Fact]
    public void A_file_cut_inside_its_last_line_is_refused_not_read_short()
    {
        // Cut inside the last field, the row still parses ("raw/042.nl/4711" cut to "raw/042.nl/47" is another valid
        // reference): only the missing newline shows the cut, so a dataset must end with one.
        var record = new RegistryRecord(
            DomainName.Parse("042.nl"), DomainStatus.Active, "Registrar 03", "REG000017-SYNTH", null, null, [], null, null,
            RecordSource.Whois, null, "raw/042.nl/4711");
        var whole = WriteToString([record]);
        Assert.EndsWith("raw/042.nl/4711\n", whole);
        Assert.Equal([record], RegistryCsv.Read(new StringReader(whole), "whole.csv").Records);

        var cut = whole[..^3];
        var ex = Assert.Throws<UserInputException>(() => RegistryCsv.Read(new StringReader(cut), "cut.csv"));
        Assert.StartsWith("cut.csv:3: the file ends inside a line", ex.Message);

        // Read as bytes from a stream, as the command line reads a file, the same.
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(cut));
        ex = Assert.Throws<UserInputException>(() => RegistryCsv.Read(stream, "cut.csv"));
        Assert.StartsWith("cut.csv:3: the file ends inside a line", ex.Message);

        // Lines ended by a carriage return alone are no cut: the message says what they are.
        ex = Assert.Throws<UserInputException>(() => RegistryCsv.Read(new StringReader(whole.Replace('\n', '\r')), "mac.csv"));
        Assert.Equal("mac.csv:1: lines end with a carriage return alone: a dataset's lines end with LF or CRLF", ex.Message);
    }

    [Fact]
    public void A_formula_in_a_field_is_kept_as_the_registry_showed_it()
    {
        // The dataset is evidence: spreadsheet escaping belongs to the report's tables, never to this format.
        const string formula = "=HYPERLINK(\"http://x.example/\",\"click\")";
        var record = new RegistryRecord(
            DomainName.Parse("042.nl"), DomainStatus.Active, "+cmd|calc", "@SUM(1)", formula, "-ADM1", [], new DateOnly(2008, 2, 28), null,
            RecordSource.Whois, null, null);
        var text = WriteToString([record]);
        Assert.Equal("042.nl,3,active,+cmd|calc,@SUM(1),\"=HYPERLINK(\"\"http://x.example/\"\",\"\"click\"\")\",-ADM1,,2008-02-28,,whois,,", text.Split('\n')[2]);
        Assert.Equal([record], RegistryCsv.Read(new StringReader(text), "formula.csv").Records);
    }

    [Fact]
    public void A_partial_dataset_reports_how_many_names_it_lacks()
    {
        var text = WriteToString([new RegistryRecord(DomainName.Parse("7.nl"), DomainStatus.Free)]);
        var data = RegistryCsv.Read(new StringReader(text), "partial.csv");
        Assert.Equal(1_109, data.MissingCount);
    }

    [Theory]
    [InlineData("unknown column", "x.csv:2: column 'colour': unknown column (known: name, length, status, registrar, registrant_handle, registrant_name, admin_handle, name_servers, created, updated, source, fetched_at, raw_ref)")]
    [InlineData("missing column", "x.csv:2: column 'raw_ref': required column is missing")]
    [InlineData("duplicate name", "x.csv:4: column 'name': duplicate name '1.nl'")]
    [InlineData("outside space", "x.csv:4: column 'name': '1234.nl' is outside the declared space digits:1-3 under .nl")]
    [InlineData("wrong tld", "x.csv:4: column 'name': '12.com' is outside the declared space digits:1-3 under .nl")]
    [InlineData("malformed date", "x.csv:4: column 'created': malformed date '28-02-2008' (want yyyy-MM-dd)")]
    [InlineData("impossible date", "x.csv:4: column 'updated': malformed date '2008-02-30' (want yyyy-MM-dd)")]
    [InlineData("bad status", "x.csv:4: column 'status': unknown value 'Active' (want one of free, active, inactive, quarantine, unknown)")]
    [InlineData("bad source", "x.csv:4: column 'source': unknown value 'zone' (want one of dns, whois, rdap, reconstruction)")]
    [InlineData("bad length", "x.csv:4: column 'length': length 3 does not match name '12.nl'")]
    [InlineData("field count", "x.csv:4: has 12 fields, the header has 13")]
    [InlineData("bad time", "x.csv:4: column 'fetched_at': malformed time '2008-03-01 12:00' (want UTC yyyy-MM-ddTHH:mm:ssZ)")]
    [InlineData("no declaration", "x.csv:1: not a Landrush dataset: the first line must be '#landrush-dataset v1 space=SPEC tld=TLD'")]
    [InlineData("bad declared space", "x.csv:1: bad length '0' in 'digits:0': a label is 1 to 63 characters")]
    public void Corrupt_files_give_one_line_naming_file_line_and_column(string defect, string expected)
    {
        var good = WriteToString([
            new RegistryRecord(DomainName.Parse("1.nl"), DomainStatus.Active, Created: new DateOnly(2008, 2, 28), Source: RecordSource.Whois),
            new RegistryRecord(DomainName.Parse("12.nl"), DomainStatus.Free, FetchedAt: new DateTimeOffset(2008, 3, 1, 12, 0, 0, TimeSpan.Zero)),
        ]);
        var lines = good.Split('\n').ToList();
        var row = lines[3].Split(',').ToList();
        switch (defect)
        {
            case "unknown column": lines[1] += ",colour"; break;
            case "missing column": lines[1] = lines[1][..lines[1].LastIndexOf(',')]; break;
            case "duplicate name": row[0] = "1.nl"; row[1] = "1"; break;
            case "outside space": row[0] = "1234.nl"; row[1] = "4"; break;
            case "wrong tld": row[0] = "12.com"; break;
            case "malformed date": row[8] = "28-02-2008"; break;
            case "impossible date": row[9] = "2008-02-30"; break;
            case "bad status": row[2] = "Active"; break;
            case "bad source": row[10] = "zone"; break;
            case "bad length": row[1] = "3"; break;
            case "field count": row.RemoveAt(12); break;
            case "bad time": row[11] = "2008-03-01 12:00"; break;
            case "no declaration": lines.RemoveAt(0); break;
            case "bad declared space": lines[0] = "#landrush-dataset v1 space=digits:0 tld=nl"; break;
        }

        if (lines.Count > 3 && defect is not ("no declaration" or "unknown column" or "missing column" or "bad declared space"))
        {
            lines[3] = string.Join(',', row);
        }

        var ex = Assert.Throws<UserInputException>(() => RegistryCsv.Read(new StringReader(string.Join('\n', lines)), "x.csv"));
        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void An_unclosed_quote_that_swallows_the_next_row_is_reported_not_read()
    {
        var text = Declaration + Columns + "0.nl,1,active,,,,,,,,whois,,\"abc\n1.nl,1,active,,,,,,,,whois,,\n";
        var ex = Assert.Throws<UserInputException>(() => RegistryCsv.Read(new StringReader(text), "q.csv"));
        Assert.StartsWith("q.csv:3: malformed quoting near '\"abc\\n1.nl,1,active,", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData("\"Reg\"x")]
    [InlineData("Reg\"istrar")]
    public void Stray_quotes_are_reported_not_guessed(string registrar)
    {
        var text = Declaration + Columns + $"0.nl,1,active,{registrar},,,,,,,whois,,\n";
        var ex = Assert.Throws<UserInputException>(() => RegistryCsv.Read(new StringReader(text), "q.csv"));
        Assert.StartsWith("q.csv:3: malformed quoting near ", ex.Message);
    }

    [Fact]
    public void A_line_break_inside_a_well_quoted_field_is_refused()
    {
        var text = Declaration + Columns + "0.nl,1,active,\"Registrar\nNext\",,,,,,,whois,,\n";
        var ex = Assert.Throws<UserInputException>(() => RegistryCsv.Read(new StringReader(text), "q.csv"));
        Assert.Equal("q.csv:3: field 4 contains a line break: probably an unclosed quote (rows after it would be lost)", ex.Message);
    }

    [Fact]
    public void Invalid_utf8_is_reported_not_replaced()
    {
        var path = Path.Combine(Path.GetTempPath(), $"landrush-utf8-{Guid.NewGuid():N}.csv");
        try
        {
            var bytes = Encoding.UTF8.GetBytes(Declaration + Columns + "0.nl,1,active,R").Concat(new byte[] { 0xff, 0xfe })
                .Concat(Encoding.UTF8.GetBytes(",,,,,,,whois,,\n")).ToArray();
            File.WriteAllBytes(path, bytes);
            using var stream = File.OpenRead(path);
            var ex = Assert.Throws<UserInputException>(() => RegistryCsv.Read(stream, path));
            Assert.EndsWith(": not valid UTF-8", ex.Message);
            Assert.StartsWith(path + ":", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Crlf_line_ends_read_the_same_as_lf()
    {
        var records = new[] { new RegistryRecord(DomainName.Parse("0.nl"), DomainStatus.Active, "R", Source: RecordSource.Whois), new RegistryRecord(DomainName.Parse("1.nl"), DomainStatus.Free) };
        var lf = WriteToString(records);
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        Assert.Equal(records, RegistryCsv.Read(new StringReader(crlf), "crlf.csv").Records);
    }

    [Fact]
    public void The_writer_refuses_what_the_reader_would_refuse()
    {
        var bad = new RegistryRecord(DomainName.Parse("0.nl"), DomainStatus.Active, "Registrar\nwith a line break");
        Assert.Throws<ArgumentException>(() => WriteToString([bad]));
    }

    [Fact]
    public void Provenance_round_trips_and_marks_synthetic_files()
    {
        var header = new RegistryDatasetHeader(NameSpace.Parse("digits:1"), "nl", "synthetic-reconstruction:profile=nl-2008:seed=7");
        Assert.Equal("#landrush-dataset v1 space=digits:1 tld=nl provenance=synthetic-reconstruction:profile=nl-2008:seed=7", header.ToLine());
        var back = RegistryDatasetHeader.Parse(header.ToLine(), "p.csv");
        Assert.Equal(header.Provenance, back.Provenance);
        Assert.True(back.IsSynthetic);
        Assert.False(RegistryDatasetHeader.Parse("#landrush-dataset v1 space=digits:1 tld=nl", "p.csv").IsSynthetic);
    }

    private static string WriteToString(IEnumerable<RegistryRecord> records)
    {
        var sb = new StringBuilder();
        using (var w = new StringWriter(sb))
        {
            RegistryCsv.Write(w, Header, records);
        }

        return sb.ToString();
    }

    private static IEnumerable<RegistryRecord> RandomRecords(Random rng)
    {
        // Text with the characters that need quoting or escaping in CSV.
        string? Text(string prefix) => rng.Next(4) switch
        {
            0 => null,
            1 => $"{prefix} {rng.Next(1000)}",
            2 => $"{prefix}, \"quoted\" {rng.Next(10)}",
            _ => $"{prefix} é ü ß 漢",
        };

        var names = Header.Space.Enumerate().Where(_ => rng.Next(3) == 0).ToList();
        foreach (var label in names)
        {
            var status = (DomainStatus)rng.Next(5);
            IReadOnlyList<string>? ns = rng.Next(3) == 0
                ? null
                : RegistryCsv.NormalizeNameServers(Enumerable.Range(0, rng.Next(1, 4)).Select(i => $"ns{rng.Next(9)}.p{i}.example"));
            var record = new RegistryRecord(
                DomainName.Parse($"{label}.nl"), status, Text("Registrar"), Text("H"), Text("Name"), Text("A"), ns,
                rng.Next(2) == 0 ? null : DateOnly.FromDayNumber(730_000 + rng.Next(5000)),
                rng.Next(2) == 0 ? null : DateOnly.FromDayNumber(730_000 + rng.Next(5000)),
                (RecordSource)rng.Next(4),
                rng.Next(2) == 0 ? null : new DateTimeOffset(633_000_000_000_000_000L + rng.NextInt64(1_000_000_000_000_000L), TimeSpan.Zero),
                Text("raw"));
            // The format gives a free name no registration details (issue 14: the reader refuses them).
            yield return status == DomainStatus.Free
                ? record with { Registrar = null, RegistrantHandle = null, RegistrantName = null, AdminHandle = null, NameServers = null, Created = null, Updated = null }
                : record;
        }
    }
}
