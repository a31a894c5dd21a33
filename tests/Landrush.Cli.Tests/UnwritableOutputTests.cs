using System.Text.RegularExpressions;

namespace Landrush.Cli.Tests;

/// <summary>An output path that cannot be written is the user's to fix: one line "cannot write PATH: why", exit 2.</summary>
public sealed class UnwritableOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-unwritable-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("report")]
    [InlineData("analyze")]
    public async Task An_existing_folder_that_takes_no_files_is_refused_before_the_analysis(string command)
    {
        var data = await Small();
        var (code, stdout, stderr) = await CliRunner.RunAsync(command, "--data", data, "--out", "/proc/1", "--sims", "100");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Matches(new Regex("^landrush: error: cannot write /proc/1: [^\n]+\n$"), stderr);
    }

    [Fact]
    public async Task A_simulator_log_that_is_a_directory_or_the_dataset_is_refused_before_serving()
    {
        var data = await Small();
        var before = await File.ReadAllTextAsync(data);
        var (code, stdout, stderr) = await CliRunner.RunAsync("simulate", "--data", data, "--log", _dir);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal($"landrush: error: cannot write {_dir}: is a directory, not a file\n", stderr);

        (code, stdout, stderr) = await CliRunner.RunAsync("simulate", "--data", data, "--log", data);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal($"landrush: error: cannot write {data}: it is an input of this command\n", stderr);
        Assert.Equal(before, await File.ReadAllTextAsync(data));

        (code, _, stderr) = await CliRunner.RunAsync("simulate", "--data", data, "--log", Path.Combine(_dir, "missing", "q.log"));
        Assert.Equal(2, code);
        Assert.Matches(new Regex("^landrush: error: cannot write [^\n]+q.log: [^\n]+\n$"), stderr);
    }

    private async Task<string> Small()
    {
        var path = Path.Combine(_dir, "small.csv");
        await File.WriteAllTextAsync(path, TestData.Header("digits:1") + TestData.Row("1", "A") + TestData.Row("2", "B"));
        return path;
    }
}
