using System.Globalization;
using Landrush.Core.Dataset;
using Microsoft.Data.Sqlite;

namespace Landrush.Harvest.Store;

/// <summary>The SQLite store's writes: each one transaction, each statement prepared once per transaction and reused.</summary>
public sealed partial class SqliteHarvestStore
{
    public void SaveDns(IReadOnlyList<DnsObservation> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Guard(() => InTransaction(() =>
        {
            // Both statements prepared once per batch, straight to SQLite's C API (see ReplyWriter).
            using var replies = new ReplyWriter(this);
            using var name = new SqliteRawStatement(_db, """
                INSERT INTO names(idx, name, dns, dns_reply) VALUES(?, ?, ?, ?)
                ON CONFLICT(idx) DO UPDATE SET dns = excluded.dns, dns_reply = excluded.dns_reply
                """);
            foreach (var o in batch)
            {
                long? replyId = o.Raw.IsEmpty ? null : replies.Write(o.Reply(_worker));
                name.Bind(1, o.Index).Bind(2, o.Name).Bind(3, (long)o.Outcome).Bind(4, replyId).Step(_path);
            }

            CountForWorker("dns_names = dns_names + $k", batch.Count);
        }));
    }

    public void MarkVerify(VerifyStratum stratum)
    {
        ArgumentNullException.ThrowIfNull(stratum);
        Guard(() => InTransaction(() => InsertStratum(stratum)));
    }

