using System.Diagnostics;

namespace Landrush.Cli.Tests;

/// <summary>
/// <c>report --out DIR</c> and <c>analyze --out DIR</c> replace their whole set of files or none of it (README, exit
/// codes): the new set is written beside the old and swapped in at the end, and exit 130 means nothing changed.
/// </summary>
public sealed class OutputSetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-output-set-").FullName;
    private readonly List<string> _immutable = [];

    public void Dispose()
    {
        foreach (var file in _immutable)
        {
            Chattr("-i", file);
        }

        Directory.Delete(_dir, recursive: true);
    }

    [SkippableTheory]
    [InlineData("report", "tables/holdings.csv")]
    [InlineData("analyze", "indicators.csv")]
    public async Task A_file_of_the_old_set_that_cannot_be_replaced_leaves_the_whole_old_set_and_exits_2(string command, string locked)
    {
        var (first, second) = await TwoDatasets();
        var outDir = Path.Combine(_dir, "out");
        var (code, _, err) = await CliRunner.RunAsync(command, "--data", first, "--out", outDir, "--sims", "100");
        Assert.True(code == 0, err);

        var lockedPath = Path.Combine(outDir, locked);
        var (ok, why) = Chattr("+i", lockedPath);
        Skip.IfNot(ok, $"chattr +i is refused here ({why})");
        _immutable.Add(lockedPath);
        var before = Snapshot(outDir);

        (code, var stdout, err) = await CliRunner.RunAsync(command, "--data", second, "--out", outDir, "--sims", "100");
        Assert.Equal(2, code);
        var errors = err.Split('\n').Where(l => l.StartsWith("landrush:", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"landrush: error: cannot write {lockedPath}: operation not permitted"], errors);
        Assert.DoesNotContain("written", stdout, StringComparison.Ordinal);
        var after = Snapshot(outDir);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in before)
        {
            Assert.True(bytes.SequenceEqual(after[file]), $"{file} changed although the new set could not be swapped in");
        }

        // Nothing is left beside the folder either: no staging or backup folder.
        Assert.Equal(new[] { "out", Path.GetFileName(first), Path.GetFileName(second) }.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_signal_after_the_new_report_is_in_place_still_exits_0()
    {
        var (first, second) = await TwoDatasets();
        var outDir = Path.Combine(_dir, "report");
        var (code, _, err) = await CliRunner.RunAsync("report", "--data", first, "--out", outDir, "--sims", "100");
        Assert.True(code == 0, err);

        // SIGTERM while the command says where the report is: the report is already complete, so the command finishes.
        using var cts = new CancellationTokenSource();
        using var stdout = new CancelOnLine("report written to", cts);
        using var stderr = new StringWriter();
        code = await LandrushCli.RunAsync(["report", "--data", second, "--out", outDir, "--sims", "100"], stdout, stderr, cts.Token);
        Assert.True(cts.IsCancellationRequested);
        Assert.True(code == 0, $"exit {code} after the report was in place: {stderr}");
        Assert.DoesNotContain("cancelled", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(second), await File.ReadAllTextAsync(Path.Combine(outDir, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exit_130_means_nothing_changed()
    {
        var (first, second) = await TwoDatasets();
        var outDir = Path.Combine(_dir, "report");
        var (code, _, err) = await CliRunner.RunAsync("report", "--data", first, "--out", outDir, "--sims", "100");
        Assert.True(code == 0, err);
        var before = Snapshot(outDir);

        // Ctrl-C during the analysis: the old report stays exactly as it was.
        using var cts = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new CancelOnLine("analyze: null models 1/3", cts);
        code = await LandrushCli.RunAsync(["report", "--data", second, "--out", outDir, "--sims", "100"], stdout, stderr, cts.Token);
        Assert.Equal(LandrushCli.Cancelled, code);
        var after = Snapshot(outDir);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(before, kv => Assert.True(kv.Value.SequenceEqual(after[kv.Key]), $"{kv.Key} changed"));
        Assert.Equal(new[] { "report", Path.GetFileName(first), Path.GetFileName(second) }.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private async Task<(string First, string Second)> TwoDatasets()
    {
        var first = Path.Combine(_dir, "first.csv");
        var second = Path.Combine(_dir, "second.csv");
        await File.WriteAllTextAsync(first, TestData.SmallLandrush(seed: 1));
        await File.WriteAllTextAsync(second, TestData.SmallLandrush(seed: 2));
        return (first, second);
    }

    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes, StringComparer.Ordinal);

    private static (bool Ok, string Why) Chattr(string flag, string path)
    {
        try
        {
            var psi = new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode == 0, err.Trim());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (false, ex.Message);
        }
    }
}
