using Landrush.Cli.Files;

namespace Landrush.Cli.Tests.Files;

/// <summary>Files that belong together (a dataset and its ground truth) replace their targets all or none.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_rename_that_fails_puts_the_files_already_replaced_back()
    {
        // The second target's folder goes away between writing and committing: its rename fails after the first's.
        var first = Path.Combine(_dir, "a", "x.csv");
        var second = Path.Combine(_dir, "b", "x.truth.csv");
        var third = Path.Combine(_dir, "a", "new.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(first)!);
        Directory.CreateDirectory(Path.GetDirectoryName(second)!);
        await File.WriteAllTextAsync(first, "old dataset");
        await File.WriteAllTextAsync(second, "old truth");

        var files = await AtomicFile.CreateAllAsync([first, third, second]);
        try
        {
            foreach (var f in files)
            {
                await using var w = new StreamWriter(f.Stream, leaveOpen: true);
                await w.WriteAsync("new " + Path.GetFileName(f.Path));
            }

            Directory.Delete(Path.GetDirectoryName(second)!, recursive: true);
            var e = await Assert.ThrowsAsync<IOException>(() => AtomicFile.CommitAllAsync(files, CancellationToken.None));
            Assert.StartsWith($"cannot write {second}: ", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var f in files)
            {
                await f.DisposeAsync();
            }
        }

        // The first is its old self again, the one that did not exist before is gone, and nothing is left beside them.
        Assert.Equal("old dataset", await File.ReadAllTextAsync(first));
        Assert.Equal([first], Directory.GetFiles(Path.GetDirectoryName(first)!));
    }

    [Fact]
    public async Task Files_that_all_commit_replace_their_targets_and_leave_nothing_beside_them()
    {
        var first = Path.Combine(_dir, "x.csv");
        var second = Path.Combine(_dir, "x.truth.csv");
        await File.WriteAllTextAsync(first, "old dataset");
        var files = await AtomicFile.CreateAllAsync([first, second]);
        foreach (var f in files)
        {
            await using var w = new StreamWriter(f.Stream, leaveOpen: true);
            await w.WriteAsync("new " + Path.GetFileName(f.Path));
        }

        await AtomicFile.CommitAllAsync(files, CancellationToken.None);
        foreach (var f in files)
        {
            await f.DisposeAsync();
        }

        Assert.Equal("new x.csv", await File.ReadAllTextAsync(first));
        Assert.Equal("new x.truth.csv", await File.ReadAllTextAsync(second));
        Assert.Equal([first, second], Directory.GetFiles(_dir).Order());
    }
}