    public bool DrawVerify(long start, long end, Func<long[], VerifyStratum> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        return Guard(() =>
        {
            if (Strata().Count > 0)
            {
                return false;
            }

            var absent = new List<long>();
            using (var cmd = Command("SELECT idx FROM names WHERE dns = 2 AND idx >= $a AND idx < $b ORDER BY idx"))
            {
                cmd.Parameters.AddWithValue("$a", start);
                cmd.Parameters.AddWithValue("$b", end);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    absent.Add(r.GetInt64(0));
                }
            }

            var stratum = draw([.. absent]);
            InTransaction(() => InsertStratum(stratum));
            return true;
        });
    }

    private void InsertStratum(VerifyStratum stratum)
    {
        using var insert = Command("INSERT INTO verify_strata(shard, first_idx, end_idx, absent) VALUES($s, $a, $b, $n) RETURNING id");
        insert.Parameters.AddWithValue("$s", stratum.Shard);
        insert.Parameters.AddWithValue("$a", stratum.Start);
        insert.Parameters.AddWithValue("$b", stratum.End);
        insert.Parameters.AddWithValue("$n", stratum.Absent);
        var id = (long)insert.ExecuteScalar()!;
        using var mark = Command("UPDATE names SET verify = 1 WHERE idx = $i");
        var markIdx = mark.Parameters.Add("$i", SqliteType.Integer);
        using var member = Command("INSERT OR IGNORE INTO verify_members(stratum, idx) VALUES($s, $i)");
        member.Parameters.AddWithValue("$s", id);
        var memberIdx = member.Parameters.Add("$i", SqliteType.Integer);
        foreach (var i in stratum.Members)
        {
            markIdx.Value = i;
            mark.ExecuteNonQuery();
            memberIdx.Value = i;
            member.ExecuteNonQuery();
        }
    }

    public WhoisSaved SaveWhois(StoredReply reply, WhoisState state, RegistryRecord? record, string? reason)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return Guard(() => InTransaction(() =>
        {
            var id = WriteReply(reply with { Worker = reply.Worker ?? _worker?.Name, SourceAddress = reply.SourceAddress ?? _worker?.SourceAddress });
            using var current = Command("SELECT whois FROM names WHERE idx = $i");
            current.Parameters.AddWithValue("$i", reply.Index);
            // A name answered already (another worker's answer came first, or an earlier run's) keeps its state and record:
            // this reply is evidence only.
            var answered = current.ExecuteScalar() is long w && w == (long)WhoisState.Answered;
            var recorded = !answered && record is not null;
            if (!answered)
            {
                using var name = Command("""
                    INSERT INTO names(idx, name, whois, reason, failed_by) VALUES($i, $n, $w, $reason, $f)
                    ON CONFLICT(idx) DO UPDATE SET whois = excluded.whois, reason = excluded.reason, failed_by = excluded.failed_by,
                        lease_owner = CASE WHEN excluded.whois = 1 THEN NULL ELSE lease_owner END,
                        lease_until = CASE WHEN excluded.whois = 1 THEN NULL ELSE lease_until END
                    """);
                var newState = WhoisStates.After(state, recorded);
                name.Parameters.AddWithValue("$i", reply.Index);
                name.Parameters.AddWithValue("$n", reply.Name);
                name.Parameters.AddWithValue("$w", (int)newState);
                name.Parameters.AddWithValue("$reason", recorded ? DBNull.Value : (object?)reason ?? DBNull.Value);
                name.Parameters.AddWithValue("$f", newState == WhoisState.Failed ? (object?)_worker?.Name ?? "" : DBNull.Value);
                name.ExecuteNonQuery();
            }

            if (recorded)
            {
                InsertRecord(reply.Index, record!, reply.At, id);
            }

            CountForWorker($"whois_queries = whois_queries + 1, throttles = throttles + {(reply.Class == "throttled" ? 1 : 0)}", 1);
            return new WhoisSaved(id, recorded);
        }));
    }

    public void SaveNotice(StoredReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        // Index -1: replies about a name have its index; this one is about the registry, and joins no name.
        Guard(() => InTransaction(() => WriteReply(reply with { Index = -1, Worker = reply.Worker ?? _worker?.Name })));
    }

    public void Import(IReadOnlyList<ImportedName> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Guard(() => InTransaction(() =>
        {
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

                // A writer per name, after the delete: the ids go on from what is left, as SQLite would choose them.
                using var replies = new ReplyWriter(this);
                var ids = item.Replies.ToDictionary(r => r.Id, r => replies.Write(r with { Index = state.Index }));
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
                    InsertRecord(state.Index, record, record.FetchedAt, New(RawRef.IdOf(record.RawRef)));
                }
            }
        }));
    }

    /// <summary>Stores one reply; its id.</summary>
    private long WriteReply(StoredReply reply)
    {
        using var replies = new ReplyWriter(this);
        return replies.Write(reply);
    }

    /// <summary>
    /// The one way a reply goes into <c>replies</c>, whatever stage it comes from: one statement prepared per transaction,
    /// straight to SQLite's C API (the managed provider's binding costs about a microsecond a parameter, which made it the
    /// DNS stage's bottleneck). One process writes a SQLite store (SqliteHarvestLock), so the ids are counted here, as
    /// SQLite itself would choose them, which spares a RETURNING round per row.
    /// </summary>
    private sealed class ReplyWriter : IDisposable
    {
        private readonly SqliteRawStatement _insert;
        private readonly string _path;
        private long _next;

        public ReplyWriter(SqliteHarvestStore store)
        {
            _path = store._path;
            _next = store.NextReplyId();
            _insert = new SqliteRawStatement(store._db, """
                INSERT INTO replies(id, idx, name, source, server, at, class, notice, raw, worker, source_address, asked_at)
                VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """);
        }

        /// <summary>Stores <paramref name="r"/> under the next id (its own id is a label only), and returns that id.</summary>
        public long Write(StoredReply r)
        {
            var id = _next++;
            _insert.Bind(1, id).Bind(2, r.Index).Bind(3, r.Name).Bind(4, r.Source).Bind(5, r.Server).Bind(6, Instant(r.At)).Bind(7, r.Class)
                .Bind(8, r.Notice).Bind(9, r.Raw.Span).Bind(10, r.Worker).Bind(11, r.SourceAddress).Bind(12, r.AskedAt is { } t ? Instant(t) : null)
                .Step(_path);
            return id;
        }

        public void Dispose() => _insert.Dispose();
    }

    private void InsertRecord(long index, RegistryRecord record, DateTimeOffset? fetchedAt, long? replyId)
    {
        using var rec = Command("""
            INSERT OR REPLACE INTO records(idx, name, status, registrar, registrant_handle, registrant_name, admin_handle,
                name_servers, created, updated, source, fetched_at, reply_id)
            VALUES($i, $n, $st, $reg, $rh, $rn, $ah, $ns, $c, $u, $src, $f, $id)
            """);
        rec.Parameters.AddWithValue("$i", index);
        rec.Parameters.AddWithValue("$n", record.Name.ToString());
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

    private void WritePlan(HarvestPlan plan)
    {
        using var cmd = Command("INSERT OR REPLACE INTO plan(key, value) VALUES($k, $v)");
        foreach (var (k, v) in HarvestPlanText.Pairs(plan))
        {
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$k", k);
            cmd.Parameters.AddWithValue("$v", v);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>The DNS blocks of the plan's shard, once (a store made before blocks existed gets them on its next run).</summary>
    private void LayOutBlocks(HarvestPlan plan)
    {
        using (var any = Command("SELECT 1 FROM dns_blocks LIMIT 1"))
        {
            if (any.ExecuteScalar() is not null)
            {
                return;
            }
        }

        var (start, end) = HarvestPlanText.Range(plan);
        using var insert = Command("INSERT INTO dns_blocks(block, first_idx, end_idx) VALUES($b, $a, $e)");
        var (b, a, e) = (insert.Parameters.Add("$b", SqliteType.Integer), insert.Parameters.Add("$a", SqliteType.Integer), insert.Parameters.Add("$e", SqliteType.Integer));
        foreach (var block in DnsBlock.Layout(start, end))
        {
            (b.Value, a.Value, e.Value) = (block.Number, block.Start, block.End);
            insert.ExecuteNonQuery();
        }
    }

    private long NextReplyId()
    {
        using var cmd = Command("SELECT IFNULL(MAX(id), 0) + 1 FROM replies");
        return (long)cmd.ExecuteScalar()!;
    }

    private void CountForWorker(string set, long count)
    {
        if (_worker is null)
        {
            return;
        }

        using var cmd = Command($"UPDATE workers SET {set}, last_seen = $now WHERE name = $w");
        cmd.Parameters.AddWithValue("$k", count);
        cmd.Parameters.AddWithValue("$now", Instant(DateTimeOffset.UtcNow));
        cmd.Parameters.AddWithValue("$w", _worker.Name);
        cmd.ExecuteNonQuery();
    }
}
