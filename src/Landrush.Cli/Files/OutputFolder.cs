using System.Security.Cryptography;
using Landrush.Core;

namespace Landrush.Cli.Files;

/// <summary>
/// A set of files that belong together in one folder (a report, analyze's tables), replaced whole or not at all. The
/// new set is written into a staging folder inside DIR (<c>.landrush-new-TAG</c>: on DIR's own file system even when
/// DIR is a mount point, so every move below is a rename). <see cref="Commit"/> then swaps: the old files the new set
/// replaces or drops move into a backup folder (<c>.landrush-old-RANDOM</c>), the new files move in, and the backup is
/// deleted. A move that fails (an immutable file, a file where a folder must be) moves back what was moved: the old set
/// stays as it was, and the error names the path the user gave (exit 2). Disposed without a commit (an error, Ctrl-C),
/// the staging folder goes, and so does DIR when this created it: exit 130 means nothing changed. The swap itself is
/// never cancelled, so a command whose files are in place finishes. A staging folder that a killed command left (no
/// cleanup runs on SIGKILL) goes when the next command writes into DIR (<see cref="Leftovers"/>); a backup folder is
/// never removed that way, since a command killed during the swap leaves the old files only there.
/// </summary>
internal sealed class OutputFolder : IAsyncDisposable
{
    private const string StagingPrefix = ".landrush-new-";

    private readonly string _typed;
    private readonly string _full;
    private readonly string _staging;
    private readonly string? _createdTop;
    private readonly List<string> _files = [];
    private bool _committed;

    private OutputFolder(string typed, string full, string staging, string? createdTop)
    {
        _typed = typed;
        _full = full;
        _staging = staging;
        _createdTop = createdTop;
    }

    /// <summary>Creates DIR when missing (with its missing parents) and the staging folder in it.</summary>
    public static OutputFolder Create(string typedDir)
    {
        ArgumentNullException.ThrowIfNull(typedDir);
        var full = Path.GetFullPath(typedDir);
        string? createdTop = null;
        for (var dir = full; !Directory.Exists(dir) && Path.GetDirectoryName(dir) is { } parent; dir = parent)
        {
            createdTop = dir;
        }

        if (createdTop is null)
        {
            // What a killed command left here (Leftovers): this one's staging folder beside it would be the next.
            Leftovers.Sweep(full, StagingPrefix, string.Empty, folders: true);
        }

        var staging = Path.Combine(full, StagingPrefix + Leftovers.NewTag());
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RemoveQuietly(createdTop ?? staging);
            throw new UserInputException($"cannot write {typedDir}: {AtomicFile.Reason(e)}", e);
        }

        return new OutputFolder(typedDir, full, staging, createdTop);
    }

    /// <summary>Writes the file <paramref name="relative"/> (e.g. <c>tables/holdings.csv</c>) of the new set, flushed to disk.</summary>
    public async Task WriteAsync(string relative, Func<Stream, Task> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(relative);
        ArgumentNullException.ThrowIfNull(write);
        ct.ThrowIfCancellationRequested();
        var path = Path.Combine(_staging, relative);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            await write(new NamedWriteStream(file, _typed));
            await file.FlushAsync(ct);
            // On disk before the swap, so that a crash after it leaves whole files.
            file.Flush(flushToDisk: true);
        }
        catch (IOException e) when (!e.Message.StartsWith("cannot write ", StringComparison.Ordinal))
        {
            throw new IOException($"cannot write {_typed}: {AtomicFile.Reason(e)}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UserInputException($"cannot write {_typed}: {AtomicFile.Reason(e)}", e);
        }

        _files.Add(relative);
    }

    /// <summary>Where a file of the new set that another writer makes (a SQLite store) is to be made; <see cref="Adopt"/> it once complete.</summary>
    public string StagedPath(string relative) => Path.Combine(_staging, relative);

    /// <summary>Takes a file made at <see cref="StagedPath"/> into the new set.</summary>
    public void Adopt(string relative)
    {
        if (!File.Exists(StagedPath(relative)))
        {
            throw new InvalidOperationException($"{relative} was not made in the staging folder");
        }

        _files.Add(relative);
    }

    /// <summary>
    /// Swaps the new set in, and removes <paramref name="remove"/> (files of the old set the new one lacks). Not
    /// cancellable; on failure the old set is back in place and the error is the user's path (exit 2).
    /// </summary>
    public void Commit(IEnumerable<string> remove)
    {
        ArgumentNullException.ThrowIfNull(remove);
        var stale = remove.ToList();
        var backup = Path.Combine(_full, $".landrush-old-{RandomNumberGenerator.GetHexString(12, lowercase: true)}");
        var moved = new List<(string From, string To)>();
        var current = string.Empty;
        try
        {
            // A file or folder in the way of the new set, or one of the command's inputs, is refused before anything moves.
            foreach (var rel in _files)
            {
                current = rel;
                RefuseInTheWay(rel);
            }

            foreach (var rel in _files.Concat(stale))
            {
                CommandInputs.RefuseIfInput(Path.Join(_typed, rel));
            }

            foreach (var rel in _files.Concat(stale).Distinct(StringComparer.Ordinal))
            {
                current = rel;
                var old = Path.Combine(_full, rel);
                if (File.Exists(old) || new FileInfo(old).LinkTarget is not null)
                {
                    Move(old, Path.Combine(backup, rel), moved);
                }
            }

            foreach (var rel in _files)
            {
                current = rel;
                Move(Path.Combine(_staging, rel), Path.Combine(_full, rel), moved);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var restored = Restore(moved);
            if (restored)
            {
                // Only what a failed move left there (File.Move copies when it cannot rename, and may fail to delete).
                RemoveQuietly(backup);
            }

            var where = Path.Join(_typed, current);
            throw restored
                ? new UserInputException($"cannot write {where}: {AtomicFile.Reason(e)}", e)
                : new IOException($"cannot write {where}: {AtomicFile.Reason(e)}; the previous files could not all be put back, they are in {Path.Join(_typed, Path.GetFileName(backup))}", e);
        }

        _committed = true;
        RemoveQuietly(backup);
        RemoveQuietly(_staging);
    }

    public ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            RemoveQuietly(_createdTop ?? _staging);
        }

        return ValueTask.CompletedTask;
    }

    private void RefuseInTheWay(string rel)
    {
        var target = Path.Combine(_full, rel);
        if (Directory.Exists(target))
        {
            throw new UserInputException($"cannot write {Path.Join(_typed, rel)}: is a directory, not a file");
        }

        var sub = Path.GetDirectoryName(rel);
        if (!string.IsNullOrEmpty(sub) && File.Exists(Path.Combine(_full, sub)))
        {
            throw new UserInputException($"cannot write {Path.Join(_typed, sub)}: is a file, not a directory");
        }
    }

    private static void Move(string from, string to, List<(string From, string To)> moved)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Move(from, to);
        moved.Add((from, to));
    }

    // Every move undone, newest first; false when one could not be.
    private static bool Restore(List<(string From, string To)> moved)
    {
        var all = true;
        for (var i = moved.Count - 1; i >= 0; i--)
        {
            try
            {
                File.Move(moved[i].To, moved[i].From);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                all = false;
            }
        }

        return all;
    }

    private static void RemoveQuietly(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden folder is no reason to fail a command whose work is done or already failed.
        }
    }
}
