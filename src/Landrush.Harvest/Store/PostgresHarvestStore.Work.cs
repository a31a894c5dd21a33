using Npgsql;

namespace Landrush.Harvest.Store;

/// <summary>
/// The PostgreSQL store's share of the work protocol: claims with <c>FOR UPDATE SKIP LOCKED</c> (a row another worker
/// is claiming is passed over, never waited for), leases on the server's clock (<c>now()</c>), renewed by the worker.
/// </summary>
public sealed partial class PostgresHarvestStore
{
    private HarvestWorker? _worker;
    private TimeSpan _lease = TimeSpan.FromSeconds(60);

    public void Join(HarvestWorker worker, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(worker);
        _worker = worker;
        _lease = lease;
        Guard(() => InTransaction(() =>
        {
            using var cmd = Command("""
                INSERT INTO workers(name, source_address, host, pid, whois_rate, started, last_seen) VALUES(@w, @a, @h, @p, @r, now(), now())
                ON CONFLICT(name) DO UPDATE SET source_address = EXCLUDED.source_address, host = EXCLUDED.host, pid = EXCLUDED.pid,
                    whois_rate = EXCLUDED.whois_rate, started = EXCLUDED.started, last_seen = EXCLUDED.last_seen;
                UPDATE names SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @w;
                UPDATE dns_blocks SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @w;
                UPDATE names SET failed_by = NULL WHERE failed_by = @w AND whois <> 1 AND (dns <> 2 OR verify);
                """);
            cmd.Parameters.AddWithValue("w", worker.Name);
            cmd.Parameters.AddWithValue("a", NpgsqlTypes.NpgsqlDbType.Text, (object?)worker.SourceAddress ?? DBNull.Value);
            cmd.Parameters.AddWithValue("h", worker.Host);
            cmd.Parameters.AddWithValue("p", worker.Pid);
            cmd.Parameters.AddWithValue("r", worker.WhoisRate);
            cmd.ExecuteNonQuery();
        }));
    }

    public DnsBlock? ClaimDns() => Guard(() =>
    {
        using var cmd = Command("""
            UPDATE dns_blocks SET lease_owner = @w, lease_until = now() + @lease
            WHERE block = (SELECT block FROM dns_blocks WHERE NOT done AND (lease_until IS NULL OR lease_until < now())
                           ORDER BY block LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING block, first_idx, end_idx
            """);
        cmd.Parameters.AddWithValue("w", WorkerName);
        cmd.Parameters.AddWithValue("lease", _lease);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new DnsBlock(r.GetInt32(0), r.GetInt64(1), r.GetInt64(2)) : null;
    });

    public IReadOnlySet<long> Swept(long start, long end) => Guard(() =>
    {
        using var cmd = Command("SELECT idx FROM names WHERE idx >= @a AND idx < @b AND dns IS NOT NULL");
        cmd.Parameters.AddWithValue("a", start);
        cmd.Parameters.AddWithValue("b", end);
        using var r = cmd.ExecuteReader();
        var swept = new HashSet<long>();
        while (r.Read())
        {
            swept.Add(r.GetInt64(0));
        }

        return (IReadOnlySet<long>)swept;
    });

    public void CompleteDns(DnsBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        Guard(() => Execute("UPDATE dns_blocks SET done = true, lease_owner = NULL, lease_until = NULL WHERE block = @b", ("b", block.Number)));
    }

    public IReadOnlyList<NameState> ClaimWhois(int max) => Guard(() =>
    {
        using var cmd = Command("""
            UPDATE names n SET lease_owner = @w, lease_until = now() + @lease
            FROM (SELECT idx FROM names
                  WHERE whois <> 1 AND (dns <> 2 OR verify) AND (lease_until IS NULL OR lease_until < now())
                    AND (failed_by IS NULL OR failed_by <> @w)
                  ORDER BY idx LIMIT @n FOR UPDATE SKIP LOCKED) c
            WHERE n.idx = c.idx
            RETURNING n.idx, n.name, n.dns, n.dns_reply, n.verify, n.whois, n.reason
            """);
        cmd.Parameters.AddWithValue("w", WorkerName);
        cmd.Parameters.AddWithValue("lease", _lease);
        cmd.Parameters.AddWithValue("n", max);
        using var r = cmd.ExecuteReader();
        var claimed = new List<NameState>();
        while (r.Read())
        {
            claimed.Add(ReadState(r));
        }

        claimed.Sort((a, b) => a.Index.CompareTo(b.Index));
        return (IReadOnlyList<NameState>)claimed;
    });

