using Landrush.Core;

namespace Landrush.Cli.Files;

/// <summary>
/// A file written whole or not at all: the bytes go to a temporary file with a unique name beside the
/// target (<c>.NAME.TAG.tmp</c>, created exclusively, so a user's own <c>NAME.tmp</c> is never touched; one that a
/// killed command left is removed by the next write of the same target, <see cref="Leftovers"/>),
/// which <see cref="CommitAsync"/> flushes to disk and renames over the target. Disposed without a commit
/// (an error, Ctrl-C), the temporary file is deleted and the target keeps its previous contents. A target
/// that exists and is not a regular file — a device such as <c>/dev/null</c> or <c>/dev/stdout</c>, a pipe —
/// is written in place instead: renaming over it would destroy it (and would succeed when run as root). A
/// target that is one of the running command's inputs (<see cref="CommandInputs"/>) is refused before anything is written.
/// Every command that writes files uses this (enumerate, reconstruct, and the export, report and zonefile
/// commands to come).
/// </summary>
internal sealed class AtomicFile : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly string? _temp;
    private readonly string _target;
    private bool _done;

    private AtomicFile(string path, string target, FileStream stream, string? temp)
    {
        Path = path;
        _target = target;
        _stream = stream;
        _temp = temp;
        Stream = new NamedWriteStream(stream, path);
    }

    /// <summary>The path as the user typed it (for messages).</summary>
    public string Path { get; }

    /// <summary>Where to write the contents; a failed write says "cannot write PATH: why" (a full disk: exit 1).</summary>
    public Stream Stream { get; }

    /// <summary>
    /// Checks <paramref name="path"/> and opens its temporary file. A path that cannot be written — a
    /// directory, a missing directory, no permission, a place such as <c>/proc</c> — is the user's input to
    /// fix: <see cref="UserInputException"/> saying "cannot write PATH: why", with the path as typed.
    /// </summary>
    public static AtomicFile Create(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            throw new UserInputException("cannot write '': an empty path is not a file name");
        }

        if (Directory.Exists(path))
        {
            throw new UserInputException($"{path}: is a directory, not a file");
        }

        CommandInputs.RefuseIfInput(path);

        var full = System.IO.Path.GetFullPath(path);
        var target = File.Exists(full) ? new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full : full;
        if (File.Exists(full) && IsSpecial(target))
        {
            return new AtomicFile(path, target, Open(path, full, FileMode.Open), temp: null);
        }

        // A new file is never made in /dev, /proc or /sys (a device there is written in place, above).
        FileKind.RefuseKernelFileSystem(path);
        var dir = System.IO.Path.GetDirectoryName(target) ?? "/";
        if (!Directory.Exists(dir))
        {
            throw new UserInputException($"cannot write {path}: {FileKind.NoFolder(path) ?? $"directory {System.IO.Path.GetDirectoryName(path)} does not exist"}");
        }

        var name = System.IO.Path.GetFileName(target);
        // What a killed command left beside this target (Leftovers) goes; this command's own temporary is next.
        Leftovers.Sweep(dir, $".{name}.", ".tmp", folders: false);
        var temp = System.IO.Path.Combine(dir, $".{name}.{Leftovers.NewTag()}.tmp");
        return new AtomicFile(path, target, Open(path, temp, FileMode.CreateNew), temp);
    }

    /// <summary>Creates all <paramref name="paths"/> (none is left behind if one cannot be created).</summary>
    public static async Task<AtomicFile[]> CreateAllAsync(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<AtomicFile>();
        try
        {
            foreach (var p in paths)
            {
                files.Add(Create(p));
            }

            return [.. files];
        }
        catch
        {
            foreach (var f in files)
            {
                await f.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Makes the contents the target's: flushed to disk, then renamed over it.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        cancellationToken.ThrowIfCancellationRequested();
        await Guarded(async () =>
        {
            await FlushAsync(cancellationToken);
            if (_temp is not null)
            {
                File.Move(_temp, _target, overwrite: true);
            }
        });
        _done = true;
    }

    /// <summary>
    /// Commits several files that belong together, after all were written: all replace their targets, or none does (for
    /// errors this process sees; a crash between renames leaves a mix). Every file goes to disk first; then each replaces
    /// its target, the old one kept as a link beside it (<see cref="File.Replace(string, string, string)"/>: no moment
    /// without a target), and a replacement that fails (an immutable target) puts the files already replaced back.
    /// </summary>
    public static async Task CommitAllAsync(IEnumerable<AtomicFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToList();
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var f in list)
        {
            ObjectDisposedException.ThrowIf(f._done, f);
            await f.Guarded(() => f.FlushAsync(CancellationToken.None));
        }

        // Once the first is in place the rest follow: a cancel between renames would mix old and new files.
        var moved = new List<(AtomicFile File, string? Old)>();
        try
        {
            foreach (var f in list.Where(f => f._temp is not null))
            {
                var old = f._temp + ".old";
                try
                {
                    await f.Guarded(() =>
                    {
                        if (File.Exists(f._target))
                        {
                            File.Replace(f._temp!, f._target, old);
                            moved.Add((f, old));
                        }
                        else
                        {
                            File.Move(f._temp!, f._target);
                            moved.Add((f, null));
                        }

                        return Task.CompletedTask;
                    });
                }
                catch when (File.Exists(old) && !moved.Any(m => m.File == f))
                {
                    File.Delete(old); // a replacement that failed after keeping the old target
                    throw;
                }
            }
        }
        catch (Exception ex)
        {
            var stuck = Enumerable.Reverse(moved).Where(m => !m.File.PutBack(m.Old)).Select(m => m.File.Path).ToList();
            if (stuck.Count > 0)
            {
                throw new IOException($"{ex.Message}; and {string.Join(", ", stuck)} could not be put back as they were (the old contents are beside them, in .*.old)", ex);
            }

            throw;
        }

        foreach (var (_, old) in moved.Where(m => m.Old is not null))
        {
            try
            {
                File.Delete(old!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Every file is in place: a leftover link to an old one is no failure of the command.
            }
        }

        foreach (var f in list)
        {
            f._done = true;
        }
    }

    // Undoes this file's part of a commit of several (it replaced its target): the old target back in place, or the new
    // file removed where there was none. False when that failed (the old contents then stay in `old`).
    private bool PutBack(string? old)
    {
        try
        {
            if (old is not null)
            {
                File.Move(old, _target, overwrite: true);
            }
            else
            {
                File.Delete(_target);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _stream.FlushAsync(cancellationToken);
        if (_temp is not null)
        {
            // On disk before the rename, so a crash leaves the old file or the new one, never an empty one.
            _stream.Flush(flushToDisk: true);
        }

        await _stream.DisposeAsync();
    }

    // A refusal to write or replace the target said with the path as typed: no permission or an immutable target is the
    // user's to fix (exit 2), other I/O failures (a full disk) are the machine's (exit 1).
    private async Task Guarded(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UserInputException($"cannot write {Path}: {Reason(ex)}", ex);
        }
        catch (IOException ex)
        {
            throw new IOException($"cannot write {Path}: {Reason(ex)}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        try
        {
            await _stream.DisposeAsync();
        }
        catch (IOException)
        {
            // A full disk fails the last flush too; the temporary file goes all the same.
        }

        if (_temp is not null && Directory.Exists(System.IO.Path.GetDirectoryName(_temp)))
        {
            // Its folder may be gone (removed under the command): then so is the file.
            File.Delete(_temp);
        }
    }

    // Linux: a device, a /proc or /sys entry, or a descriptor's pipe or socket ("pipe:[123]"), reached
    // directly or through links such as /dev/stdout → /proc/self/fd/1.
    private static bool IsSpecial(string resolved) =>
        resolved.StartsWith("/dev/", StringComparison.Ordinal) || resolved.StartsWith("/proc/", StringComparison.Ordinal)
        || resolved.StartsWith("/sys/", StringComparison.Ordinal) || !File.Exists(resolved);

    private static FileStream Open(string typed, string path, FileMode mode)
    {
        try
        {
            return new FileStream(path, mode, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot write {typed}: {Reason(ex)}", ex);
        }
    }

    /// <summary>Why a file could not be written, in a few words, without the temporary file's name, which the user never chose.</summary>
    internal static string Reason(Exception ex) => ex switch
    {
        // .NET gives EACCES and EPERM the same exception; root is never refused for permissions, so there it is EPERM
        // (an immutable or append-only file).
        UnauthorizedAccessException => Environment.IsPrivilegedProcess ? "operation not permitted" : "permission denied",
        DirectoryNotFoundException or FileNotFoundException => "files cannot be created there",
        // "No space left on device : 'PATH'": the reason without the path, which may be a temporary file's.
        _ => LowerFirst(ex.Message.Split(" : '", 2)[0].TrimEnd('.')),
    };

    private static string LowerFirst(string s) => s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;
}
