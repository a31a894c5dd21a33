using Landrush.Core;
using Landrush.Harvest.Store;

namespace Landrush.Cli.Files;

/// <summary>
/// The harvest store a <c>--store</c> names, checked before SQLite touches it: a device, a pipe or a socket is no store
/// (SQLite would read <c>/dev/null</c> as an empty database and write <c>/dev/null-journal</c> beside it), and a new store
/// is never made in <c>/dev</c>, <c>/proc</c> or <c>/sys</c>. A <c>postgres://</c> URL is no file: it is opened as it is.
/// </summary>
internal static class StoreFile
{
    /// <summary>Refuses (exit 2) a path that cannot be a harvest store, without creating anything.</summary>
    public static void Check(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.Length == 0)
        {
            throw new UserInputException("an empty path is not a harvest store");
        }

        if (HarvestStores.IsShared(location))
        {
            return;
        }

        if (FileKind.NotAFile(location) is { } what)
        {
            throw new UserInputException($"{location}: is {what}, not a harvest store");
        }

        if (FileKind.BrokenLink(location) is { } broken)
        {
            throw new UserInputException($"{location}: {broken}");
        }

        FileKind.RefuseKernelFileSystem(location);
    }

    /// <summary><see cref="HarvestStores.Open"/> after <see cref="Check"/>.</summary>
    public static IHarvestStore Open(string location, bool mustExist = false, bool readOnly = false)
    {
        Check(location);
        return HarvestStores.Open(location, mustExist, readOnly);
    }

    /// <summary>
    /// <see cref="HarvestStores.OpenForHarvest"/> after <see cref="Check"/>: a SQLite store's lock file goes beside it only
    /// once the path is known to be a place for files.
    /// </summary>
    public static IHarvestStore OpenForHarvest(string location)
    {
        Check(location);
        return HarvestStores.OpenForHarvest(location);
    }
}
