namespace Landrush.Harvest.Store;

/// <summary>Opens a harvest store by where it is: a <c>postgres://</c> URL is a PostgreSQL store, anything else a SQLite file.</summary>
public static class HarvestStores
{
    /// <summary>
    /// Opens the store at <paramref name="location"/>: created when missing unless <paramref name="mustExist"/> or
    /// <paramref name="readOnly"/> (a PostgreSQL database must exist; its tables are created when missing).
    /// </summary>
    public static IHarvestStore Open(string location, bool mustExist = false, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(location);
        return PostgresLocation.IsUrl(location)
            ? PostgresHarvestStore.Open(PostgresLocation.Parse(location), mustExist || readOnly)
            : SqliteHarvestStore.Open(location, mustExist, readOnly);
    }

    /// <summary>
    /// Opens the store at <paramref name="location"/> for a harvest: a PostgreSQL store as it is (any number of workers);
    /// a SQLite store only when no other process harvests it (<see cref="SqliteHarvestStore.OpenLocked"/>), else a
    /// <see cref="Core.UserInputException"/> naming the process that does.
    /// </summary>
    public static IHarvestStore OpenForHarvest(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return PostgresLocation.IsUrl(location) ? Open(location) : SqliteHarvestStore.OpenLocked(location);
    }

    /// <summary>True when <paramref name="location"/> is a PostgreSQL store (several workers may harvest it at once).</summary>
    public static bool IsShared(string location) => PostgresLocation.IsUrl(location);
}
