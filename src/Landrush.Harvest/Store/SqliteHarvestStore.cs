using System.Globalization;
using Landrush.Core;
using Landrush.Core.Dataset;
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
public sealed class SqliteHarvestStore : IHarvestStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS plan(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS names(
            idx INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, dns INTEGER, dns_reply INTEGER,
            verify INTEGER NOT NULL DEFAULT 0, whois INTEGER NOT NULL DEFAULT 0, reason TEXT);
        CREATE TABLE IF NOT EXISTS replies(
            id INTEGER PRIMARY KEY, idx INTEGER NOT NULL, name TEXT NOT NULL, source TEXT NOT NULL, server TEXT NOT NULL,
            at TEXT NOT NULL, class TEXT NOT NULL, notice TEXT, raw BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS replies_name ON replies(name);
        CREATE TABLE IF NOT EXISTS records(
            idx INTEGER PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, registrar TEXT, registrant_handle TEXT,
            registrant_name TEXT, admin_handle TEXT, name_servers TEXT, created TEXT, updated TEXT,
            source TEXT NOT NULL, fetched_at TEXT, reply_id INTEGER);
        CREATE TABLE IF NOT EXISTS verify_strata(
            id INTEGER PRIMARY KEY, shard TEXT NOT NULL, first_idx INTEGER NOT NULL, end_idx INTEGER NOT NULL, absent INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS verify_members(stratum INTEGER NOT NULL, idx INTEGER NOT NULL, PRIMARY KEY(stratum, idx));
        """;

    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();
    private readonly string _path;

    private SqliteHarvestStore(SqliteConnection db, string path)
    {
        _db = db;
        _path = path;
    }

    public HarvestPlan? Plan { get; private set; }

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

        if (!Directory.Exists(Path.GetDirectoryName(full)))
        {
            throw new UserInputException($"cannot write {path}: directory {Path.GetDirectoryName(path)} does not exist");
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
                Execute(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
                Execute(db, Schema);
            }

            var store = new SqliteHarvestStore(db, path);
            store.Plan = store.ReadPlan();
            return store;
        }
        catch (SqliteException ex)
        {
            db.Dispose();
            throw Translate(ex, path);
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

            // Same harvest: record the servers of this run.
            Guard(() => InTransaction(() => WritePlan(existing with { DnsServers = plan.DnsServers, WhoisServer = plan.WhoisServer })));
            Plan = existing with { DnsServers = plan.DnsServers, WhoisServer = plan.WhoisServer };
            return;
        }

        Guard(() => InTransaction(() => WritePlan(plan)));
        Plan = plan;
    }

    public IReadOnlyDictionary<long, NameState> States() => Guard(() =>
    {
        var states = new Dictionary<long, NameState>();
        using var cmd = Command("SELECT idx, name, dns, dns_reply, verify, whois, reason FROM names");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            states[r.GetInt64(0)] = new NameState(
                r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : (DnsOutcome)r.GetInt32(2), r.IsDBNull(3) ? null : r.GetInt64(3),
                r.GetInt32(4) != 0, (WhoisState)r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6));
        }

        return (IReadOnlyDictionary<long, NameState>)states;
    });

    public void SaveDns(IReadOnlyList<DnsObservation> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Guard(() => InTransaction(() =>
        {
            using var reply = Command("INSERT INTO replies(idx, name, source, server, at, class, notice, raw) VALUES($i, $n, 'dns', $s, $at, $c, NULL, $raw) RETURNING id");
            using var name = Command("""
                INSERT INTO names(idx, name, dns, dns_reply) VALUES($i, $n, $d, $r)
                ON CONFLICT(idx) DO UPDATE SET dns = excluded.dns, dns_reply = excluded.dns_reply
                """);
            foreach (var o in batch)
            {
                long? id = null;
                if (!o.Raw.IsEmpty)
                {
                    reply.Parameters.Clear();
                    reply.Parameters.AddWithValue("$i", o.Index);
                    reply.Parameters.AddWithValue("$n", o.Name);
                    reply.Parameters.AddWithValue("$s", o.Server);
                    reply.Parameters.AddWithValue("$at", Instant(o.At));
                    reply.Parameters.AddWithValue("$c", o.Outcome.ToString().ToLowerInvariant());
                    reply.Parameters.AddWithValue("$raw", o.Raw.ToArray());
                    id = (long)reply.ExecuteScalar()!;
                }

                name.Parameters.Clear();
                name.Parameters.AddWithValue("$i", o.Index);
                name.Parameters.AddWithValue("$n", o.Name);
                name.Parameters.AddWithValue("$d", (int)o.Outcome);
                name.Parameters.AddWithValue("$r", (object?)id ?? DBNull.Value);
                name.ExecuteNonQuery();
            }
        }));
    }

    public void MarkVerify(VerifyStratum stratum)
    {
        ArgumentNullException.ThrowIfNull(stratum);
        Guard(() => InTransaction(() =>
        {
            using var insert = Command("INSERT INTO verify_strata(shard, first_idx, end_idx, absent) VALUES($s, $a, $b, $n) RETURNING id");
            insert.Parameters.AddWithValue("$s", stratum.Shard);
            insert.Parameters.AddWithValue("$a", stratum.Start);
            insert.Parameters.AddWithValue("$b", stratum.End);
            insert.Parameters.AddWithValue("$n", stratum.Absent);
            var id = (long)insert.ExecuteScalar()!;
            using var mark = Command("UPDATE names SET verify = 1 WHERE idx = $i");
            using var member = Command("INSERT OR IGNORE INTO verify_members(stratum, idx) VALUES($s, $i)");
            foreach (var i in stratum.Members)
            {
                mark.Parameters.Clear();
                mark.Parameters.AddWithValue("$i", i);
                mark.ExecuteNonQuery();
                member.Parameters.Clear();
                member.Parameters.AddWithValue("$s", id);
                member.Parameters.AddWithValue("$i", i);
                member.ExecuteNonQuery();
            }
        }));
    }

    public IReadOnlyList<VerifyStratum> Strata() => Guard(() =>
    {
        var strata = new List<VerifyStratum>();
        // A store opened read-only that was made before strata were kept has no such table.
        using (var exists = Command("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'verify_strata'"))
        {
            if (exists.ExecuteScalar() is not null)
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

                using var cmd = Command("SELECT id, shard, first_idx, end_idx, absent FROM verify_strata ORDER BY id");
                using var s = cmd.ExecuteReader();
                while (s.Read())
                {
                    strata.Add(new VerifyStratum(s.GetString(1), s.GetInt64(2), s.GetInt64(3), s.GetInt64(4),
                        members.TryGetValue(s.GetInt64(0), out var list) ? list : []));
                }
            }
        }

        if (strata.Count > 0)
        {
            return (IReadOnlyList<VerifyStratum>)strata;
        }

        // Made before strata were kept: one harvest run drew one sample over all the absent names it held, so its
        // verify names are one stratum (right for a store harvested whole or as one shard; a store that an older
        // landrush merged from shards should be merged again from the shards).
        using var legacy = Command("SELECT idx FROM names WHERE verify = 1 ORDER BY idx");
        var drawn = new List<long>();
        using (var r = legacy.ExecuteReader())
        {
            while (r.Read())
            {
                drawn.Add(r.GetInt64(0));
            }
        }

        if (drawn.Count == 0)
        {
            return strata;
        }

        using var span = Command("SELECT MIN(idx), MAX(idx) + 1, SUM(dns = $absent) FROM names");
        span.Parameters.AddWithValue("$absent", (int)DnsOutcome.Absent);
        using var x = span.ExecuteReader();
        x.Read();
        strata.Add(new VerifyStratum(Plan?.Shard ?? "1/1", x.GetInt64(0), x.GetInt64(1), x.GetInt64(2), drawn));
        return strata;
    });

    public long SaveWhois(StoredReply reply, WhoisState state, RegistryRecord? record, string? reason)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return Guard(() => InTransaction(() =>
        {
            using var insert = Command("INSERT INTO replies(idx, name, source, server, at, class, notice, raw) VALUES($i, $n, $src, $s, $at, $c, $notice, $raw) RETURNING id");
            insert.Parameters.AddWithValue("$i", reply.Index);
            insert.Parameters.AddWithValue("$n", reply.Name);
            insert.Parameters.AddWithValue("$src", reply.Source);
            insert.Parameters.AddWithValue("$s", reply.Server);
            insert.Parameters.AddWithValue("$at", Instant(reply.At));
            insert.Parameters.AddWithValue("$c", reply.Class);
            insert.Parameters.AddWithValue("$notice", (object?)reply.Notice ?? DBNull.Value);
            insert.Parameters.AddWithValue("$raw", reply.Raw.ToArray());
            var id = (long)insert.ExecuteScalar()!;

            using var name = Command("""
                INSERT INTO names(idx, name, whois, reason) VALUES($i, $n, $w, $reason)
                ON CONFLICT(idx) DO UPDATE SET whois = excluded.whois, reason = excluded.reason
                """);
            name.Parameters.AddWithValue("$i", reply.Index);
            name.Parameters.AddWithValue("$n", reply.Name);
            name.Parameters.AddWithValue("$w", (int)state);
            name.Parameters.AddWithValue("$reason", (object?)reason ?? DBNull.Value);
            name.ExecuteNonQuery();

            if (record is not null)
            {
                InsertRecord(reply.Index, record, reply.At, id);
            }

            return id;
        }));
    }

    public void Import(IReadOnlyList<ImportedName> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Guard(() => InTransaction(() =>
        {
            using var reply = Command("INSERT INTO replies(idx, name, source, server, at, class, notice, raw) VALUES($i, $n, $src, $s, $at, $c, $notice, $raw) RETURNING id");
            using var exists = Command("SELECT 1 FROM names WHERE idx = $i");
            using var clear = Command("DELETE FROM replies WHERE idx = $i; DELETE FROM records WHERE idx = $i;");
            using var name = Command("INSERT OR REPLACE INTO names(idx, name, dns, dns_reply, verify, whois, reason) VALUES($i, $n, $d, $r, $v, $w, $reason)");
            foreach (var item in batch)
            {
                var state = item.State;
                // Replacing a name is rare (a merge writes a new store): only then the unindexed delete.
                exists.Parameters.Clear();
                exists.Parameters.AddWithValue("$i", state.Index);
                if (exists.ExecuteScalar() is not null)
                {
                    clear.Parameters.Clear();
                    clear.Parameters.AddWithValue("$i", state.Index);
                    clear.ExecuteNonQuery();
                }

                var ids = new Dictionary<long, long>();
                foreach (var r in item.Replies)
                {
                    reply.Parameters.Clear();
                    reply.Parameters.AddWithValue("$i", state.Index);
                    reply.Parameters.AddWithValue("$n", r.Name);
                    reply.Parameters.AddWithValue("$src", r.Source);
                    reply.Parameters.AddWithValue("$s", r.Server);
                    reply.Parameters.AddWithValue("$at", Instant(r.At));
                    reply.Parameters.AddWithValue("$c", r.Class);
                    reply.Parameters.AddWithValue("$notice", (object?)r.Notice ?? DBNull.Value);
                    reply.Parameters.AddWithValue("$raw", r.Raw.ToArray());
                    ids.Add(r.Id, (long)reply.ExecuteScalar()!);
                }

                long? New(long? old) => old is { } o
                    ? ids.TryGetValue(o, out var n) ? n : throw new ArgumentException($"{state.Name}: reply {o} is not among the name's replies", nameof(batch))
                    : null;

                name.Parameters.Clear();
                name.Parameters.AddWithValue("$i", state.Index);
                name.Parameters.AddWithValue("$n", state.Name);
                name.Parameters.AddWithValue("$d", state.Dns is { } d ? (int)d : DBNull.Value);
                name.Parameters.AddWithValue("$r", (object?)New(state.DnsReplyId) ?? DBNull.Value);
                name.Parameters.AddWithValue("$v", state.Verify ? 1 : 0);
                name.Parameters.AddWithValue("$w", (int)state.Whois);
                name.Parameters.AddWithValue("$reason", (object?)state.Reason ?? DBNull.Value);
                name.ExecuteNonQuery();

                if (item.Record is { } record)
                {
                    var replyId = New(StoredReply.IdInRef(record.RawRef));
                    InsertRecord(state.Index, record, record.FetchedAt, replyId);
                }
            }
        }));
    }

    public long ReplyCount() => Guard(() =>
    {
        using var cmd = Command("SELECT COUNT(*) FROM replies");
        return (long)cmd.ExecuteScalar()!;
    });

    public IReadOnlyDictionary<long, RegistryRecord> Records() => Guard(() =>
    {
        var records = new Dictionary<long, RegistryRecord>();
        using var cmd = Command("""
            SELECT idx, name, status, registrar, registrant_handle, registrant_name, admin_handle, name_servers, created, updated,
                   source, fetched_at, reply_id FROM records
            """);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            DateOnly? D(int i) => r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var name = r.GetString(1);
            var servers = S(7) is { Length: > 0 } ns ? ns.Split(';') : [];
            records[r.GetInt64(0)] = new RegistryRecord(
                name, Enum.Parse<DomainStatus>(r.GetString(2), ignoreCase: true), S(3), S(4), S(5), S(6), servers, D(8), D(9),
                Enum.Parse<RecordSource>(r.GetString(10), ignoreCase: true), S(11) is { } f ? ParseInstant(f) : null,
                r.IsDBNull(12) ? null : $"raw/{name}/{r.GetInt64(12)}");
        }

        return (IReadOnlyDictionary<long, RegistryRecord>)records;
    });

    public IReadOnlyList<StoredReply> Replies(string name) => Guard(() =>
    {
        using var cmd = Command("SELECT id, idx, name, source, server, at, class, notice, raw FROM replies WHERE name = $n ORDER BY id");
        cmd.Parameters.AddWithValue("$n", name);
        return ReadReplies(cmd);
    });

    public StoredReply? Reply(long id) => Guard(() =>
    {
        using var cmd = Command("SELECT id, idx, name, source, server, at, class, notice, raw FROM replies WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", id);
        return ReadReplies(cmd).FirstOrDefault();
    });

    public void SaveNotice(StoredReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Guard(() => InTransaction(() =>
        {
            // Index -1: replies about a name have its index; this one is about the registry, and joins no name.
            using var insert = Command("INSERT INTO replies(idx, name, source, server, at, class, notice, raw) VALUES(-1, $n, $src, $s, $at, $c, $notice, $raw)");
            insert.Parameters.AddWithValue("$n", reply.Name);
            insert.Parameters.AddWithValue("$src", reply.Source);
            insert.Parameters.AddWithValue("$s", reply.Server);
            insert.Parameters.AddWithValue("$at", Instant(reply.At));
            insert.Parameters.AddWithValue("$c", reply.Class);
            insert.Parameters.AddWithValue("$notice", (object?)reply.Notice ?? DBNull.Value);
            insert.Parameters.AddWithValue("$raw", reply.Raw.ToArray());
            insert.ExecuteNonQuery();
        }));
    }

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

    public (DateTimeOffset? First, DateTimeOffset? Last, IReadOnlyList<string> Servers) Span() => Guard(() =>
    {
        using var cmd = Command("SELECT MIN(at), MAX(at) FROM replies");
        using var r = cmd.ExecuteReader();
        r.Read();
        var first = r.IsDBNull(0) ? (DateTimeOffset?)null : ParseInstant(r.GetString(0));
        var last = r.IsDBNull(1) ? (DateTimeOffset?)null : ParseInstant(r.GetString(1));
        using var s = Command("SELECT DISTINCT source || ':' || server FROM replies ORDER BY 1");
        using var sr = s.ExecuteReader();
        var servers = new List<string>();
        while (sr.Read())
        {
            servers.Add(sr.GetString(0));
        }

        return (first, last, (IReadOnlyList<string>)servers);
    });

    public void Dispose()
    {
        _db.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private void InsertRecord(long index, RegistryRecord record, DateTimeOffset? fetchedAt, long? replyId)
    {
        using var rec = Command("""
            INSERT OR REPLACE INTO records(idx, name, status, registrar, registrant_handle, registrant_name, admin_handle,
                name_servers, created, updated, source, fetched_at, reply_id)
            VALUES($i, $n, $st, $reg, $rh, $rn, $ah, $ns, $c, $u, $src, $f, $id)
            """);
        rec.Parameters.AddWithValue("$i", index);
        rec.Parameters.AddWithValue("$n", record.Name);
        rec.Parameters.AddWithValue("$st", RegistryCsv.StatusText(record.Status));
        rec.Parameters.AddWithValue("$reg", (object?)record.Registrar ?? DBNull.Value);
        rec.Parameters.AddWithValue("$rh", (object?)record.RegistrantHandle ?? DBNull.Value);
        rec.Parameters.AddWithValue("$rn", (object?)record.RegistrantName ?? DBNull.Value);
        rec.Parameters.AddWithValue("$ah", (object?)record.AdminHandle ?? DBNull.Value);
        rec.Parameters.AddWithValue("$ns", string.Join(';', record.NameServerList));
        rec.Parameters.AddWithValue("$c", (object?)record.Created?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
        rec.Parameters.AddWithValue("$u", (object?)record.Updated?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
        rec.Parameters.AddWithValue("$src", RegistryCsv.SourceText(record.Source));
        rec.Parameters.AddWithValue("$f", fetchedAt is { } f ? Instant(f) : DBNull.Value);
        rec.Parameters.AddWithValue("$id", (object?)replyId ?? DBNull.Value);
        rec.ExecuteNonQuery();
    }

    private static List<StoredReply> ReadReplies(SqliteCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<StoredReply>();
        while (r.Read())
        {
            list.Add(new StoredReply(
                r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), ParseInstant(r.GetString(5)), r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), (byte[])r.GetValue(8)));
        }

        return list;
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

            string V(string key) => values.TryGetValue(key, out var v) ? v : throw new UserInputException($"{_path}: harvest store without '{key}' in its plan");
            return new HarvestPlan(
                V("space"), V("tld"), V("shard"), V("source"), int.Parse(V("verify_absent"), CultureInfo.InvariantCulture),
                long.Parse(V("seed"), CultureInfo.InvariantCulture), V("dns_servers"), V("whois_server"));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            throw new UserInputException($"{_path}: not a harvest store (no plan table)", ex);
        }
    }

    private void WritePlan(HarvestPlan plan)
    {
        using var cmd = Command("INSERT OR REPLACE INTO plan(key, value) VALUES($k, $v)");
        foreach (var (k, v) in new[]
        {
            ("space", plan.Space), ("tld", plan.Tld), ("shard", plan.Shard), ("source", plan.Source),
            ("verify_absent", plan.VerifyAbsent.ToString(CultureInfo.InvariantCulture)), ("seed", plan.Seed.ToString(CultureInfo.InvariantCulture)),
            ("dns_servers", plan.DnsServers), ("whois_server", plan.WhoisServer),
        })
        {
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$k", k);
            cmd.Parameters.AddWithValue("$v", v);
            cmd.ExecuteNonQuery();
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
