using Landrush.Core;
using Landrush.Harvest.Store;

namespace Landrush.Cli.Files;

/// <summary>
/// The files a demo keeps in its folder, and which of them it may replace. The demo lists its own harvest files (the
/// store with its journals, the export) in <c>.landrush-demo-files</c>; an earlier report's files are listed by the
/// report's own manifest. Only what those lists name is ever replaced or removed: a <c>harvest.sqlite</c> the demo did
/// not write (a user's store of another plan) is refused, never deleted.
/// </summary>
internal static class DemoFiles
{
    public const string ManifestName = ".landrush-demo-files";

    public const string Store = "harvest.sqlite";

    public const string Export = "harvest.csv";

    /// <summary>What the demo writes besides its report, journals included (SQLite's names for them).</summary>
    private static readonly string[] Owned = [Store, Store + "-wal", Store + "-shm", Store + "-journal", Export];

    /// <summary>
    /// The harvest files of an earlier demo in <paramref name="outDir"/> (as typed), relative: its list names them, and the
    /// new demo's swap replaces or removes them. A harvest file there that no list names is the user's: refused (exit 2)
    /// before anything starts.
    /// </summary>
    public static IReadOnlyList<string> Previous(string outDir)
    {
        var listed = Listed(outDir);
        foreach (var name in Owned.Where(n => !listed.Contains(n)))
        {
            if (File.Exists(Path.Combine(outDir, name)) || Directory.Exists(Path.Combine(outDir, name)))
            {
                throw new UserInputException(
                    $"{Path.Join(outDir, name)}: not written by a demo (not listed in {Path.Join(outDir, ManifestName)}); move it, or give the demo another --out");
            }
        }

        return [.. listed.Where(n => File.Exists(Path.Combine(outDir, n)))];
    }

    /// <summary>
    /// Takes the lock of the store in <paramref name="outDir"/> (<see cref="SqliteHarvestLock"/>, as a harvest of it
    /// does): a second demo into the same folder, or a demo while a harvest runs on <c>OUT/harvest.sqlite</c>, is refused
    /// (exit 2). The lock files this demo made are removed when it lets go, so that the folder keeps only the files the
    /// lists name and a stopped demo changes nothing; lock files that were there (a harvest's) stay.
    /// </summary>
    public static IDisposable Lock(string outDir)
    {
        var store = Path.Join(outDir, Store);
        var lockFile = SqliteHarvestLock.PathFor(Path.GetFullPath(store));
        var made = !File.Exists(lockFile) && !File.Exists(lockFile + ".holder");
        return new DemoLock(SqliteHarvestLock.Acquire(store), made ? lockFile : null);
    }

    /// <summary>The list itself: the demo's harvest files, one a line.</summary>
    public static byte[] Manifest() => System.Text.Encoding.UTF8.GetBytes(string.Concat(Owned.Select(n => n + "\n")));

    // The harvest files the folder's list names (only names the demo writes); a folder that an earlier landrush's demo
    // wrote before it kept a list is recognised by its report, which records the demo's command.
    private static HashSet<string> Listed(string outDir)
    {
        var manifest = Path.Combine(outDir, ManifestName);
        if (File.Exists(manifest))
        {
            return File.ReadLines(manifest).Where(Owned.Contains).ToHashSet(StringComparer.Ordinal);
        }

        var report = Path.Combine(outDir, "report.md");
        return File.Exists(report) && File.ReadAllText(report).Contains("\nlandrush demo ", StringComparison.Ordinal)
            ? Owned.ToHashSet(StringComparer.Ordinal)
            : [];
    }

    private sealed class DemoLock(SqliteHarvestLock held, string? made) : IDisposable
    {
        public void Dispose()
        {
            // Removed while still held, then let go (SqliteHarvestLock keeps its files so that two processes never lock two
            // files of one name; here only one racing in that very instant could, and the demo is done by then).
            try
            {
                if (made is not null)
                {
                    File.Delete(made + ".holder");
                    File.Delete(made);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left behind: harmless, the next demo or harvest takes it.
            }
            finally
            {
                held.Dispose();
            }
        }
    }
}
