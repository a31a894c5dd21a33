using System.Text.Json;

namespace Landrush.Cli.Tests;

public sealed class AnalyzeCommandTests : IDisposable
{
    private const string Header =
        "#landrush-dataset v1 space=digits:1-2 tld=nl\n" +
        "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-analyze-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_reconstruction_gives_the_published_aggregates_through_party_resolution()
    {
        // The fewest runs accepted: the figures checked here do not depend on them, and the verdict's fits are slow.
        var (code, stdout, stderr) = await CliRunner.RunAsync("analyze", "--data", TestData.Reconstruction.Value, "--json", "--sims", "100", "--seed", "7");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(111_110, root.GetProperty("names").GetInt64());
        Assert.Equal(11_245, root.GetProperty("registered").GetInt32());
        Assert.Equal(10_096, root.GetProperty("top2").GetInt32());
        Assert.Equal(108, root.GetProperty("participants").GetInt32());
        Assert.Equal(10_096 / 11_245.0, root.GetProperty("top2_share").GetDouble(), 12);
        Assert.Equal(root.GetProperty("top2_share").GetDouble(), root.GetProperty("cr2").GetDouble(), 15);
        Assert.True(root.GetProperty("synthetic").GetBoolean());
        Assert.InRange(root.GetProperty("hhi").GetDouble(), 1800, 10_000);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("gini_all").ValueKind);
        Assert.Equal(7, root.GetProperty("seed").GetInt64());
        Assert.True(root.GetProperty("assumptions").GetArrayLength() > 0);
        var models = root.GetProperty("null_models");
        foreach (var model in new[] { "uniform", "lottery", "equal-capacity" })
        {
            var cr2 = models.GetProperty(model).GetProperty("cr2");
            Assert.Equal(100, models.GetProperty(model).GetProperty("runs").GetInt32());
            Assert.InRange(cr2.GetProperty("p_value").GetDouble(), 1 / 101.0, 1);
            Assert.True(cr2.GetProperty("low").GetDouble() <= cr2.GetProperty("high").GetDouble());
        }

