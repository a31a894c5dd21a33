namespace Landrush.Cli.Tests;

public class ReconstructCommandTests
{
    [Fact]
    public async Task A_run_prints_its_seed_and_writes_the_dataset_and_both_truth_files()
    {
        var dir = Directory.CreateTempSubdirectory("landrush-reconstruct-");
        try
        {
            var path = Path.Combine(dir.FullName, "r.csv");
            var (code, stdout, stderr) = await CliRunner.RunAsync("reconstruct", "--profile", "nl-2008", "--seed", "2008", "--out", path);
            Assert.Equal(0, code);
            Assert.Empty(stderr);
            Assert.Contains("seed 2008", stdout, StringComparison.Ordinal);
            Assert.Contains("not registry data", stdout, StringComparison.Ordinal);
            Assert.Contains("11,245 registered, 108 parties", stdout, StringComparison.Ordinal);
            Assert.StartsWith("#landrush-dataset v1 space=digits:1-5 tld=nl provenance=synthetic-reconstruction:profile=nl-2008:seed=2008\n", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
            Assert.Contains("registrant_handle,party\n", await File.ReadAllTextAsync(Path.Combine(dir.FullName, "r.truth.csv")), StringComparison.Ordinal);
            Assert.Contains("party,role,registrar,", await File.ReadAllTextAsync(Path.Combine(dir.FullName, "r.parties.csv")), StringComparison.Ordinal);
            Assert.Empty(dir.GetFiles("*.tmp"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_profile_is_one_line_and_exit_code_2()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("reconstruct", "--profile", "nl-2009", "--out", "/nonexistent/x.csv");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal("landrush: error: unknown reconstruction profile 'nl-2009': known profiles are nl-2008", stderr.TrimEnd());
    }

    [Fact]
    public async Task The_output_file_is_required()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("reconstruct", "--seed", "1");
        Assert.Equal(2, code);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_output_path_is_refused_before_any_work_and_leaves_nothing_behind()
    {
        var dir = Directory.CreateTempSubdirectory("landrush-reconstruct-");
        try
        {
            // The dataset path is a directory: refused as input, and no temporary file appears beside it.
            var target = Path.Combine(dir.FullName, "out.csv");
            Directory.CreateDirectory(target);
            var (code, stdout, stderr) = await CliRunner.RunAsync("reconstruct", "--out", target);
            Assert.Equal(2, code);
            Assert.Equal($"landrush: error: {target}: is a directory, not a file", stderr.TrimEnd());
            Assert.Empty(stdout);
            Assert.Equal([target], Directory.GetFileSystemEntries(dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_side_file_that_cannot_be_written_leaves_no_file_replaced()
    {
        var dir = Directory.CreateTempSubdirectory("landrush-reconstruct-");
        try
        {
            var dataset = Path.Combine(dir.FullName, "r.csv");
            await File.WriteAllTextAsync(dataset, "old");
            // The parties side file's name is taken by a directory: checked up front, the old dataset stays.
            Directory.CreateDirectory(Path.Combine(dir.FullName, "r.parties.csv"));
            var (code, _, stderr) = await CliRunner.RunAsync("reconstruct", "--out", dataset);
            Assert.Equal(2, code);
            Assert.Contains("r.parties.csv: is a directory", stderr, StringComparison.Ordinal);
            Assert.Equal("old", await File.ReadAllTextAsync(dataset));
            Assert.Empty(Directory.GetFiles(dir.FullName, "*.tmp"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
