namespace Landrush.Cli.Tests;

/// <summary>
/// The verdict on a terminal is a headline of one line, a short line per party, and where the full reasoning is; the
/// full text stays in the report and in <c>--json</c>.
/// </summary>
public sealed class VerdictSummaryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-verdict-summary-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Analyze_prints_a_short_headline_one_line_per_party_and_where_the_reasoning_is()
    {
        var data = Path.Combine(_dir, "small.csv");
        await File.WriteAllTextAsync(data, TestData.SmallLandrush(seed: 4));
        var (code, stdout, stderr) = await CliRunner.RunAsync("analyze", "--data", data, "--sims", "100");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith("verdict: ", StringComparison.Ordinal));
        Assert.True(at >= 0, stdout);
        Assert.InRange(lines[at].Length, 20, 119);
        Assert.Matches("^verdict: (excess capacity|no excess capacity|inconclusive|undefined) — ", lines[at]);

        // A short line per flagged or top party, then where the full reasoning is.
        var parties = lines.Skip(at + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(parties);
        Assert.All(parties, p => Assert.InRange(p.Length, 4, 119));
        Assert.Contains(parties, p => p.StartsWith("  A", StringComparison.Ordinal));
        Assert.Contains(parties, p => p.StartsWith("  B", StringComparison.Ordinal));
        // An estimate with its interval; a one-sided bound or "not identified" alone.
        Assert.All(parties, p => Assert.Matches(@" names: multiple ([0-9.]+× \(95% |((above|below) [0-9.]+×|not identified), from )", p));
        Assert.Contains("--json", lines[at + 1 + parties.Count], StringComparison.Ordinal);

        // The whole reasoning is not on the terminal; it is in --json.
        (code, var json, _) = await CliRunner.RunAsync("analyze", "--data", data, "--sims", "100", "--json");
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var plain = doc.RootElement.GetProperty("verdict").GetProperty("plain").GetString()!;
        Assert.DoesNotContain(plain, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_closes_with_the_headline_and_points_to_report_md()
    {
        var data = Path.Combine(_dir, "small.csv");
        // Served as a registry: each held name delegated to a name server of its own, so that DNS finds it.
        var rows = TestData.SmallLandrush(seed: 4).Split('\n').Select(l => l.Split(',') is { Length: 13 } c && c[2] == "active"
            ? string.Join(',', [.. c[..4], $"H{c[4]}00001-AAAAA", $"Holder {c[4]}", c[6], $"ns1.{c[0]}", .. c[8..]])
            : l);
        await File.WriteAllTextAsync(data, string.Join('\n', rows));
        var outDir = Path.Combine(_dir, "demo");
        var (code, stdout, stderr) = await CliRunner.RunAsync("demo", "--serve", data, "--out", outDir, "--sims", "100");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith("verdict: ", StringComparison.Ordinal));
        Assert.True(at >= 0, stdout);
        Assert.InRange(lines[at].Length, 20, 119);
        Assert.All(lines.Skip(at), l => Assert.True(l.Length < 200, $"a closing line of {l.Length} characters: {l}"));
        Assert.Contains(lines.Skip(at), l => l.Contains(Path.Combine(outDir, "report.md"), StringComparison.Ordinal));
    }
}
