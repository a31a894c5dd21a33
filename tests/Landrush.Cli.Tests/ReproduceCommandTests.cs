using System.Globalization;

namespace Landrush.Cli.Tests;

public class ReproduceCommandTests
{
    [Fact]
    public async Task The_reconstruction_gives_the_blogs_four_figures_labelled_synthetic()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("reproduce", "--data", TestData.Reconstruction.Value);
        Assert.True(code == 0, stderr);
        Assert.Contains("111110 / 11245 / 10096 (89.8%) / 108", stdout, StringComparison.Ordinal);
        Assert.StartsWith("SYNTHETIC", stdout, StringComparison.Ordinal);
        Assert.Contains("at least 108", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("PARTIAL", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dataset_read_through_a_pipe_is_read_whole()
    {
        // --data <(…): a pipe, read once. Nothing may look into it first (for a SQLite store's header) and take its bytes.
        var (code, stdout, stderr) = await ProcessRunner.BashAsync($"$LR reproduce --data <(cat '{TestData.Reconstruction.Value}')");
        Assert.True(code == 0, stderr);
        Assert.Contains("111110 / 11245 / 10096 (89.8%) / 108", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[0-9]:1-5")]
    [InlineData("digits:1-3+digits:4-5")]
    [InlineData("digits:4-5+digits:1-3")]
    [InlineData("digits:5+digits:1+[0-9]:2-4")]
    public async Task The_blogs_names_spelled_another_way_are_comparable(string spec)
    {
        // The same 111,110 names: comparability is decided by the names the space holds, not by how the spec is written.
        var lines = await File.ReadAllLinesAsync(TestData.Reconstruction.Value);
        lines[0] = lines[0].Replace("space=digits:1-5", "space=" + spec, StringComparison.Ordinal);
        var path = await TestData.WriteTemp(string.Join('\n', lines) + "\n");
        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("reproduce", "--data", path);
            Assert.True(code == 0, stderr);
            Assert.DoesNotContain("NOT COMPARABLE", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("not comparable", stdout, StringComparison.Ordinal);
            Assert.Contains("111110 / 11245 / 10096 (89.8%) / 108", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task As_many_names_but_other_ones_are_not_comparable()
    {
        // digits:1-4 and [a-j]:5 also hold 11,110 + 100,000 = 111,110 names, but not the blog's.
        var path = await TestData.WriteTemp(TestData.Header("digits:1-4+[a-j]:5") + TestData.Row("12", "A") + TestData.Row("abcde", "B"));
        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("reproduce", "--data", path);
            Assert.True(code == 0, stderr);
            Assert.Contains("NOT COMPARABLE", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Participants_given_are_no_longer_a_lower_bound()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("reproduce", "--data", TestData.Reconstruction.Value, "--participants", "150");
        Assert.True(code == 0, stderr);
        Assert.Contains("111110 / 11245 / 10096 (89.8%) / 150\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("lower bound", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partial_dataset_of_another_space_is_estimated_with_an_interval_and_said_so()
    {
        // 20 of the 110 names of digits:1-2 are known: 8 registered (A 5, B 2, C 1), 12 free.
        var rows = new System.Text.StringBuilder(TestData.Header("digits:1-2"));
        for (var i = 0; i < 20; i++)
        {
            var label = i.ToString(CultureInfo.InvariantCulture);
            rows.Append(i switch { < 5 => TestData.Row(label, "A"), < 7 => TestData.Row(label, "B"), 7 => TestData.Row(label, "C"), _ => $"{label}.nl,{label.Length},free,,,,,,,,dns,,\n" });
        }

        var path = await TestData.WriteTemp(rows.ToString());
        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("reproduce", "--data", path);
            Assert.True(code == 0, stderr);
            Assert.Contains("PARTIAL", stdout, StringComparison.Ordinal);
            Assert.Contains("not comparable with the blog's", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("SYNTHETIC", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("\nfigures", stdout, StringComparison.Ordinal);
            // Wilson 95% score interval of 8/20, scaled to 110 names, computed here independently.
            var (low, high) = Wilson(8, 20);
            // Certain whatever the sample: the 8 seen, and at most those plus the 90 unknown names.
            var expected = string.Create(CultureInfo.InvariantCulture, $"registered:              ≈44 (95% interval {low * 110:0}–{high * 110:0} if a random sample; certainly 8–98)");
            Assert.Contains(expected, stdout, StringComparison.Ordinal);
            // What the data cannot support is said before the figures.
            var lines = stdout.Split('\n');
            Assert.StartsWith("NOT COMPARABLE with the blog's figures: it counted digits:1-5 under .nl", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("PARTIAL data: 20 of 110 names have a known status (18.2%)", lines[1], StringComparison.Ordinal);
            Assert.StartsWith("space:", lines[2], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_harvest_cut_short_in_name_order_is_bounded_by_what_is_certain()
    {
        // The reconstruction's first 50,000 names (1-4 digits and the first 5-digit ones), as a harvest stopped
        // part-way would leave it: no random sample, so the 95% interval misses the whole count; the certain
        // bounds hold it.
        var path = await TestData.WriteTemp(string.Join('\n', File.ReadLines(TestData.Reconstruction.Value).Take(2 + 50_000)) + "\n");
        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("reproduce", "--data", path);
            Assert.True(code == 0, stderr);
            Assert.DoesNotContain("NOT COMPARABLE", stdout, StringComparison.Ordinal);
            Assert.Contains("PARTIAL data: 50000 of 111110 names have a known status (45.0%)", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("\nfigures", stdout, StringComparison.Ordinal);
            var m = System.Text.RegularExpressions.Regex.Match(stdout, @"registered: +≈\d+ \(95% interval (\d+)–(\d+) if a random sample; certainly (\d+)–(\d+)\)");
            Assert.True(m.Success, stdout);
            var n = m.Groups.Values.Skip(1).Select(g => long.Parse(g.Value, CultureInfo.InvariantCulture)).ToArray();
            Assert.False(n[0] <= 11_245 && 11_245 <= n[1], "the random-sample interval would hold the whole count");
            Assert.InRange(11_245, n[2], n[3]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_missing_file_is_one_line_and_exit_2()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("reproduce", "--data", Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.csv"));
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("landrush: error: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    private static (double Low, double High) Wilson(int k, int n)
    {
        const double z = 1.96;
        double p = (double)k / n, z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return (centre - half, centre + half);
    }
}
