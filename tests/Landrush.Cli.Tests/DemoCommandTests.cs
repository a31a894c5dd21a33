using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Landrush.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public async Task The_demo_harvests_the_reconstruction_and_prints_the_four_figures_through_the_harvest()
    {
        var dir = TempDir();
        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("demo", "--out", dir, "--sims", "100", "--seed", "5");
            Assert.True(code == 0, stderr);
            Assert.Contains("figures: 111110 / 11245 / 10096 (89.8%) / 108", stdout, StringComparison.Ordinal);
            Assert.Contains("SYNTHETIC", stdout, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(dir, "report.html"), stdout, StringComparison.Ordinal);

            // Every registered name asked once and nothing else: the sweep settled the 99,865 absent names.
            Assert.Contains("WHOIS asked 11,245 times, registered 11,245, free 0, failed 0", stderr, StringComparison.Ordinal);
            Assert.Contains("equals the served one on every fact of all 111,110 names", stderr, StringComparison.Ordinal);

            // The figures were computed from the export of the harvest, not from the served dataset.
            var csv = await File.ReadAllLinesAsync(Path.Combine(dir, "harvest.csv"));
            Assert.StartsWith("#landrush-dataset v1 space=digits:1-5 tld=nl provenance=synthetic-harvest:source=whois:server=127.0.0.1:", csv[0], StringComparison.Ordinal);
            Assert.Equal(111_110 + 2, csv.Length);
            Assert.Equal(11_245, csv.Skip(2).Count(l => l.Split(',')[10] == "whois"));
            var md = await File.ReadAllTextAsync(Path.Combine(dir, "report.md"));
            Assert.Contains("SYNTHETIC", md, StringComparison.Ordinal);
            Assert.Contains("harvest.csv", md, StringComparison.Ordinal);
            Assert.Contains("landrush demo --out", md, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dir, "harvest.sqlite")));
        }
        finally
        {
            Delete(dir);
        }
    }

    [Fact]
    public async Task A_second_demo_starts_a_fresh_harvest_of_whatever_it_serves()
    {
        var dir = TempDir();
        var served = await TestData.WriteTemp(SmallRegistry(out var registered, out var topTwo));
        try
        {
            for (var run = 0; run < 2; run++)
            {
                var (code, stdout, stderr) = await CliRunner.RunAsync("demo", "--serve", served, "--out", dir, "--sims", "100");
                Assert.True(code == 0, stderr);

                // Not resumed from the first run's store: every registered name is asked again.
                Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"WHOIS asked {registered} times, registered {registered}, free 0, failed 0"), stderr, StringComparison.Ordinal);
                Assert.Contains("equals the served one on every fact of all 110 names", stderr, StringComparison.Ordinal);
                var share = (100.0 * topTwo / registered).ToString("0.0", CultureInfo.InvariantCulture);
                Assert.Contains($"figures: 110 / {registered} / {topTwo} ({share}%) / 4", stdout, StringComparison.Ordinal);
                Assert.DoesNotContain("SYNTHETIC", stdout, StringComparison.Ordinal);
            }
        }
        finally
        {
            Delete(dir);
            File.Delete(served);
        }
    }

    [Fact]
    public async Task A_rerun_stopped_during_its_harvest_leaves_the_previous_run_whole_and_nothing_of_its_own()
    {
        var dir = TempDir();
        var served = await TestData.WriteTemp(SmallRegistry(out _, out _));
        try
        {
            var (code, _, stderr) = await CliRunner.RunAsync("demo", "--serve", served, "--out", dir, "--sims", "100");
            Assert.True(code == 0, stderr);
            Assert.True(File.Exists(Path.Combine(dir, "report.html")));
            var mine = Path.Combine(dir, "notes.txt");
            await File.WriteAllTextAsync(mine, "mine");
            var before = Snapshot(dir);

            // Ctrl-C during the harvest (the host cancels the token on SIGINT): exit 130, and nothing changed, so the
            // previous run's report still stands beside its own store, never beside a new, partial one.
            using var cts = new CancellationTokenSource();
            using var stdout = new StringWriter();
            using var err = new CancelOnLine("dns ", cts);
            code = await LandrushCli.RunAsync(["demo", "--serve", served, "--out", dir, "--sims", "100"], stdout, err, cts.Token);
            Assert.True(code == LandrushCli.Cancelled, err.ToString());
            var after = Snapshot(dir);
            Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
            Assert.All(before, kv => Assert.True(kv.Value.SequenceEqual(after[kv.Key]), $"{kv.Key} changed"));
            Assert.Empty(Directory.GetDirectories(dir, ".landrush-*"));
        }
        finally
        {
            Delete(dir);
            File.Delete(served);
        }
    }

    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes, StringComparer.Ordinal);

    [Fact]
    public async Task Serving_a_file_the_demo_would_replace_is_refused_before_anything_starts()
    {
        var dir = TempDir();
        var served = await TestData.WriteTemp(SmallRegistry(out _, out _));
        try
        {
            var (code, _, stderr) = await CliRunner.RunAsync("demo", "--serve", served, "--out", dir, "--sims", "100");
            Assert.True(code == 0, stderr);
            var csv = Path.Combine(dir, "harvest.csv");
            var store = await File.ReadAllBytesAsync(Path.Combine(dir, "harvest.sqlite"));
            var before = await File.ReadAllTextAsync(csv);

            (code, var stdout, stderr) = await CliRunner.RunAsync("demo", "--serve", csv, "--out", dir, "--sims", "100");
            Assert.Equal(2, code);
            Assert.Empty(stdout);
            Assert.Matches(new Regex("^landrush: error: cannot write [^\n]*harvest.csv: it is an input of this command\n$"), stderr);
            Assert.Equal(before, await File.ReadAllTextAsync(csv));
            Assert.Equal(store, await File.ReadAllBytesAsync(Path.Combine(dir, "harvest.sqlite")));
        }
        finally
        {
            Delete(dir);
            File.Delete(served);
        }
    }

    [Fact]
    public async Task A_partial_dataset_of_one_row_is_served_and_compared_correctly()
    {
        var dir = TempDir();
        var served = await TestData.WriteTemp(TestData.Header("digits:1") + "5.nl,1,active,Registrar 1,H100001-AAAAA,Holder 1,,ns1.5.nl,2008-02-28,,whois,,\n");
        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("demo", "--serve", served, "--out", dir, "--sims", "100");
            Assert.True(code == 0, stderr);
            Assert.Contains("demo: the exported dataset equals the served one", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(" 0 names", stderr + stdout, StringComparison.Ordinal);
        }
        finally
        {
            Delete(dir);
            File.Delete(served);
        }
    }

    [Fact]
    public async Task A_store_the_demo_did_not_write_is_never_deleted()
    {
        var dir = TempDir();
        var other = TempDir();
        var served = await TestData.WriteTemp(SmallRegistry(out _, out _));
        try
        {
            // The user's own file (a store of another plan, say) where the demo would put its store.
            Directory.CreateDirectory(dir);
            byte[] mine = [.. "SQLite format 3\0 of another plan"u8];
            await File.WriteAllBytesAsync(Path.Combine(dir, "harvest.sqlite"), mine);

            var (code, stdout, stderr) = await CliRunner.RunAsync("demo", "--serve", served, "--out", dir, "--sims", "100");
            Assert.Equal(2, code);
            Assert.Empty(stdout);
            Assert.Matches(new Regex("^landrush: error: [^\n]*harvest.sqlite[^\n]*not [^\n]*demo[^\n]*\n$"), stderr);
            Assert.Equal(mine, await File.ReadAllBytesAsync(Path.Combine(dir, "harvest.sqlite")));

            // A demo's own store (listed in its manifest) is replaced by the next demo.
            (code, _, stderr) = await CliRunner.RunAsync("demo", "--serve", served, "--out", other, "--sims", "100");
            Assert.True(code == 0, stderr);
            (code, _, stderr) = await CliRunner.RunAsync("demo", "--serve", served, "--out", other, "--sims", "100");
            Assert.True(code == 0, stderr);
        }
        finally
        {
            Delete(dir);
            Delete(other);
            File.Delete(served);
        }
    }

    [Fact]
    public async Task The_evidence_hint_is_a_command_that_runs_the_way_the_demo_was_run()
    {
        var dir = TempDir();
        var served = await TestData.WriteTemp(SmallRegistry(out _, out _));
        try
        {
            // From the repository root, as the README runs the demo: the hint is the 'dotnet run' form, not an installed 'landrush'.
            var (code, stdout, stderr) = await ProcessRunner.BashAsync($"$LR demo --serve {served} --out {dir} --sims 100", RepositoryFiles.Root, TimeSpan.FromMinutes(3));
            Assert.True(code == 0, stderr);
            var hint = Regex.Match(stdout, "evidence, every raw reply: (dotnet run --project src/Landrush.Cli -- raw --store \\S+) NAME\n");
            Assert.True(hint.Success, stdout);
            Assert.DoesNotContain("landrush raw", stdout, StringComparison.Ordinal);

            // The hint runs (the built command standing in for 'dotnet run', which would build again).
            var command = hint.Groups[1].Value.Replace("dotnet run --project src/Landrush.Cli --", "$LR", StringComparison.Ordinal) + " 2.nl";
            (code, stdout, stderr) = await ProcessRunner.BashAsync(command, RepositoryFiles.Root);
            Assert.True(code == 0, stderr);
            Assert.Contains("2.nl", stdout, StringComparison.Ordinal);
            Assert.Contains("Landrush registry simulator", stdout, StringComparison.Ordinal);
        }
        finally
        {
            Delete(dir);
            File.Delete(served);
        }
    }

    [Theory]
    [InlineData("--excess-threshold", "0.5")]
    [InlineData("--alpha", "1")]
    [InlineData("--sims", "10")]
    [InlineData("--serve", "/nonexistent/registry.csv")]
    public async Task Bad_input_is_one_line_and_exit_2_before_any_harvest(string option, string value)
    {
        var dir = TempDir();
        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("demo", "--out", dir, option, value);
            Assert.Equal(2, code);
            Assert.Matches(new Regex("^landrush: error: [^\n]+\n$"), stderr);
            Assert.Empty(stdout);
            Assert.False(File.Exists(Path.Combine(dir, "harvest.sqlite")));
        }
        finally
        {
            Delete(dir);
        }
    }

    /// <summary>
    /// digits:1-2 (110 names): every third label registered, to four registrants of unequal size, each name with a
    /// name server under its own delegation so that the simulator's DNS delegates it.
    /// </summary>
    private static string SmallRegistry(out int registered, out int topTwo)
    {
        var text = new StringBuilder(TestData.Header("digits:1-2"));
        var counts = new int[4];
        registered = 0;
        foreach (var label in Enumerable.Range(0, 10).Select(i => i.ToString(CultureInfo.InvariantCulture))
                     .Concat(Enumerable.Range(0, 100).Select(i => i.ToString("00", CultureInfo.InvariantCulture))))
        {
            var n = int.Parse(label, CultureInfo.InvariantCulture) + (label.Length * 1000);
            if (n % 3 != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{label}.nl,{label.Length},free,,,,,,,,dns,,\n");
                continue;
            }

            var party = n % 7 < 4 ? 0 : n % 7 < 6 ? 1 : (n % 2) + 2;
            counts[party]++;
            registered++;
            text.Append(CultureInfo.InvariantCulture,
                $"{label}.nl,{label.Length},active,Registrar {party},H{party}00001-AAAAA,Holder {party},,ns1.{label}.nl,2008-02-28,,whois,,\n");
        }

        topTwo = counts.OrderDescending().Take(2).Sum();
        return text.ToString();
    }

    private static string TempDir() => Path.Combine(Path.GetTempPath(), $"landrush-demo-{Guid.NewGuid():N}");

    private static void Delete(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
