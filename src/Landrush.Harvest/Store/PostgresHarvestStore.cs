using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Dns;
using Npgsql;

namespace Landrush.Harvest.Store;

/// <summary>
/// The harvest store in a PostgreSQL database, shared by any number of workers on any number of machines: the same
/// tables as the SQLite store (<c>plan</c>, <c>names</c>, <c>replies</c>, <c>records</c>, the verify strata) plus the
/// work protocol's (<c>dns_blocks</c>, leases on names, <c>workers</c>). Claims take rows with
/// <c>FOR UPDATE SKIP LOCKED</c>, so workers never wait on each other's claims; leases run on the server's clock, so
/// machines need not agree on the time. The DNS sweep's outcomes go in with <c>COPY</c>, a batch per transaction.
/// </summary>
/// <remarks>
/// Times are <c>timestamptz</c> (microseconds: a reply's time loses its last decimal against SQLite's ticks). Every
/// write is one transaction; a worker killed at any moment leaves whole answers only.
/// </remarks>
public sealed partial class PostgresHarvestStore : IHarvestStore
{
    // Taken (inside a transaction) to create the tables and to write the plan or draw the verify sample: one worker at a time.
    private const long SchemaLock = 0x6c616e6472757368; // "landrush"

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS plan(key text PRIMARY KEY, value text NOT NULL);
        CREATE TABLE IF NOT EXISTS names(
            idx bigint PRIMARY KEY, name text NOT NULL, dns smallint, dns_reply bigint, verify boolean NOT NULL DEFAULT false,
            whois smallint NOT NULL DEFAULT 0, reason text, lease_owner text, lease_until timestamptz, failed_by text);
        CREATE INDEX IF NOT EXISTS names_todo ON names(idx) WHERE whois <> 1 AND (dns <> 2 OR verify);
        CREATE INDEX IF NOT EXISTS names_leased ON names(lease_owner) WHERE lease_owner IS NOT NULL;
        CREATE SEQUENCE IF NOT EXISTS reply_ids;
        CREATE TABLE IF NOT EXISTS replies(
            id bigint PRIMARY KEY DEFAULT nextval('reply_ids'), idx bigint NOT NULL, name text NOT NULL, source text NOT NULL,
            server text NOT NULL, at timestamptz NOT NULL, class text NOT NULL, notice text, raw bytea NOT NULL,
            worker text, source_address text, asked_at timestamptz);
        CREATE INDEX IF NOT EXISTS replies_idx ON replies(idx);
        CREATE INDEX IF NOT EXISTS replies_whois_at ON replies(at) WHERE source <> 'dns';
        CREATE INDEX IF NOT EXISTS replies_notice ON replies(notice) WHERE notice IS NOT NULL;
        CREATE TABLE IF NOT EXISTS records(
            idx bigint PRIMARY KEY, name text NOT NULL, status text NOT NULL, registrar text, registrant_handle text,
            registrant_name text, admin_handle text, name_servers text, created date, updated date,
            source text NOT NULL, fetched_at timestamptz, reply_id bigint);
        CREATE TABLE IF NOT EXISTS verify_strata(
            id bigserial PRIMARY KEY, shard text NOT NULL, first_idx bigint NOT NULL, end_idx bigint NOT NULL, absent bigint NOT NULL);
        CREATE TABLE IF NOT EXISTS verify_members(stratum bigint NOT NULL, idx bigint NOT NULL, PRIMARY KEY(stratum, idx));
        CREATE TABLE IF NOT EXISTS dns_blocks(
            block integer PRIMARY KEY, first_idx bigint NOT NULL, end_idx bigint NOT NULL, done boolean NOT NULL DEFAULT false,
            lease_owner text, lease_until timestamptz);
        CREATE TABLE IF NOT EXISTS workers(
            name text PRIMARY KEY, source_address text, host text, pid integer, whois_rate double precision, started timestamptz,
            last_seen timestamptz, dns_names bigint NOT NULL DEFAULT 0, whois_queries bigint NOT NULL DEFAULT 0,
            throttles bigint NOT NULL DEFAULT 0);
        """;

    private const string ReplyColumns = "id, idx, name, source, server, at, class, notice, raw, worker, source_address, asked_at";

    private readonly NpgsqlConnection _db;
    private readonly Lock _gate = new();

    private PostgresHarvestStore(NpgsqlConnection db, string label)
    {
        _db = db;
        Location = label;
    }

    public HarvestPlan? Plan { get; private set; }

    public string Location { get; }

    /// <summary>
    /// Connects to the store at <paramref name="location"/> and creates its tables when missing (unless
    /// <paramref name="mustExist"/>: then a database without them is a <see cref="UserInputException"/>). A server that
    /// cannot be reached is an <see cref="IOException"/>; a refused login or a missing database is bad input.
    /// </summary>
    public static PostgresHarvestStore Open(PostgresLocation location, bool mustExist = false)
    {
        ArgumentNullException.ThrowIfNull(location);
        var db = new NpgsqlConnection(location.Builder.ConnectionString);
        try
        {
            db.Open();
            var store = new PostgresHarvestStore(db, location.Label);
            if (!mustExist)
            {
                store.InTransaction(() =>
                {
                    store.Execute("SELECT pg_advisory_xact_lock(@k)", ("k", SchemaLock));
                    // Only into a database without them: CREATE INDEX IF NOT EXISTS locks its table even when the index
                    // exists, and a worker joining a running harvest deadlocked with the others' writes.
                    if (store.Scalar("SELECT to_regclass('workers') IS NOT NULL") is not true)
                    {
                        store.Execute(Schema);
                    }
                });
            }
            else if (store.Scalar("SELECT to_regclass('plan') IS NOT NULL") is not true)
            {
                throw new UserInputException($"{location.Label}: no harvest store in this database");
            }

            store.Execute("CREATE TEMP TABLE IF NOT EXISTS dns_stage(idx bigint, name text, dns smallint, dns_reply bigint) ON COMMIT DELETE ROWS");
            store.Plan = store.ReadPlan();
            return store;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            db.Dispose();
            throw Translate(ex, location.Label);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>PostgreSQL's errors as the CLI's: a login or database to fix is bad input; the network or the server is I/O.</summary>
    internal static Exception Translate(Exception ex, string label) => ex switch
    {
        PostgresException { SqlState: "28P01" or "28000" } p => new UserInputException($"{label}: login refused ({p.MessageText}); check the user and its password (PGPASSWORD, ~/.pgpass)", ex),
        PostgresException { SqlState: "3D000" } p => new UserInputException($"{label}: {p.MessageText}; create it first (docs/commands.md: Harvest from several machines)", ex),
        PostgresException { SqlState: "53100" } p => new IOException($"{label}: disk full: {p.MessageText}; free space and run again to resume", ex),
        PostgresException p => new IOException($"{label}: {p.MessageText}", ex),
        _ => new IOException($"{label}: cannot reach the server: {ex.Message.TrimEnd('.')}", ex),
    };

    public void Begin(HarvestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Guard(() => InTransaction(() =>
        {
            // Workers starting together: one writes the plan and lays out the blocks, the others then find it.
            Execute("SELECT pg_advisory_xact_lock(@k)", ("k", SchemaLock));
            var existing = ReadPlan();
            if (existing is not null && existing.DifferenceFrom(plan) is { } why)
            {
                throw new UserInputException($"{Location}: this store is for another harvest ({why}); use another --store");
            }

            var written = existing is null ? plan : existing with { DnsServers = plan.DnsServers, WhoisServer = plan.WhoisServer };
            foreach (var (k, v) in HarvestPlanText.Pairs(written))
            {
                Execute("INSERT INTO plan(key, value) VALUES(@k, @v) ON CONFLICT(key) DO UPDATE SET value = EXCLUDED.value", ("k", k), ("v", v));
            }

            if (Scalar("SELECT EXISTS(SELECT 1 FROM dns_blocks)") is not true)
            {
                var (start, end) = HarvestPlanText.Range(written);
                Execute("""
                    INSERT INTO dns_blocks(block, first_idx, end_idx)
                    SELECT b, @start + b::bigint * @size, LEAST(@end, @start + (b::bigint + 1) * @size)
                    FROM generate_series(0, ((@end - @start + @size - 1) / @size)::int - 1) AS b
                    """, ("start", start), ("end", end), ("size", (long)DnsBlock.Size));
            }

            Plan = written;
        }));
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

    private static NameState ReadState(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : (DnsOutcome)r.GetInt16(2), r.IsDBNull(3) ? null : r.GetInt64(3),
        r.GetBoolean(4), (WhoisState)r.GetInt16(5), r.IsDBNull(6) ? null : r.GetString(6));

    public IReadOnlyList<VerifyStratum> Strata() => Guard(() =>
    {
        var members = new Dictionary<long, List<long>>();
        using (var m = Command("SELECT stratum, idx FROM verify_members ORDER BY stratum, idx"))
        using (var r = m.ExecuteReader())
        {
            while (r.Read())
            {
                (members.TryGetValue(r.GetInt64(0), out var list) ? list : members[r.GetInt64(0)] = []).Add(r.GetInt64(1));
            }
        }

        var strata = new List<VerifyStratum>();
        using var cmd = Command("SELECT id, shard, first_idx, end_idx, absent FROM verify_strata ORDER BY id");
        using var s = cmd.ExecuteReader();
        while (s.Read())
        {
            strata.Add(new VerifyStratum(s.GetString(1), s.GetInt64(2), s.GetInt64(3), s.GetInt64(4), members.TryGetValue(s.GetInt64(0), out var list) ? list : []));
        }

        return (IReadOnlyList<VerifyStratum>)strata;
    });

    public IReadOnlyDictionary<long, RegistryRecord> Records() => Guard(() => ReadRecords("", null));

    public IReadOnlyDictionary<long, RegistryRecord> Records(IReadOnlyCollection<long> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return Guard(() => ReadRecords(" WHERE idx = ANY(@ids)", indices.ToArray()));
    }

    private Dictionary<long, RegistryRecord> ReadRecords(string where, long[]? ids)
    {
        var records = new Dictionary<long, RegistryRecord>();
        using var cmd = Command($"""
            SELECT idx, name, status, registrar, registrant_handle, registrant_name, admin_handle, name_servers, created, updated,
                   source, fetched_at, reply_id FROM records{where}
            """);
        if (ids is not null)
        {
            cmd.Parameters.AddWithValue("ids", ids);
        }

        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            DateOnly? D(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
            var name = r.GetString(1);
            records[r.GetInt64(0)] = new RegistryRecord(
                DomainName.Parse(name), Enum.Parse<DomainStatus>(r.GetString(2), ignoreCase: true), S(3), S(4), S(5), S(6),
                S(7) is { Length: > 0 } ns ? ns.Split(';') : [], D(8), D(9), Enum.Parse<RecordSource>(r.GetString(10), ignoreCase: true),
                r.IsDBNull(11) ? null : Instant(r, 11), r.IsDBNull(12) ? null : new RawRef(name, r.GetInt64(12)).ToString());
        }

        return records;
    }

    public IReadOnlyList<StoredReply> Replies(string name) => Guard<IReadOnlyList<StoredReply>>(() =>
    {
        ArgumentNullException.ThrowIfNull(name);
        // By index (the replies' index), which the plan's space gives for any of its names, or -1 for the TLD itself (the
        // registry's own replies, SaveNotice).
        var label = Plan is { } p && name.EndsWith("." + p.Tld, StringComparison.Ordinal) ? name[..^(p.Tld.Length + 1)] : null;
        var index = label is not null ? NameSpace.Parse(Plan!.Space).IndexOf(label) : -1;
        using var cmd = index >= 0 || name == Plan?.Tld
            ? Command($"SELECT {ReplyColumns} FROM replies WHERE idx = @i AND name = @n ORDER BY id")
            : Command($"SELECT {ReplyColumns} FROM replies WHERE name = @n ORDER BY id");
        cmd.Parameters.AddWithValue("i", index);
        cmd.Parameters.AddWithValue("n", name);
        return ReadReplies(cmd);
    });

    public StoredReply? Reply(long id) => Guard(() =>
    {
        using var cmd = Command($"SELECT {ReplyColumns} FROM replies WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        return ReadReplies(cmd).FirstOrDefault();
    });

    public long ReplyCount() => Guard(() => (long)Scalar("SELECT count(*) FROM replies")!);

    public IReadOnlyList<string> Notices() => Guard(() =>
    {
        using var cmd = Command("SELECT DISTINCT notice FROM replies WHERE notice IS NOT NULL ORDER BY notice");
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return (IReadOnlyList<string>)list;
    });

    public (DateTimeOffset? First, DateTimeOffset? Last, IReadOnlyList<string> Servers) Span() => Guard<(DateTimeOffset?, DateTimeOffset?, IReadOnlyList<string>)>(() =>
    {
        using var cmd = Command("SELECT min(at), max(at), array_agg(DISTINCT source || ':' || server ORDER BY source || ':' || server) FROM replies");
        using var r = cmd.ExecuteReader();
        r.Read();
        DateTimeOffset? first = r.IsDBNull(0) ? null : Instant(r, 0), last = r.IsDBNull(1) ? null : Instant(r, 1);
        IReadOnlyList<string> servers = r.IsDBNull(2) ? [] : r.GetFieldValue<string[]>(2);
        return (first, last, servers);
    });

    public void Dispose() => _db.Dispose();

    private static List<StoredReply> ReadReplies(NpgsqlCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<StoredReply>();
        while (r.Read())
        {
            list.Add(new StoredReply(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), Instant(r, 5), r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), r.GetFieldValue<byte[]>(8))
            {
                Worker = r.IsDBNull(9) ? null : r.GetString(9),
                SourceAddress = r.IsDBNull(10) ? null : r.GetString(10),
                AskedAt = r.IsDBNull(11) ? null : Instant(r, 11),
            });
        }

        return list;
    }

    private HarvestPlan? ReadPlan()
    {
        using var cmd = Command("SELECT key, value FROM plan");
        using var r = cmd.ExecuteReader();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (r.Read())
        {
            values[r.GetString(0)] = r.GetString(1);
        }

        return HarvestPlanText.Parse(values, Location);
    }

    private static DateTimeOffset Instant(NpgsqlDataReader r, int i) => new(r.GetFieldValue<DateTime>(i), TimeSpan.Zero);

    private NpgsqlCommand Command(string sql) => new(sql, _db);

    private object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(sql);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return cmd.ExecuteScalar();
    }

    private int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(sql);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return cmd.ExecuteNonQuery();
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

    // One connection, used by a worker's WHOIS tasks and its lease renewal in turn: every operation holds the gate.
    private T Guard<T>(Func<T> work)
    {
        try
        {
            lock (_gate)
            {
                return work();
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw Translate(ex, Location);
        }
    }

    private void Guard(Action work) => Guard(() =>
    {
        work();
        return 0;
    });
}
