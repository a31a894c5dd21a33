namespace Landrush.Cli.Tests;

/// <summary>Issue 14: the CLI under hostile conditions, tried as a real process.</summary>
public sealed class HostileConditionsTests : IDisposable
{
    private const string Good =
        "#landrush-dataset v1 space=digits:1-2 tld=nl\n" +
        "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref\n" +
        "0.nl,1,active,Registrar 01,ABC000001-X,,,ns1.p.example,2008-02-28,,whois,,\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("$LR validate \"$F\" > /dev/full", "No space left on device")]
    [InlineData("$LR --help > /dev/full", "No space left on device")]
    [InlineData("$LR validate \"$F\" >&-", "Bad file descriptor")]
    [InlineData("$LR --help >&-", "Bad file descriptor")]
    public async Task Standard_output_that_cannot_be_written_is_one_line_and_exit_1(string script, string reason)
    {
        var file = await WriteTemp(Good);
        var (code, _, stderr) = await ProcessRunner.BashAsync($"F={file}; {script}");
        Assert.Equal(1, code);
        Assert.Equal($"landrush: error: cannot write standard output: {reason}", stderr.TrimEnd());
    }

    [Fact]
    public async Task Enumerate_stops_quietly_when_the_reader_goes_away()
    {
        // digits:1-8 is 111 million names (about 5 s in full): only stopping early finishes within the timeout.
        var (code, stdout, stderr) = await ProcessRunner.BashAsync(
            "set -o pipefail; $LR enumerate --space digits:1-8 | head -1; echo \"status ${PIPESTATUS[0]}\"", timeout: TimeSpan.FromSeconds(30));
        Assert.Equal("0.nl\nstatus 141\n", stdout);
        Assert.Empty(stderr);
        Assert.Equal(0, code); // echo's

    }

    [Fact]
    public async Task Validate_dev_zero_ends_fast_naming_the_long_line()
    {
        var (code, _, stderr) = await ProcessRunner.BashAsync("$LR validate /dev/zero", timeout: TimeSpan.FromSeconds(20));
        Assert.Equal(2, code);
        Assert.Equal("landrush: error: /dev/zero:1: line longer than 65,536 characters: a dataset line is short (is this a Landrush dataset?)", stderr.TrimEnd());
    }

    [Fact]
    public async Task Sigterm_during_enumerate_keeps_the_old_file_leaves_no_temporary_and_exits_130()
    {
        var dir = Directory.CreateTempSubdirectory("landrush-cancel-");
        try
        {
            var target = Path.Combine(dir.FullName, "names.txt");
            await File.WriteAllTextAsync(target, "old\n");
            var (code, stdout, stderr) = await ProcessRunner.BashAsync(
                // Signalled once its temporary file exists: mid-write, after the handlers are in place.
                $"$LR enumerate --space digits:1-8 --out {target} & pid=$!; " +
                $"for i in $(seq 300); do ls {dir.FullName}/.names.txt.*.tmp >/dev/null 2>&1 && break; sleep 0.1; done; " +
                "kill -TERM $pid; wait $pid; echo \"status $?\"",
                timeout: TimeSpan.FromSeconds(30));
            Assert.Equal("status 130\n", stdout);
            Assert.Equal("landrush: cancelled", stderr.TrimEnd());
            Assert.Equal("old\n", await File.ReadAllTextAsync(target));
            Assert.Equal([target], Directory.GetFiles(dir.FullName));
            Assert.Equal(0, code);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Dash_reads_standard_input_for_validate()
    {
        var file = await WriteTemp(Good);
        var (code, stdout, stderr) = await ProcessRunner.BashAsync($"$LR validate - < {file}");
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.StartsWith("<stdin>: valid Landrush dataset", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dataset_on_standard_input_is_named_so_in_its_errors_and_a_cut_one_is_refused()
    {
        // Its last line without its newline: read through a pipe as from a file, refused, and named <stdin>, not "-".
        var file = await WriteTemp(Good.TrimEnd('\n'));
        var (code, stdout, stderr) = await ProcessRunner.BashAsync($"cat {file} | $LR analyze --data -");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Matches("^landrush: error: <stdin>:[0-9]+: the file ends inside a line", stderr);
    }

    [Fact]
    public async Task Writing_to_a_device_writes_through_it_and_never_replaces_it()
    {
        var (code, stdout, stderr) = await ProcessRunner.BashAsync("$LR enumerate --space digits:1 --out /dev/stdout; stat -c %F /dev/null; $LR enumerate --count --out /dev/null; stat -c %F /dev/null");
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.Equal("0.nl\n1.nl\n2.nl\n3.nl\n4.nl\n5.nl\n6.nl\n7.nl\n8.nl\n9.nl\ncharacter special file\ncharacter special file\n", stdout);
    }

    private async Task<string> WriteTemp(string text)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}