    public void Unclaim(long index) =>
        Guard(() => Execute("UPDATE names SET lease_owner = NULL, lease_until = NULL WHERE idx = @i AND lease_owner = @w", ("i", index), ("w", WorkerName)));

    public void Renew() => Leases("lease_until = now() + @lease");

    public void Release() => Leases("lease_owner = NULL, lease_until = NULL");

    private void Leases(string set) => Guard(() => InTransaction(() =>
    {
        using var cmd = Command($"""
            UPDATE names SET {set} WHERE lease_owner = @w;
            UPDATE dns_blocks SET {set} WHERE lease_owner = @w;
            UPDATE workers SET last_seen = now() WHERE name = @w;
            """);
        cmd.Parameters.AddWithValue("w", WorkerName);
        cmd.Parameters.AddWithValue("lease", _lease);
        cmd.ExecuteNonQuery();
    }));

    public WorkLeft Left() => Guard(() =>
    {
        using var cmd = Command("""
            SELECT (SELECT count(*) FROM dns_blocks WHERE NOT done),
                   (SELECT count(*) FROM dns_blocks WHERE NOT done AND lease_until >= now() AND lease_owner <> @w),
                   (SELECT coalesce(sum(end_idx - first_idx), 0)::bigint FROM dns_blocks WHERE done),
                   (SELECT count(*) FROM names WHERE whois <> 1 AND (dns <> 2 OR verify)),
                   (SELECT count(*) FROM names WHERE whois <> 1 AND (dns <> 2 OR verify) AND lease_until >= now() AND lease_owner <> @w),
                   extract(epoch FROM (SELECT min(t) FROM (
                       SELECT min(lease_until) AS t FROM dns_blocks WHERE NOT done AND lease_until >= now() AND lease_owner <> @w
                       UNION ALL SELECT min(lease_until) FROM names WHERE lease_owner IS NOT NULL AND lease_until >= now() AND lease_owner <> @w) x) - now())::float8
            """);
        cmd.Parameters.AddWithValue("w", WorkerName);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new WorkLeft(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4),
            r.IsDBNull(5) ? null : TimeSpan.FromSeconds(r.GetDouble(5)));
    });

    public HarvestCounts Counts() => Guard(() =>
    {
        using var cmd = Command("""
            SELECT count(*), count(*) FILTER (WHERE dns = 1), count(*) FILTER (WHERE dns = 2), count(*) FILTER (WHERE dns = 0),
                   count(*) FILTER (WHERE dns <> 2 OR verify), count(*) FILTER (WHERE (dns <> 2 OR verify) AND whois = 1),
                   count(*) FILTER (WHERE (dns <> 2 OR verify) AND whois = 2),
                   (SELECT count(*) FROM records WHERE status IN ('active', 'inactive', 'quarantine')),
                   (SELECT count(*) FROM records WHERE status = 'free'),
                   (SELECT count(*) FROM replies WHERE source <> 'dns'),
                   (SELECT count(*) FROM replies WHERE source <> 'dns' AND class = 'throttled')
            FROM names
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new HarvestCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6),
            r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10));
    });

    public IReadOnlyList<WorkerStatus> Workers() => Guard(() =>
    {
        using var cmd = Command("""
            SELECT w.name, w.source_address, w.host, w.pid, w.whois_rate, w.started, w.last_seen, w.dns_names, w.whois_queries, w.throttles,
                   (SELECT count(*) FROM replies r WHERE r.source <> 'dns' AND r.at >= now() - interval '1 minute' AND r.worker = w.name)
            FROM workers w ORDER BY w.name
            """);
        using var r = cmd.ExecuteReader();
        var list = new List<WorkerStatus>();
        while (r.Read())
        {
            list.Add(new WorkerStatus(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetInt32(3), r.IsDBNull(4) ? null : r.GetDouble(4), r.IsDBNull(5) ? null : Instant(r, 5),
                r.IsDBNull(6) ? null : Instant(r, 6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10) / 60.0));
        }

        return (IReadOnlyList<WorkerStatus>)list;
    });

    private string WorkerName => _worker?.Name ?? "";
}
