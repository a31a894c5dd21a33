namespace Landrush.Cli.Tests;

/// <summary>What <c>report</c> may delete in its folder: only the files an earlier report wrote there.</summary>
public sealed class ReportFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-report-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_rerun_removes_its_own_stale_figures_and_tables_and_never_the_users_files()
    {
        var full = Path.Combine(_dir, "full.csv");
        await File.WriteAllTextAsync(full, TestData.SmallLandrush(seed: 7));
        var small = Path.Combine(_dir, "small.csv");
        await File.WriteAllTextAsync(small, TestData.Header("digits:1") + string.Concat(Enumerable.Range(0, 10).Select(i => $"{i}.nl,1,free,,,,,,,,dns,,\n")));
        var own = Path.Combine(_dir, "own");
        var mine = Path.Combine(own, "tables", "mine.csv");
        var photo = Path.Combine(own, "figures", "photo.png");
        Directory.CreateDirectory(Path.GetDirectoryName(mine)!);
        Directory.CreateDirectory(Path.GetDirectoryName(photo)!);
        await File.WriteAllTextAsync(mine, "my,own\n1,2\n");
        await File.WriteAllBytesAsync(photo, [0x89, 0x50, 0x4e, 0x47]);

        var (code, _, err) = await CliRunner.RunAsync("report", "--data", full, "--out", own, "--sims", "100");
        Assert.True(code == 0, err);
        var figures = Directory.GetFiles(Path.Combine(own, "figures"), "*.svg");
        Assert.NotEmpty(figures);

        (code, _, err) = await CliRunner.RunAsync("report", "--data", small, "--out", own, "--sims", "100");
        Assert.True(code == 0, err);
        Assert.Equal([photo], Directory.GetFiles(Path.Combine(own, "figures")));
        Assert.True(File.Exists(mine));
        Assert.Equal("my,own\n1,2\n", await File.ReadAllTextAsync(mine));
    }
}
