using System.Globalization;
using Landrush.Core;

namespace Landrush.Harvest.Store;

/// <summary>
/// One harvester at a time on a SQLite store: an exclusive lock on <c>STORE.lock</c> beside it, held while the
/// harvest (or the demo) runs; the holder's pid, host and start time go into <c>STORE.lock.holder</c> for the message a
/// second harvester gets (the lock file itself cannot be read while held: .NET reads through a shared lock). The lock
/// is the kernel's (<c>flock</c>, which .NET takes for <see cref="FileShare.None"/>), so it ends with its process however
/// that ends: a lock left by a killed process is simply taken over. The files stay (removing the lock file would let a
/// second process lock a new file of the same name while the first holds the old).
/// </summary>
public sealed class SqliteHarvestLock : IDisposable
{
    private readonly FileStream _file;

    private SqliteHarvestLock(FileStream file, string path)
    {
        _file = file;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>The lock file of the store at <paramref name="storePath"/>.</summary>
    public static string PathFor(string storePath) => storePath + ".lock";

    /// <summary>
    /// Takes the lock of the store at <paramref name="storePath"/> (typed as <paramref name="label"/>, for the message).
    /// Another live holder: a <see cref="UserInputException"/> naming it.
    /// </summary>
    public static SqliteHarvestLock Acquire(string storePath, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(storePath);
        var full = System.IO.Path.GetFullPath(storePath);
        // The store's own checks, first: the lock file goes beside the store.
        if (Directory.Exists(full))
        {
            throw new UserInputException($"{label ?? storePath}: is a directory, not a harvest store");
        }

        if (ParentFolder.Missing(storePath) is { } why)
        {
            throw new UserInputException($"cannot write {label ?? storePath}: {why}");
        }

        var path = PathFor(full);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new UserInputException($"{label ?? storePath}: store in use by {Holder(path)}; use a PostgreSQL store for several harvesters");
        }

        try
        {
            var text = string.Create(CultureInfo.InvariantCulture,
                $"pid {Environment.ProcessId} on {Environment.MachineName} since {DateTimeOffset.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}\n");
            // Whole or not at all, so that a reader never sees half a line.
            var temp = path + $".{Environment.ProcessId}.tmp";
            File.WriteAllText(temp, text);
            File.Move(temp, path + ".holder", overwrite: true);
            return new SqliteHarvestLock(file, path);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    // What the holder wrote; a holder that has not written yet is a process that just took it.
    private static string Holder(string path)
    {
        try
        {
            var line = File.ReadAllText(path + ".holder").Trim();
            return string.IsNullOrEmpty(line) ? "another process" : line;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "another process";
        }
    }

    public void Dispose() => _file.Dispose();
}