        Assert.Equal(JsonValueKind.Array, root.GetProperty("implied_capacity").ValueKind);
        Assert.Equal("VOS819051-IIZOO", root.GetProperty("implied_capacity")[0].GetProperty("party").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("implied_capacity")[0].GetProperty("power").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("spans").ValueKind);
        var verdict = root.GetProperty("verdict");
        Assert.False(string.IsNullOrWhiteSpace(verdict.GetProperty("plain").GetString()));
        Assert.Contains(verdict.GetProperty("excess_capacity").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False, JsonValueKind.Null });
        Assert.Contains("seed 7", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participants_give_the_gini_over_all_of_them()
    {
        var path = await WriteTemp(Header + Row("1", "A") + Row("2", "A") + Row("3", "B"));
        var (code, stdout, stderr) = await CliRunner.RunAsync("analyze", "--data", path, "--json", "--participants", "4");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        // {2, 1, 0, 0}: Σ|d| = 2·(1 + 2 + 2 + 1 + 1 + 0) = 14, 2n²μ = 2·16·0.75 = 24.
        Assert.Equal(14 / 24.0, json.RootElement.GetProperty("gini_all").GetDouble(), 12);
        Assert.Equal(4, json.RootElement.GetProperty("participants_given").GetInt32());
    }

    [Fact]
    public async Task Names_known_only_from_DNS_count_as_registered_but_make_no_party()
    {
        // Two names whose WHOIS never came back (DNS rows: registered, nothing of the holder) beside three held names.
        var path = await WriteTemp(Header
            + "1.nl,1,active,R1,H1,,,,,,whois,,\n2.nl,1,active,R1,H1,,,,,,whois,,\n3.nl,1,active,R2,H2,,,,,,whois,,\n"
            + "4.nl,1,active,,,,,,,,dns,,\n5.nl,1,active,,,,,,,,dns,,\n0.nl,1,free,,,,,,,,dns,,\n");
        var (code, stdout, stderr) = await CliRunner.RunAsync("analyze", "--data", path, "--json");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        // One count: the two DNS-only names are registered, with an unknown holder; the figures by party are over the three.
        Assert.Equal(5, json.RootElement.GetProperty("registered").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("registered_holder_unknown").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("registered_holder_known").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("participants").GetInt32());

        // Every other name of the space free, so that reproduce's counts are exact rather than estimated.
        var free = string.Concat(Enumerable.Range(6, 4).Select(i => $"{i}.nl,1,free,,,,,,,,dns,,\n")
            .Concat(Enumerable.Range(0, 100).Select(i => $"{i:00}.nl,2,free,,,,,,,,dns,,\n")));
        await File.AppendAllTextAsync(path, free);
        var (reproduceCode, reproduced, _) = await CliRunner.RunAsync("reproduce", "--data", path);
        Assert.Equal(0, reproduceCode);
        Assert.Contains("registered:              5", reproduced, StringComparison.Ordinal);
        Assert.Contains("2 registered names show no holder", reproduced, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_registered_names_is_a_valid_result_with_undefined_figures_never_NaN()
    {
        var path = await WriteTemp(Header + "1.nl,1,free,,,,,,,,dns,,\n");
        var (code, stdout, stderr) = await CliRunner.RunAsync("analyze", "--data", path, "--json");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("NaN", stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0, json.RootElement.GetProperty("registered").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("hhi").ValueKind);
        Assert.Contains("no name with a known holder", json.RootElement.GetProperty("undefined").GetProperty("hhi").GetString(), StringComparison.Ordinal);
        Assert.Equal("undefined", json.RootElement.GetProperty("verdict").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("verdict").GetProperty("excess_capacity").ValueKind);

        var (textCode, text, _) = await CliRunner.RunAsync("analyze", "--data", path);
        Assert.Equal(0, textCode);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.Contains("no registered names", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_party_says_which_figures_are_undefined_and_why()
    {
        var path = await WriteTemp(Header + Row("1", "A") + Row("2", "A"));
        var (code, stdout, stderr) = await CliRunner.RunAsync("analyze", "--data", path, "--json");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("NaN", stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(1, json.RootElement.GetProperty("participants").GetInt32());
        Assert.Equal(1.0, json.RootElement.GetProperty("cr2").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("gini").ValueKind);
        Assert.Contains("single holder", json.RootElement.GetProperty("undefined").GetProperty("gini").GetString(), StringComparison.Ordinal);
        Assert.Equal("undefined", json.RootElement.GetProperty("verdict").GetProperty("status").GetString());
        Assert.Empty(json.RootElement.GetProperty("null_models").EnumerateObject());
    }

    [Fact]
    public async Task Too_few_sims_are_refused()
    {
        var path = await WriteTemp(Header + Row("1", "A"));
        var (code, _, stderr) = await CliRunner.RunAsync("analyze", "--data", path, "--sims", "99");
        Assert.Equal(2, code);
        Assert.StartsWith("landrush: error: --sims 99: at least 100", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_dataset_gives_the_readers_file_and_line_and_exit_2()
    {
        var path = await WriteTemp(Header + "1.nl,1,active,,,,,,2008-02-30,,dns,,\n");
        var (code, _, stderr) = await CliRunner.RunAsync("analyze", "--data", path);
        Assert.Equal(2, code);
        Assert.StartsWith($"landrush: error: {path}:3: column 'created'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_options_are_one_line_errors()
    {
        var path = await WriteTemp(Header + Row("1", "A"));
        foreach (var args in new[]
        {
            new[] { "--party-key", "owner" }, ["--participants", "0"], ["--excess-threshold", "0.5"], ["--block", "9-1"],
            ["--shared-hosting", "0"], ["--alpha", "0"], ["--alpha", "1.5"],
        })
        {
            var (code, _, stderr) = await CliRunner.RunAsync(["analyze", "--data", path, .. args]);
            Assert.Equal(2, code);
            Assert.StartsWith("landrush: error:", stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_alpha_that_reads_as_1_is_refused_in_one_line_that_says_so()
    {
        var path = await WriteTemp(Header + Row("1", "A"));
        var (code, stdout, stderr) = await CliRunner.RunAsync("analyze", "--data", path, "--alpha", "0.99999999999999999999");
        Assert.Equal((2, "", "landrush: error: --alpha 0.99999999999999999999 (read as 1): must be at least 1/301 (about 0.003322, the smallest p-value of the verdict's 300 test runs) and below 1\n"), (code, stdout, stderr));
    }

    [Fact]
    public async Task Out_writes_every_table_whole_and_leaves_no_temporary_file()
    {
        var path = await WriteTemp(Header + Row("1", "A", admin: "X") + Row("2", "A2", admin: "X") + Row("3", "B"));
        var dir = Path.Combine(_dir, $"out-{Guid.NewGuid():N}");
        var (code, stdout, stderr) = await CliRunner.RunAsync("analyze", "--data", path, "--out", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("tables written to", stdout, StringComparison.Ordinal);
        var files = Directory.GetFiles(dir).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            ["concentration.csv", "indicators.csv", "lorenz.csv", "parties.csv", "party-merges.csv", "registrar-fronts.csv",
             "shared-hosting.csv", "shares-by-block.csv", "shares-by-length.csv"],
            files);
        var merges = await File.ReadAllLinesAsync(Path.Combine(dir, "party-merges.csv"));
        Assert.Equal("party,label,handle,joined_to,field,evidence", merges[0]);
        Assert.Equal("0,A,A2,A,admin_handle,X", merges[1]);
        var parties = await File.ReadAllLinesAsync(Path.Combine(dir, "parties.csv"));
        Assert.Equal(3, parties.Length);
        Assert.StartsWith("0,A,,2,", parties[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_tables_show_a_formula_in_a_registrant_field_as_text_not_as_a_formula()
    {
        // A registrant chooses its own name and handle: opened in a spreadsheet, the table must not run them.
        const string formula = "=HYPERLINK(\"http://x.example/\",\"click\")";
        var path = await WriteTemp(Header +
            "1.nl,1,active,+cmd|calc,@SUM(1),\"=HYPERLINK(\"\"http://x.example/\"\",\"\"click\"\")\",,,2008-02-28,,dns,,\n" +
            "2.nl,1,active,+cmd|calc,@SUM(1),\"=HYPERLINK(\"\"http://x.example/\"\",\"\"click\"\")\",,,2008-02-28,,dns,,\n" +
            Row("3", "B"));
        var dir = Path.Combine(_dir, $"out-{Guid.NewGuid():N}");
        var (code, _, stderr) = await CliRunner.RunAsync("analyze", "--data", path, "--out", dir);
        Assert.True(code == 0, stderr);
        var parties = ReadCsv(Path.Combine(dir, "parties.csv"));
        var party = parties.Single(r => r[1].EndsWith("@SUM(1)", StringComparison.Ordinal));
        Assert.Equal(["'@SUM(1)", "'" + formula], party[1..3]);
        Assert.Equal("'+cmd|calc", party[7]);
        // Numbers stay numbers; nothing a spreadsheet would run is left.
        Assert.Equal("2", party[3]);
        foreach (var file in Directory.GetFiles(dir))
        {
            Assert.DoesNotContain(ReadCsv(file).SelectMany(r => r), cell => cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal)
                && !double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _));
        }
    }

    [Fact]
    public async Task Registrar_key_makes_registrars_the_parties()
    {
        var path = await WriteTemp(Header + Row("1", "A", registrar: "R1") + Row("2", "B", registrar: "R1") + Row("3", "C", registrar: "R2"));
        var (code, stdout, stderr) = await CliRunner.RunAsync("analyze", "--data", path, "--json", "--party-key", "registrar");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(2, json.RootElement.GetProperty("participants").GetInt32());
        Assert.Equal("R1", json.RootElement.GetProperty("parties")[0].GetProperty("label").GetString());
        Assert.Equal("registrar", json.RootElement.GetProperty("party_key").GetString());
    }

    [Fact]
    public async Task The_text_summary_names_the_figures_and_the_caveat()
    {
        var path = await WriteTemp(Header + Row("1", "A") + Row("2", "A") + Row("3", "B"));
        var (code, stdout, _) = await CliRunner.RunAsync("analyze", "--data", path);
        Assert.Equal(0, code);
        Assert.Contains("HHI 5,556 of 10,000: highly concentrated", stdout, StringComparison.Ordinal);
        Assert.Contains("Concentration alone proves nothing", stdout, StringComparison.Ordinal);
        Assert.Contains("seed 0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_output()
    {
        var rows = string.Concat(Enumerable.Range(10, 60).Select(i => Row($"{i}", i < 40 ? "A" : i < 55 ? "B" : $"X{i % 5}")));
        var path = await WriteTemp(Header + rows);
        var first = await CliRunner.RunAsync("analyze", "--data", path, "--json", "--sims", "200", "--seed", "11");
        var second = await CliRunner.RunAsync("analyze", "--data", path, "--json", "--sims", "200", "--seed", "11");
        Assert.True(first.Code == 0, first.Err);
        Assert.Equal(first.Out, second.Out);
        Assert.Contains("\"seed\": 11", first.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_tables_of_synthetic_data_open_with_the_label_and_others_do_not_and_all_end_lines_with_lf()
    {
        var rows = Row("1", "A") + Row("2", "A") + Row("3", "B");
        foreach (var (provenance, label) in new[]
        {
            ("synthetic-reconstruction:profile=nl-2008:seed=2008", "# SYNTHETIC: synthetic-reconstruction:profile=nl-2008:seed=2008 (not registry data)\n"),
            ("sidn-export", null),
        })
        {
            var path = await WriteTemp(Header.Replace(" tld=nl\n", $" tld=nl provenance={provenance}\n", StringComparison.Ordinal) + rows);
            var dir = Path.Combine(_dir, $"out-{Guid.NewGuid():N}");
            var (code, _, stderr) = await CliRunner.RunAsync("analyze", "--data", path, "--out", dir, "--sims", "100");
            Assert.True(code == 0, stderr);
            foreach (var file in Directory.GetFiles(dir))
            {
                var text = await File.ReadAllTextAsync(file);
                Assert.DoesNotContain('\r', text);
                if (label is null)
                {
                    Assert.DoesNotContain("SYNTHETIC", text, StringComparison.Ordinal);
                    Assert.False(text.StartsWith('#'), file);
                }
                else
                {
                    Assert.StartsWith(label, text, StringComparison.Ordinal);
                }
            }

            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Row(string label, string handle, string admin = "", string registrar = "R1") =>
        $"{label}.nl,{label.Length},active,{registrar},{handle},,{admin},,2008-02-28,,dns,,\n";

    private static List<string[]> ReadCsv(string path)
    {
        using var reader = new CsvHelper.CsvReader(new StringReader(File.ReadAllText(path)), System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Parser.Record!);
        }

        return rows;
    }

    private async Task<string> WriteTemp(string text)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}
