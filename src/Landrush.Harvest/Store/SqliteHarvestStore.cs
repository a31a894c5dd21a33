using System.Globalization;
using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Dns;
using Microsoft.Data.Sqlite;

namespace Landrush.Harvest.Store;

/// <summary>
/// The harvest store in one SQLite file (WAL journal): tables <c>plan</c>, <c>names</c> (state per name),
/// <c>replies</c> (every raw reply, the evidence) and <c>records</c> (parsed facts). Every write is one
/// transaction, so a process killed at any moment leaves whole answers only.
/// </summary>
/// <remarks>
/// <c>synchronous=NORMAL</c> in WAL mode: a committed transaction survives the process being killed (the
/// WAL is in the OS's hands); only a power cut may lose the last few, which the next run asks again.
/// </remarks>
public sealed partial class SqliteHarvestStore : IHarvestStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS plan(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS names(
            idx INTEGER PRIMARY KEY, name TEXT NOT NULL, dns INTEGER, dns_reply INTEGER,
            verify INTEGER NOT NULL DEFAULT 0, whois INTEGER NOT NULL DEFAULT 0, reason TEXT);
        CREATE TABLE IF NOT EXISTS replies(
            id INTEGER PRIMARY KEY, idx INTEGER NOT NULL, name TEXT NOT NULL, source TEXT NOT NULL, server TEXT NOT NULL,
            at TEXT NOT NULL, class TEXT NOT NULL, notice TEXT, raw BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS records(
            idx INTEGER PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, registrar TEXT, registrant_handle TEXT,
            registrant_name TEXT, admin_handle TEXT, name_servers TEXT, created TEXT, updated TEXT,
            source TEXT NOT NULL, fetched_at TEXT, reply_id INTEGER);
        CREATE TABLE IF NOT EXISTS verify_strata(
            id INTEGER PRIMARY KEY, shard TEXT NOT NULL, first_idx INTEGER NOT NULL, end_idx INTEGER NOT NULL, absent INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS verify_members(stratum INTEGER NOT NULL, idx INTEGER NOT NULL, PRIMARY KEY(stratum, idx));
        CREATE TABLE IF NOT EXISTS dns_blocks(
            block INTEGER PRIMARY KEY, first_idx INTEGER NOT NULL, end_idx INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0,
            lease_owner TEXT, lease_until INTEGER);
        CREATE TABLE IF NOT EXISTS workers(
            name TEXT PRIMARY KEY, source_address TEXT, host TEXT, pid INTEGER, whois_rate REAL, started TEXT, last_seen TEXT,
            dns_names INTEGER NOT NULL DEFAULT 0, whois_queries INTEGER NOT NULL DEFAULT 0, throttles INTEGER NOT NULL DEFAULT 0);
        """;

    // Columns a store made by an older landrush lacks: added when it is opened for writing.
    private static readonly (string Table, string Column, string Type)[] Added =
    [
        ("replies", "worker", "TEXT"), ("replies", "source_address", "TEXT"), ("replies", "asked_at", "TEXT"),
        ("names", "lease_owner", "TEXT"), ("names", "lease_until", "INTEGER"), ("names", "failed_by", "TEXT"),
    ];

    // After the columns exist. names_todo holds the names the WHOIS stage must still answer (NameState.NeedsWhois);
    // replies_notice the few replies with a simulator's notice, which every run's start reads (Notices), not every reply.
    private const string Indexes = """
        CREATE INDEX IF NOT EXISTS names_todo ON names(idx) WHERE whois <> 1 AND (dns <> 2 OR verify <> 0);
        CREATE INDEX IF NOT EXISTS names_leased ON names(lease_owner) WHERE lease_owner IS NOT NULL;
        CREATE INDEX IF NOT EXISTS replies_whois_at ON replies(at) WHERE source <> 'dns';
        CREATE INDEX IF NOT EXISTS replies_idx ON replies(idx);
        CREATE INDEX IF NOT EXISTS replies_notice ON replies(notice) WHERE notice IS NOT NULL;
        """;

    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();
    private readonly string _path;
    private bool _politenessColumns;
    private SqliteHarvestLock? _lock;

    private SqliteHarvestStore(SqliteConnection db, string path)
    {
        _db = db;
        _path = path;
    }

    public HarvestPlan? Plan { get; private set; }

    public string Location => _path;

    /// <summary>
    /// Opens (or creates, unless <paramref name="mustExist"/>) the store at <paramref name="path"/>. A file
    /// that is not a harvest store is a <see cref="UserInputException"/>; a file that cannot be written is an
    /// <see cref="IOException"/>.
    /// </summary>
    public static SqliteHarvestStore Open(string path, bool mustExist = false, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UserInputException($"{path}: is a directory, not a harvest store");
        }

        if ((mustExist || readOnly) && !File.Exists(full))
        {
            throw new UserInputException($"{path}: no such harvest store");
        }

        if (ParentFolder.Missing(path) is { } why)
        {
            throw new UserInputException($"cannot write {path}: {why}");
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var db = new SqliteConnection(builder.ToString());
        try
        {
            db.Open();
            Execute(db, "PRAGMA busy_timeout=10000;");
            if (!readOnly)
            {
                // 64 MB of page cache: the DNS sweep's outcomes go in at tens of thousands a second, and the indexes' pages stay hot.
                Execute(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;");
                Execute(db, Schema);
                Migrate(db);
                Execute(db, Indexes);
            }

            var store = new SqliteHarvestStore(db, path) { _politenessColumns = readOnly ? HasColumn(db, "replies", "worker") : true };
            store.Plan = store.ReadPlan();
            return store;
        }
        catch (SqliteException ex)
        {
            db.Dispose();
            throw Translate(ex, path);
        }
    }

    /// <summary>
    /// Opens the store at <paramref name="path"/> for a harvest: first its <see cref="SqliteHarvestLock"/> (a second
    /// harvester is refused before the store is touched), then the store, whose leases are all a dead run's (this process
    /// holds the only lock) and so are given back at once. The lock is released with the store.
    /// </summary>
    public static SqliteHarvestStore OpenLocked(string path)
    {
        var held = SqliteHarvestLock.Acquire(path);
        try
        {
            var store = Open(path);
            store._lock = held;
            store.Guard(() => store.InTransaction(() =>
            {
                using var cmd = store.Command("""
                    UPDATE names SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL;
                    UPDATE dns_blocks SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL;
                    """);
                cmd.ExecuteNonQuery();
            }));
            return store;
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>Turns SQLite's errors into the CLI's: bad input (not a store, corrupt) or I/O (read-only, full disk).</summary>
    internal static Exception Translate(SqliteException ex, string path) => ex.SqliteErrorCode switch
    {
        26 or 11 => new UserInputException($"{path}: not a harvest store, or corrupt ({ex.Message.TrimEnd('.')})", ex), // NOTADB, CORRUPT
        13 => new IOException($"{path}: disk full: {ex.Message.TrimEnd('.')}; free space and run again to resume", ex), // FULL
        8 => new IOException($"{path}: read-only: {ex.Message.TrimEnd('.')}", ex), // READONLY
        14 or 10 => new IOException($"{path}: cannot open or write: {ex.Message.TrimEnd('.')}", ex), // CANTOPEN, IOERR
        _ => new IOException($"{path}: {ex.Message.TrimEnd('.')}", ex),
    };

    public void Begin(HarvestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (Plan is { } existing)
        {
            if (existing.DifferenceFrom(plan) is { } why)
            {
                throw new UserInputException($"{_path}: this store is for another harvest ({why}); use another --store");
            }

            // Same harvest: record the servers of this run (and lay out the blocks of a store made before there were any).
            Plan = existing with { DnsServers = plan.DnsServers, WhoisServer = plan.WhoisServer };
            Guard(() => InTransaction(() =>
            {
                WritePlan(Plan);
                LayOutBlocks(Plan);
            }));
            return;
        }

        Guard(() => InTransaction(() =>
        {
            WritePlan(plan);
            LayOutBlocks(plan);
        }));
        Plan = plan;
    }

    public IReadOnlyDictionary<long, NameState> States() => Guard(() =>
    {
        var states = new Dictionary<long, NameState>();
        using var cmd = Command("SELECT idx, name, dns, dns_reply, verify, whois, reason FROM names");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            states[r.GetInt64(0)] = ReadState(r);
        }

        return (IReadOnlyDictionary<long, NameState>)states;
    });

    private static NameState ReadState(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : (DnsOutcome)r.GetInt32(2), r.IsDBNull(3) ? null : r.GetInt64(3),
        r.GetInt32(4) != 0, (WhoisState)r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6));

    public long ReplyCount() => Guard(() =>
    {
        using var cmd = Command("SELECT COUNT(*) FROM replies");
        return (long)cmd.ExecuteScalar()!;
    });

    public void Dispose()
    {
        _db.Dispose();
        SqliteConnection.ClearAllPools();
        _lock?.Dispose();
    }

    private HarvestPlan? ReadPlan()
    {
        try
        {
            using var cmd = Command("SELECT key, value FROM plan");
            using var r = cmd.ExecuteReader();
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            while (r.Read())
            {
                values[r.GetString(0)] = r.GetString(1);
            }

            if (values.Count == 0)
            {
                return null;
            }

            return HarvestPlanText.Parse(values, _path);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            throw new UserInputException($"{_path}: not a harvest store (no plan table)", ex);
        }
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }

    private T InTransaction<T>(Func<T> work)
    {
        using var tx = _db.BeginTransaction();
        var result = work();
        tx.Commit();
        return result;
    }

    private void InTransaction(Action work) => InTransaction(() =>
    {
        work();
        return 0;
    });

    // One connection, used by the WHOIS stage's workers in turn: every operation holds the gate.
    private T Guard<T>(Func<T> work)
    {
        try
        {
            lock (_gate)
            {
                return work();
            }
        }
        catch (SqliteException ex)
        {
            throw Translate(ex, _path);
        }
    }

    private void Guard(Action work) => Guard(() =>
    {
        work();
        return 0;
    });

    private static void Migrate(SqliteConnection db)
    {
        foreach (var (table, column, type) in Added)
        {
            if (!HasColumn(db, table, column))
            {
                Execute(db, $"ALTER TABLE {table} ADD COLUMN {column} {type}");
            }
        }
    }

    private static bool HasColumn(SqliteConnection db, string table, string column)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT 1 FROM pragma_table_info('{table}') WHERE name = $c";
        cmd.Parameters.AddWithValue("$c", column);
        return cmd.ExecuteScalar() is not null;
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseInstant(string s) =>
        DateTimeOffset.ParseExact(s, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
