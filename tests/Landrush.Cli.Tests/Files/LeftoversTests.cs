using System.Diagnostics;
using Landrush.Cli.Files;

namespace Landrush.Cli.Tests.Files;

/// <summary>
/// A command killed outright (SIGKILL) leaves its temporary behind; the next command writing to the same place removes
/// it, and nothing a live process or another host may still be writing.
/// </summary>
public sealed class LeftoversTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-leftovers-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_staging_folder_of_a_report_killed_while_writing_goes_with_the_next_report_and_no_one_elses_does()
    {
        var data = Path.Combine(_dir, "d.csv");
        await File.WriteAllTextAsync(data, TestData.SmallLandrush(seed: 1));
        var outDir = Path.Combine(_dir, "out");
        // Killed once its staging folder exists, that is while it writes the report's files.
        var (code, stdout, err) = await ProcessRunner.BashAsync($"""
            $LR report --data '{data}' --out '{outDir}' --sims 100 >/dev/null 2>&1 & pid=$!
            for i in $(seq 1 6000); do
              if compgen -G '{outDir}/.landrush-new-*' >/dev/null; then kill -9 $pid; wait $pid; echo killed; exit 0; fi
              if ! kill -0 $pid 2>/dev/null; then echo 'finished before it could be killed'; exit 3; fi
              sleep 0.01
            done
            exit 4
            """, timeout: TimeSpan.FromSeconds(120));
        Assert.True(code == 0, stdout + err);
        var killed = Assert.Single(Directory.GetDirectories(outDir, ".landrush-new-*"));

        // Stagings that are not that one's to remove: this test process is alive, another host's may be, an untagged one is unknown.
        string[] others = [
            Path.Combine(outDir, ".landrush-new-" + Leftovers.TagOf(Leftovers.Host, Environment.ProcessId)),
            Path.Combine(outDir, ".landrush-new-" + Leftovers.TagOf("elsewhere", Dead())),
            Path.Combine(outDir, ".landrush-new-0123456789ab"),
        ];
        foreach (var other in others)
        {
            Directory.CreateDirectory(other);
            await File.WriteAllTextAsync(Path.Combine(other, "report.md"), "in progress");
        }

        (code, _, err) = await ProcessRunner.BashAsync($"$LR report --data '{data}' --out '{outDir}' --sims 100", timeout: TimeSpan.FromSeconds(120));
        Assert.True(code == 0, err);
        Assert.False(Directory.Exists(killed), $"{Path.GetFileName(killed)} is still there");
        Assert.All(others, o => Assert.True(File.Exists(Path.Combine(o, "report.md")), $"{Path.GetFileName(o)} was removed"));
        Assert.Contains("d.csv", await File.ReadAllTextAsync(Path.Combine(outDir, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_temporary_file_a_killed_command_left_beside_its_target_goes_with_the_next_write_of_that_target()
    {
        var target = Path.Combine(_dir, "x.csv");
        var dead = Dead();
        var abandoned = Path.Combine(_dir, $".x.csv.{Leftovers.TagOf(Leftovers.Host, dead)}.tmp");
        string[] kept = [
            Path.Combine(_dir, $".x.csv.{Leftovers.TagOf(Leftovers.Host, Environment.ProcessId)}.tmp"),
            Path.Combine(_dir, $".x.csv.{Leftovers.TagOf("elsewhere", dead)}.tmp"),
            Path.Combine(_dir, $".y.csv.{Leftovers.TagOf(Leftovers.Host, dead)}.tmp"),
            Path.Combine(_dir, ".x.csv.0123456789ab.tmp"),
            Path.Combine(_dir, "x.csv.tmp"),
        ];
        foreach (var f in kept.Append(abandoned))
        {
            await File.WriteAllTextAsync(f, "partial");
        }

        await using (var file = AtomicFile.Create(target))
        {
            await file.Stream.WriteAsync("new"u8.ToArray());
            await file.CommitAsync(CancellationToken.None);
        }

        Assert.Equal("new", await File.ReadAllTextAsync(target));
        Assert.False(File.Exists(abandoned));
        Assert.All(kept, k => Assert.True(File.Exists(k), $"{Path.GetFileName(k)} was removed"));
    }

    [Fact]
    public async Task Only_a_regular_file_named_for_this_target_exactly_is_removed()
    {
        // The target's name holds a wildcard character: another target's leftover must not match it. A folder named like a
        // temporary file, and a name with a line break after its tag, are not ours.
        var target = Path.Combine(_dir, "a?.csv");
        var dead = Dead();
        string Named(string suffix) => Path.Combine(_dir, $".a?.csv.{Leftovers.TagOf(Leftovers.Host, dead)}{suffix}");
        var abandoned = Named(".tmp");
        var other = Path.Combine(_dir, $".ab.csv.{Leftovers.TagOf(Leftovers.Host, dead)}.tmp");
        var broken = Named("\n.tmp");
        var folder = Named(".tmp");
        foreach (var f in new[] { abandoned, other, broken })
        {
            await File.WriteAllTextAsync(f, "partial");
        }

        Directory.CreateDirectory(folder);

        await using (var file = AtomicFile.Create(target))
        {
            await file.Stream.WriteAsync("new"u8.ToArray());
            await file.CommitAsync(CancellationToken.None);
        }

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(other));
        Assert.True(File.Exists(broken));
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void A_tag_is_abandoned_only_when_made_here_by_a_process_that_has_ended()
    {
        var dead = Dead();
        Assert.True(Leftovers.IsAbandoned(Leftovers.TagOf(Leftovers.Host, dead)));
        Assert.False(Leftovers.IsAbandoned(Leftovers.NewTag()));
        using (var live = Process.Start(new ProcessStartInfo("sleep", ["30"]))!)
        {
            Assert.False(Leftovers.IsAbandoned(Leftovers.TagOf(Leftovers.Host, live.Id)));
            live.Kill();
            live.WaitForExit();
        }

        Assert.False(Leftovers.IsAbandoned(Leftovers.TagOf("elsewhere", dead)));
        Assert.False(Leftovers.IsAbandoned($"{Leftovers.Host}-{dead}"));
        Assert.False(Leftovers.IsAbandoned($"{Leftovers.Host}-{dead}-0123456789AB"));
    }

    // The id of a process that ran and has ended.
    private static int Dead()
    {
        using var p = Process.Start(new ProcessStartInfo("sleep", ["30"]))!;
        var id = p.Id;
        p.Kill();
        p.WaitForExit();
        return id;
    }
}
