using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Landrush.Cli.Tests;

/// <summary>
/// The README's contract for messages, everywhere: <c>cannot write PATH: why</c>, the path as typed, values over 200
/// characters shortened, one line, and exit 2 for an output path that cannot be written, file or folder alike.
/// </summary>
public sealed class MessageContractTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-contract-").FullName;
    private string? _mount;
    private string? _immutable;

    public void Dispose()
    {
        if (_mount is not null)
        {
            Run("umount", _mount);
        }

        if (_immutable is not null)
        {
            Run("chattr", "-i", _immutable);
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_device_that_is_full_is_cannot_write_path_why_and_exit_1()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("enumerate", "--space", "digits:1-6", "--out", "/dev/full");
        Assert.Equal(1, code);
        Assert.Equal("landrush: error: cannot write /dev/full: no space left on device\n", stderr);
    }

    [SkippableTheory]
    [InlineData("enumerate --space digits:1-6 --out small/names.txt", "small/names.txt")]
    [InlineData("reconstruct --out small/r.csv", "small/r.csv")]
    [InlineData("report --data DATA --sims 100 --out small/report", "small/report")]
    public async Task A_full_disk_names_the_path_as_typed_in_one_line_and_exits_1(string command, string typed)
    {
        var mount = Directory.CreateDirectory(Path.Combine(_dir, "small")).FullName;
        var (ok, why) = Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount);
        _mount = ok ? mount : null;

        Skip.IfNot(ok, $"cannot mount a size-limited tmpfs here ({why})");
        var data = Path.Combine(_dir, "data.csv");
        await File.WriteAllTextAsync(data, TestData.SmallLandrush(seed: 3));
        var (code, _, stderr) = await ProcessRunner.BashAsync("$LR " + command.Replace("DATA", data, StringComparison.Ordinal) + " >/dev/null", _dir);
        Assert.Equal(1, code);
        var errors = stderr.Split('\n').Where(l => l.StartsWith("landrush:", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"landrush: error: cannot write {typed}: no space left on device"], errors);
        Assert.Empty(Directory.GetFileSystemEntries(mount).Except([Path.Combine(mount, "report")]));
    }

    [Fact]
    public async Task A_report_folder_that_cannot_take_its_tables_names_them_relative_as_typed()
    {
        var data = Path.Combine(_dir, "data.csv");
        await File.WriteAllTextAsync(data, TestData.SmallLandrush(seed: 3));
        Directory.CreateDirectory(Path.Combine(_dir, "rel"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "rel", "tables"), "a file where the report wants a folder");
        var (code, stdout, stderr) = await ProcessRunner.BashAsync($"$LR report --data {data} --sims 100 --out rel", _dir);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var errors = stderr.Split('\n').Where(l => l.StartsWith("landrush:", StringComparison.Ordinal)).ToList();
        Assert.Single(errors);
        Assert.StartsWith("landrush: error: cannot write rel/tables", errors[0], StringComparison.Ordinal);
        Assert.DoesNotContain(_dir, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_of_300_characters_is_shortened_in_the_message()
    {
        var path = "/nonexistent/" + new string('a', 300) + "/names.txt";
        var (code, _, stderr) = await CliRunner.RunAsync("enumerate", "--space", "digits:1", "--out", path);
        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.True(stderr.Length < 400, $"a message of {stderr.Length} characters: {stderr}");
        Assert.Contains("characters)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_that_cannot_be_written_is_one_line_before_the_plan_line()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("harvest", "--store", "/nonexistent/h.sqlite", "--space", "digits:1",
            "--dns", "127.0.0.1:9", "--whois", "127.0.0.1:9");
        Assert.Equal(2, code);
        Assert.Matches(new Regex("^landrush: error: cannot write /nonexistent/h.sqlite: [^\n]+\n$"), stderr);
    }

    [SkippableFact]
    public async Task An_output_file_that_cannot_be_replaced_is_exit_2_as_an_output_folder_is()
    {
        var target = Path.Combine(_dir, "names.txt");
        await File.WriteAllTextAsync(target, "old\n");
        var (ok, why) = Run("chattr", "+i", target);
        Skip.IfNot(ok, $"chattr +i is refused here ({why})");
        _immutable = target;

        var (code, _, stderr) = await CliRunner.RunAsync("enumerate", "--space", "digits:1", "--out", target);
        Assert.Equal(2, code);
        Assert.Equal($"landrush: error: cannot write {target}: operation not permitted\n", stderr);
        Assert.Equal("old\n", await File.ReadAllTextAsync(target));
        Assert.Equal([target], Directory.GetFiles(_dir));
    }

    private static (bool Ok, string Why) Run(string file, params string[] args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
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
