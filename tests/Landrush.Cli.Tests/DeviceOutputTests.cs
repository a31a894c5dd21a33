using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Landrush.Cli.Tests;

/// <summary>
/// Nothing is written into <c>/dev</c> or beside a device: a device or pipe is no harvest store, and a command that
/// writes several files refuses a device as its base path (it would put its other files beside the device).
/// </summary>
public sealed class DeviceOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-device-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("harvest")]
    [InlineData("export")]
    [InlineData("raw")]
    public async Task Dev_null_is_refused_as_a_store_and_nothing_is_created_beside_it(string command)
    {
        RemoveLitter();
        string[] args = command switch
        {
            "harvest" => ["harvest", "--store", "/dev/null", "--space", "digits:1", "--dns", "127.0.0.1:9", "--whois", "127.0.0.1:9"],
            "export" => ["export", "--store", "/dev/null", "--out", Path.Combine(_dir, "x.csv")],
            _ => ["raw", "--store", "/dev/null", "1.nl"],
        };
        var (code, _, stderr) = await CliRunner.RunAsync(args);
        Assert.Equal(2, code);
        Assert.Equal("landrush: error: /dev/null: is a device, not a harvest store\n", stderr);
        Assert.Empty(Litter());
        Assert.Equal("character special file", Stat("/dev/null"));
    }

    [Fact]
    public async Task A_named_pipe_is_refused_as_a_store()
    {
        var fifo = Path.Combine(_dir, "store.fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var (code, _, stderr) = await CliRunner.RunAsync("harvest", "--store", fifo, "--space", "digits:1", "--dns", "127.0.0.1:9", "--whois", "127.0.0.1:9");
        Assert.Equal(2, code);
        Assert.Equal($"landrush: error: {fifo}: is a pipe, not a harvest store\n", stderr);
        Assert.Equal([fifo], Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task A_new_store_under_dev_is_refused()
    {
        var path = $"/dev/landrush-test-{Guid.NewGuid():N}.sqlite";
        try
        {
            var (code, _, stderr) = await CliRunner.RunAsync("harvest", "--store", path, "--space", "digits:1", "--dns", "127.0.0.1:9", "--whois", "127.0.0.1:9");
            Assert.Equal(2, code);
            Assert.Matches(new Regex($"^landrush: error: cannot write {Regex.Escape(path)}: [^\n]+\n$"), stderr);
            Assert.False(File.Exists(path));
        }
        finally
        {
            // What a landrush that did not refuse it left (this exact store and its journals), never anything else in /dev.
            foreach (var f in new[] { path, path + "-wal", path + "-shm", path + "-journal" }.Where(File.Exists))
            {
                File.Delete(f);
            }
        }
    }

    [Fact]
    public async Task Reconstruct_refuses_a_device_as_the_base_of_its_three_files()
    {
        RemoveLitter();
        var (code, stdout, stderr) = await CliRunner.RunAsync("reconstruct", "--out", "/dev/null");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Matches(new Regex("^landrush: error: cannot write /dev/null: [^\n]+\n$"), stderr);
        Assert.Empty(Litter());
    }

    [Theory]
    [InlineData("report")]
    [InlineData("analyze")]
    public async Task A_folder_under_dev_is_refused(string command)
    {
        var data = Path.Combine(_dir, "small.csv");
        await File.WriteAllTextAsync(data, TestData.Header("digits:1") + TestData.Row("1", "A") + TestData.Row("2", "B"));
        var outDir = $"/dev/landrush-test-{Guid.NewGuid():N}";
        try
        {
            var (code, _, stderr) = await CliRunner.RunAsync(command, "--data", data, "--out", outDir, "--sims", "100");
            Assert.Equal(2, code);
            Assert.Matches(new Regex($"^landrush: error: cannot write {Regex.Escape(outDir)}: [^\n]+\n$"), stderr);
            Assert.False(Directory.Exists(outDir));
        }
        finally
        {
            // The folder a landrush that did not refuse it wrote (this exact, freshly named one).
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }

    // What the commands left beside /dev/null before they refused devices, by exact name: nothing in /dev is ever
    // matched by a pattern here (a pattern that also matched /dev/null itself would delete it).
    private static readonly string[] LitterNames =
        ["/dev/null-journal", "/dev/null-wal", "/dev/null-shm", "/dev/null.truth.csv", "/dev/null.parties.csv"];

    private static string[] Litter() => [.. LitterNames.Where(File.Exists)];

    // An earlier run's litter is removed first, so that it is not blamed on this one; only regular files, only these names.
    private static void RemoveLitter()
    {
        Assert.Equal("character special file", Stat("/dev/null"));
        foreach (var f in Litter().Where(f => Stat(f).StartsWith("regular", StringComparison.Ordinal)))
        {
            File.Delete(f);
        }
    }

    private static string Stat(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("stat", ["-c", "%F", path]) { RedirectStandardOutput = true })!;
        var kind = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return kind;
    }
}
