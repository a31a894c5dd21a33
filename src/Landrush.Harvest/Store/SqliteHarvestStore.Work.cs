using Microsoft.Data.Sqlite;

namespace Landrush.Harvest.Store;

/// <summary>
/// The SQLite store's share of the work protocol (<see cref="IHarvestStore.Join"/> and the claims). One process
/// harvests a SQLite store at a time (<see cref="SqliteHarvestLock"/>), so a claim needs no row locks; the leases
/// still make a killed run's claims plain again and keep the one harvest code path for both stores. Lease times
/// are this machine's clock in Unix milliseconds.
/// </summary>
public sealed partial class SqliteHarvestStore
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
                INSERT INTO workers(name, source_address, host, pid, whois_rate, started, last_seen) VALUES($w, $a, $h, $p, $r, $now, $now)
                ON CONFLICT(name) DO UPDATE SET source_address = excluded.source_address, host = excluded.host, pid = excluded.pid,
                    whois_rate = excluded.whois_rate, started = excluded.started, last_seen = excluded.last_seen;
                UPDATE names SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $w;
                UPDATE dns_blocks SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $w;
                UPDATE names SET failed_by = NULL WHERE failed_by = $w AND whois <> 1 AND (dns <> 2 OR verify <> 0);
                """);
            cmd.Parameters.AddWithValue("$w", worker.Name);
            cmd.Parameters.AddWithValue("$a", (object?)worker.SourceAddress ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$h", worker.Host);
            cmd.Parameters.AddWithValue("$p", worker.Pid);
            cmd.Parameters.AddWithValue("$r", worker.WhoisRate);
            cmd.Parameters.AddWithValue("$now", Instant(DateTimeOffset.UtcNow));
            cmd.ExecuteNonQuery();
        }));
    }

    public DnsBlock? ClaimDns() => Guard(() => InTransaction(() =>
    {
        using var find = Command("SELECT block, first_idx, end_idx FROM dns_blocks WHERE done = 0 AND (lease_until IS NULL OR lease_until < $now) ORDER BY block LIMIT 1");
        find.Parameters.AddWithValue("$now", NowMs());
        DnsBlock? block = null;
        using (var r = find.ExecuteReader())
        {
            if (r.Read())
            {
                block = new DnsBlock(r.GetInt32(0), r.GetInt64(1), r.GetInt64(2));
            }
        }

        if (block is not null)
        {
            using var take = Command("UPDATE dns_blocks SET lease_owner = $w, lease_until = $until WHERE block = $b");
            take.Parameters.AddWithValue("$w", WorkerName);
            take.Parameters.AddWithValue("$until", NowMs() + (long)_lease.TotalMilliseconds);
            take.Parameters.AddWithValue("$b", block.Number);
            take.ExecuteNonQuery();
        }

        return block;
    }));

    public IReadOnlySet<long> Swept(long start, long end) => Guard(() =>
    {
        using var cmd = Command("SELECT idx FROM names WHERE idx >= $a AND idx < $b AND dns IS NOT NULL");
        cmd.Parameters.AddWithValue("$a", start);
        cmd.Parameters.AddWithValue("$b", end);
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
        Guard(() =>
        {
            using var cmd = Command("UPDATE dns_blocks SET done = 1, lease_owner = NULL, lease_until = NULL WHERE block = $b");
            cmd.Parameters.AddWithValue("$b", block.Number);
            cmd.ExecuteNonQuery();
        });
    }

    public IReadOnlyList<NameState> ClaimWhois(int max) => Guard(() =>
    {
        using var cmd = Command("""
            UPDATE names SET lease_owner = $w, lease_until = $until
            WHERE idx IN (SELECT idx FROM names
                          WHERE whois <> 1 AND (dns <> 2 OR verify <> 0) AND (lease_until IS NULL OR lease_until < $now)
                            AND (failed_by IS NULL OR failed_by <> $w)
                          ORDER BY idx LIMIT $n)
            RETURNING idx, name, dns, dns_reply, verify, whois, reason
            """);
        cmd.Parameters.AddWithValue("$w", WorkerName);
        cmd.Parameters.AddWithValue("$now", NowMs());
        cmd.Parameters.AddWithValue("$until", NowMs() + (long)_lease.TotalMilliseconds);
        cmd.Parameters.AddWithValue("$n", max);
        using var r = cmd.ExecuteReader();
        var claimed = new List<NameState>();
        while (r.Read())
        {
            claimed.Add(ReadState(r));
        }

        claimed.Sort((a, b) => a.Index.CompareTo(b.Index));
        return (IReadOnlyList<NameState>)claimed;
    });

    public void Unclaim(long index) => Guard(() =>
    {
        using var cmd = Command("UPDATE names SET lease_owner = NULL, lease_until = NULL WHERE idx = $i AND lease_owner = $w");
        cmd.Parameters.AddWithValue("$i", index);
        cmd.Parameters.AddWithValue("$w", WorkerName);
        cmd.ExecuteNonQuery();
    });

    public void Renew() => Leases("lease_until = $until");

    public void Release() => Leases("lease_owner = NULL, lease_until = NULL");

    private void Leases(string set) => Guard(() => InTransaction(() =>
    {
        using var cmd = Command($"""
            UPDATE names SET {set} WHERE lease_owner = $w;
            UPDATE dns_blocks SET {set} WHERE lease_owner = $w;
            UPDATE workers SET last_seen = $now WHERE name = $w;
            """);
        cmd.Parameters.AddWithValue("$w", WorkerName);
        cmd.Parameters.AddWithValue("$until", NowMs() + (long)_lease.TotalMilliseconds);
        cmd.Parameters.AddWithValue("$now", Instant(DateTimeOffset.UtcNow));
        cmd.ExecuteNonQuery();
    }));

    public WorkLeft Left() => Guard(() =>
    {
        var now = NowMs();
        using var cmd = Command("""
            SELECT (SELECT COUNT(*) FROM dns_blocks WHERE done = 0),
                   (SELECT COUNT(*) FROM dns_blocks WHERE done = 0 AND lease_until >= $now AND lease_owner <> $w),
                   (SELECT IFNULL(SUM(end_idx - first_idx), 0) FROM dns_blocks WHERE done = 1),
                   (SELECT COUNT(*) FROM names WHERE whois <> 1 AND (dns <> 2 OR verify <> 0)),
                   (SELECT COUNT(*) FROM names WHERE whois <> 1 AND (dns <> 2 OR verify <> 0) AND lease_until >= $now AND lease_owner <> $w),
                   (SELECT MIN(t) FROM (SELECT MIN(lease_until) AS t FROM dns_blocks WHERE done = 0 AND lease_until >= $now AND lease_owner <> $w
                                        UNION ALL SELECT MIN(lease_until) FROM names WHERE lease_owner IS NOT NULL AND lease_until >= $now AND lease_owner <> $w))
            """);
        cmd.Parameters.AddWithValue("$now", now);
        cmd.Parameters.AddWithValue("$w", WorkerName);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new WorkLeft(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4),
            r.IsDBNull(5) ? null : TimeSpan.FromMilliseconds(r.GetInt64(5) - now));
    });

    public HarvestCounts Counts() => Guard(() =>
    {
        using var cmd = Command("""
            SELECT COUNT(*), IFNULL(SUM(dns = 1), 0), IFNULL(SUM(dns = 2), 0), IFNULL(SUM(dns = 0), 0),
                   IFNULL(SUM(dns <> 2 OR verify <> 0), 0), IFNULL(SUM((dns <> 2 OR verify <> 0) AND whois = 1), 0),
                   IFNULL(SUM((dns <> 2 OR verify <> 0) AND whois = 2), 0),
                   (SELECT COUNT(*) FROM records WHERE status IN ('active', 'inactive', 'quarantine')),
                   (SELECT COUNT(*) FROM records WHERE status = 'free'),
                   (SELECT COUNT(*) FROM replies WHERE source <> 'dns'),
                   (SELECT COUNT(*) FROM replies WHERE source <> 'dns' AND class = 'throttled')
            FROM names
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new HarvestCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6),
            r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10));
    });

    public IReadOnlyList<WorkerStatus> Workers() => Guard(() =>
    {
        using (var exists = Command("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'workers'"))
        {
            if (exists.ExecuteScalar() is null)
            {
                return (IReadOnlyList<WorkerStatus>)[];
            }
        }

        var recent = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var rate = Command("SELECT worker, COUNT(*) FROM replies WHERE source <> 'dns' AND at >= $since AND worker IS NOT NULL GROUP BY worker"))
        {
            rate.Parameters.AddWithValue("$since", Instant(DateTimeOffset.UtcNow.AddMinutes(-1)));
            using var r = rate.ExecuteReader();
            while (r.Read())
            {
                recent[r.GetString(0)] = r.GetInt64(1);
            }
        }

        using var cmd = Command("SELECT name, source_address, host, pid, whois_rate, started, last_seen, dns_names, whois_queries, throttles FROM workers ORDER BY name");
        using var w = cmd.ExecuteReader();
        var list = new List<WorkerStatus>();
        while (w.Read())
        {
            list.Add(new WorkerStatus(w.GetString(0), w.IsDBNull(1) ? null : w.GetString(1), w.IsDBNull(2) ? null : w.GetString(2),
                w.IsDBNull(3) ? null : w.GetInt32(3), w.IsDBNull(4) ? null : w.GetDouble(4), w.IsDBNull(5) ? null : ParseInstant(w.GetString(5)),
                w.IsDBNull(6) ? null : ParseInstant(w.GetString(6)), w.GetInt64(7), w.GetInt64(8), w.GetInt64(9),
                recent.GetValueOrDefault(w.GetString(0)) / 60.0));
        }

        return (IReadOnlyList<WorkerStatus>)list;
    });

    private string WorkerName => _worker?.Name ?? "";

    private static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
