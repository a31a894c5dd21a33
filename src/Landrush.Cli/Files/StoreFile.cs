using Landrush.Core;
using Landrush.Harvest.Store;

namespace Landrush.Cli.Files;

/// <summary>
/// The harvest store a <c>--store</c> names, checked before SQLite touches it: a device, a pipe or a socket is no store
/// (SQLite would read <c>/dev/null</c> as an empty database and write <c>/dev/null-journal</c> beside it), and a new store
/// is never made in <c>/dev</c>, <c>/proc</c> or <c>/sys</c>.
/// </summary>
internal static class StoreFile
{
    /// <summary>Refuses (exit 2) a path that cannot be a harvest store, without creating anything.</summary>
    public static void Check(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            throw new UserInputException("an empty path is not a harvest store");
        }

        if (FileKind.NotAFile(path) is { } what)
        {
            throw new UserInputException($"{path}: is {what}, not a harvest store");
        }

        FileKind.RefuseKernelFileSystem(path);
    }

    /// <summary><see cref="SqliteHarvestStore.Open"/> after <see cref="Check"/>.</summary>
    public static SqliteHarvestStore Open(string path, bool mustExist = false, bool readOnly = false)
    {
        Check(path);
        return SqliteHarvestStore.Open(path, mustExist, readOnly);
    }
}
