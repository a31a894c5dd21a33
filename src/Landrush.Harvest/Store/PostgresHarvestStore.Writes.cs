using Landrush.Core.Dataset;
using Npgsql;
using NpgsqlTypes;

namespace Landrush.Harvest.Store;

/// <summary>The PostgreSQL store's writes: each one transaction; the DNS sweep's outcomes and a merge's names by <c>COPY</c>.</summary>
public sealed partial class PostgresHarvestStore
{
    public void SaveDns(IReadOnlyList<DnsObservation> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        Guard(() => InTransaction(() =>
        {
            var ids = WriteReplies([.. batch.Where(o => !o.Raw.IsEmpty).Select(o => o.Reply(_worker))]);
            var replyOf = new long?[batch.Count];
            for (int i = 0, k = 0; i < batch.Count; i++)
            {
                replyOf[i] = batch[i].Raw.IsEmpty ? null : ids[k++];
            }

            // A name with a row already (a merged store's name that DNS never answered) is updated; the usual case, none
            // in the batch's range, is copied straight into the table.
            var (low, high) = (batch.Min(o => o.Index), batch.Max(o => o.Index));
            var existing = Scalar("SELECT EXISTS(SELECT 1 FROM names WHERE idx BETWEEN @a AND @b)", ("a", low), ("b", high)) is true;
            using (var copy = _db.BeginBinaryImport($"COPY {(existing ? "dns_stage" : "names")}(idx, name, dns, dns_reply) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    copy.StartRow();
                    copy.Write(batch[i].Index, NpgsqlDbType.Bigint);
                    copy.Write(batch[i].Name, NpgsqlDbType.Text);
                    copy.Write((short)batch[i].Outcome, NpgsqlDbType.Smallint);
                    WriteOrNull(copy, replyOf[i], NpgsqlDbType.Bigint);
                }

                copy.Complete();
            }

            if (existing)
            {
                Execute("""
                    INSERT INTO names(idx, name, dns, dns_reply) SELECT idx, name, dns, dns_reply FROM dns_stage
                    ON CONFLICT(idx) DO UPDATE SET dns = EXCLUDED.dns, dns_reply = EXCLUDED.dns_reply
                    """);
            }

            CountForWorker("dns_names = dns_names + @k", batch.Count);
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
        return Guard(() => InTransaction(() =>
        {
            // Several workers may finish the DNS stage together: one draws, under the lock; the others find its stratum.
            Execute("SELECT pg_advisory_xact_lock(@k)", ("k", SchemaLock));
            if (Scalar("SELECT EXISTS(SELECT 1 FROM verify_strata)") is true)
            {
                return false;
            }

            var absent = new List<long>();
            using (var cmd = Command("SELECT idx FROM names WHERE dns = 2 AND idx >= @a AND idx < @b ORDER BY idx"))
            {
                cmd.Parameters.AddWithValue("a", start);
                cmd.Parameters.AddWithValue("b", end);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    absent.Add(r.GetInt64(0));
                }
            }

            InsertStratum(draw([.. absent]));
            return true;
        }));
    }

    private void InsertStratum(VerifyStratum stratum)
    {
        var id = (long)Scalar("INSERT INTO verify_strata(shard, first_idx, end_idx, absent) VALUES(@s, @a, @b, @n) RETURNING id",
            ("s", stratum.Shard), ("a", stratum.Start), ("b", stratum.End), ("n", stratum.Absent))!;
        var members = stratum.Members.ToArray();
        Execute("UPDATE names SET verify = true WHERE idx = ANY(@m)", ("m", members));
        Execute("INSERT INTO verify_members(stratum, idx) SELECT @s, unnest(@m) ON CONFLICT DO NOTHING", ("s", id), ("m", members));
    }

    public WhoisSaved SaveWhois(StoredReply reply, WhoisState state, RegistryRecord? record, string? reason)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return Guard(() => InTransaction(() =>
        {
            var id = WriteReplies([reply with { Worker = reply.Worker ?? _worker?.Name, SourceAddress = reply.SourceAddress ?? _worker?.SourceAddress }])[0];
            // The name's row is locked until this transaction ends: of two workers' answers, the second waits and then
            // finds the name answered. The first fact stored is the record; a later one is evidence only.
            var answered = Scalar("SELECT whois FROM names WHERE idx = @i FOR UPDATE", ("i", reply.Index)) is short w && w == (short)WhoisState.Answered;
            var recorded = !answered && record is not null;
            if (!answered)
            {
                var newState = WhoisStates.After(state, recorded);
                using var name = Command("""
                    INSERT INTO names(idx, name, whois, reason, failed_by) VALUES(@i, @n, @w, @reason, @f)
                    ON CONFLICT(idx) DO UPDATE SET whois = EXCLUDED.whois, reason = EXCLUDED.reason, failed_by = EXCLUDED.failed_by,
                        lease_owner = CASE WHEN EXCLUDED.whois = 1 THEN NULL ELSE names.lease_owner END,
                        lease_until = CASE WHEN EXCLUDED.whois = 1 THEN NULL ELSE names.lease_until END
                    """);
                name.Parameters.AddWithValue("i", reply.Index);
                name.Parameters.AddWithValue("n", reply.Name);
                name.Parameters.AddWithValue("w", (short)newState);
                name.Parameters.AddWithValue("reason", NpgsqlDbType.Text, recorded ? DBNull.Value : (object?)reason ?? DBNull.Value);
                name.Parameters.AddWithValue("f", NpgsqlDbType.Text, newState == WhoisState.Failed ? _worker?.Name ?? "" : DBNull.Value);
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
        Guard(() => InTransaction(() => WriteReplies([reply with { Index = -1, Worker = reply.Worker ?? _worker?.Name }])));
    }

    public void Import(IReadOnlyList<ImportedName> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Guard(() => InTransaction(() =>
        {
            // A name held already is replaced whole: its replies and record go first.
            var indices = batch.Select(b => b.State.Index).ToArray();
            Execute("DELETE FROM replies WHERE idx = ANY(@i)", ("i", indices));
            Execute("DELETE FROM records WHERE idx = ANY(@i)", ("i", indices));
            Execute("DELETE FROM names WHERE idx = ANY(@i)", ("i", indices));
            // Every name's replies in one go, in the batch's order: the ids come out as one by one.
            var stored = WriteReplies([.. batch.SelectMany(b => b.Replies.Select(r => r with { Index = b.State.Index }))]);
            var first = 0;
            foreach (var item in batch)
            {
                var state = item.State;
                var ids = item.Replies.Select((r, k) => (r.Id, New: stored[first + k])).ToDictionary(p => p.Id, p => p.New);
                first += item.Replies.Count;
                long? New(long? old) => old is { } o
                    ? ids.TryGetValue(o, out var n) ? n : throw new ArgumentException($"{state.Name}: reply {o} is not among the name's replies", nameof(batch))
                    : null;
                using var name = Command("INSERT INTO names(idx, name, dns, dns_reply, verify, whois, reason) VALUES(@i, @n, @d, @r, @v, @w, @reason)");
                name.Parameters.AddWithValue("i", state.Index);
                name.Parameters.AddWithValue("n", state.Name);
                name.Parameters.AddWithValue("d", NpgsqlDbType.Smallint, state.Dns is { } d ? (short)d : DBNull.Value);
                name.Parameters.AddWithValue("r", NpgsqlDbType.Bigint, (object?)New(state.DnsReplyId) ?? DBNull.Value);
                name.Parameters.AddWithValue("v", state.Verify);
                name.Parameters.AddWithValue("w", (short)state.Whois);
                name.Parameters.AddWithValue("reason", NpgsqlDbType.Text, (object?)state.Reason ?? DBNull.Value);
                name.ExecuteNonQuery();
                if (item.Record is { } record)
                {
                    InsertRecord(state.Index, record, record.FetchedAt, New(RawRef.IdOf(record.RawRef)));
                }
            }
        }));
    }

    /// <summary>
    /// The one way replies go into <c>replies</c>, whatever stage they come from: by <c>COPY</c>, under ids drawn from the
    /// shared sequence (their own ids are labels only); the ids, in order.
    /// </summary>
    private long[] WriteReplies(IReadOnlyList<StoredReply> replies)
    {
        var ids = ReplyIds(replies.Count);
        if (replies.Count == 0)
        {
            return ids;
        }

        using var copy = _db.BeginBinaryImport($"COPY replies({ReplyColumns}) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < replies.Count; i++)
        {
            var r = replies[i];
            copy.StartRow();
            copy.Write(ids[i], NpgsqlDbType.Bigint);
            copy.Write(r.Index, NpgsqlDbType.Bigint);
            copy.Write(r.Name, NpgsqlDbType.Text);
            copy.Write(r.Source, NpgsqlDbType.Text);
            copy.Write(r.Server, NpgsqlDbType.Text);
            copy.Write(r.At.UtcDateTime, NpgsqlDbType.TimestampTz);
            copy.Write(r.Class, NpgsqlDbType.Text);
            WriteOrNull(copy, r.Notice, NpgsqlDbType.Text);
            copy.Write(r.Raw.ToArray(), NpgsqlDbType.Bytea);
            WriteOrNull(copy, r.Worker, NpgsqlDbType.Text);
            WriteOrNull(copy, r.SourceAddress, NpgsqlDbType.Text);
            if (r.AskedAt is { } asked)
            {
                copy.Write(asked.UtcDateTime, NpgsqlDbType.TimestampTz);
            }
            else
            {
                copy.WriteNull();
            }
        }

        copy.Complete();
        return ids;
    }

    private void InsertRecord(long index, RegistryRecord record, DateTimeOffset? fetchedAt, long? replyId)
    {
        using var rec = Command("""
            INSERT INTO records(idx, name, status, registrar, registrant_handle, registrant_name, admin_handle,
                name_servers, created, updated, source, fetched_at, reply_id)
            VALUES(@i, @n, @st, @reg, @rh, @rn, @ah, @ns, @c, @u, @src, @f, @id)
            ON CONFLICT(idx) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status, registrar = EXCLUDED.registrar,
                registrant_handle = EXCLUDED.registrant_handle, registrant_name = EXCLUDED.registrant_name,
                admin_handle = EXCLUDED.admin_handle, name_servers = EXCLUDED.name_servers, created = EXCLUDED.created,
                updated = EXCLUDED.updated, source = EXCLUDED.source, fetched_at = EXCLUDED.fetched_at, reply_id = EXCLUDED.reply_id
            """);
        static object Or(object? v) => v ?? DBNull.Value;
        rec.Parameters.AddWithValue("i", index);
        rec.Parameters.AddWithValue("n", record.Name.ToString());
        rec.Parameters.AddWithValue("st", RegistryCsv.StatusText(record.Status));
        rec.Parameters.AddWithValue("reg", NpgsqlDbType.Text, Or(record.Registrar));
        rec.Parameters.AddWithValue("rh", NpgsqlDbType.Text, Or(record.RegistrantHandle));
        rec.Parameters.AddWithValue("rn", NpgsqlDbType.Text, Or(record.RegistrantName));
        rec.Parameters.AddWithValue("ah", NpgsqlDbType.Text, Or(record.AdminHandle));
        rec.Parameters.AddWithValue("ns", string.Join(';', record.NameServerList));
        rec.Parameters.AddWithValue("c", NpgsqlDbType.Date, Or(record.Created));
        rec.Parameters.AddWithValue("u", NpgsqlDbType.Date, Or(record.Updated));
        rec.Parameters.AddWithValue("src", RegistryCsv.SourceText(record.Source));
        rec.Parameters.AddWithValue("f", NpgsqlDbType.TimestampTz, fetchedAt is { } f ? f.UtcDateTime : DBNull.Value);
        rec.Parameters.AddWithValue("id", NpgsqlDbType.Bigint, Or(replyId));
        rec.ExecuteNonQuery();
    }

    /// <summary><paramref name="count"/> new reply ids from the shared sequence (workers on other machines draw from it too).</summary>
    private long[] ReplyIds(int count)
    {
        var ids = new long[count];
        if (count == 0)
        {
            return ids;
        }

        using var cmd = Command("SELECT nextval('reply_ids') FROM generate_series(1, @n)");
        cmd.Parameters.AddWithValue("n", count);
        using var r = cmd.ExecuteReader();
        for (var i = 0; r.Read(); i++)
        {
            ids[i] = r.GetInt64(0);
        }

        return ids;
    }

    private void CountForWorker(string set, long count)
    {
        if (_worker is not null)
        {
            Execute($"UPDATE workers SET {set}, last_seen = now() WHERE name = @w", ("k", count), ("w", _worker.Name));
        }
    }

    private static void WriteOrNull(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }

    private static void WriteOrNull(NpgsqlBinaryImporter copy, long? value, NpgsqlDbType type)
    {
        if (value is { } v)
        {
            copy.Write(v, type);
        }
        else
        {
            copy.WriteNull();
        }
    }
}
