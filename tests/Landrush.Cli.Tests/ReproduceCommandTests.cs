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
        var (code, stdout, stderr) = await CliRunner.RunAsync("reproduce", "--data", path);
        Assert.True(code == 0, stderr);
        Assert.Contains("PARTIAL", stdout, StringComparison.Ordinal);
        Assert.Contains("not comparable with the blog's", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("SYNTHETIC", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("figures:", stdout, StringComparison.Ordinal);
        // Wilson 95% score interval of 8/20, scaled to 110 names, computed here independently.
        var (low, high) = Wilson(8, 20);
        var expected = string.Create(CultureInfo.InvariantCulture, $"registered:              ≈44 (95% interval {low * 110:0}–{high * 110:0})");
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
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
