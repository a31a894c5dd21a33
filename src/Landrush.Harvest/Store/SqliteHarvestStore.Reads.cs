using System.Globalization;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Dns;
using Microsoft.Data.Sqlite;

namespace Landrush.Harvest.Store;

/// <summary>The SQLite store's reads: the verify strata, the records, the replies and what the export's provenance needs.</summary>
public sealed partial class SqliteHarvestStore
{
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

    public IReadOnlyDictionary<long, RegistryRecord> Records() => Guard(() => ReadRecords(""));

    public IReadOnlyDictionary<long, RegistryRecord> Records(IReadOnlyCollection<long> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var all = new Dictionary<long, RegistryRecord>();
        // In chunks: SQLite limits the parameters of one statement.
        foreach (var chunk in indices.Chunk(500))
        {
            var list = string.Join(',', chunk.Select(i => i.ToString(CultureInfo.InvariantCulture)));
            foreach (var (k, v) in Guard(() => ReadRecords($" WHERE idx IN ({list})")))
            {
                all[k] = v;
            }
        }

        return all;
    }

    private Dictionary<long, RegistryRecord> ReadRecords(string where)
    {
        var records = new Dictionary<long, RegistryRecord>();
        using var cmd = Command($"""
            SELECT idx, name, status, registrar, registrant_handle, registrant_name, admin_handle, name_servers, created, updated,
                   source, fetched_at, reply_id FROM records{where}
            """);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            DateOnly? D(int i) => r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var name = r.GetString(1);
            var servers = S(7) is { Length: > 0 } ns ? ns.Split(';') : [];
            records[r.GetInt64(0)] = new RegistryRecord(
                DomainName.Parse(name), Enum.Parse<DomainStatus>(r.GetString(2), ignoreCase: true), S(3), S(4), S(5), S(6), servers, D(8), D(9),
                Enum.Parse<RecordSource>(r.GetString(10), ignoreCase: true), S(11) is { } f ? ParseInstant(f) : null,
                r.IsDBNull(12) ? null : new RawRef(name, r.GetInt64(12)).ToString());
        }

        return records;
    }

    public IReadOnlyList<StoredReply> Replies(string name) => Guard(() =>
    {
        // By index where the plan's space gives one (indexed in every store), or -1 for the TLD itself (the registry's own
        // replies, SaveNotice); by name otherwise (indexed in older stores).
        var label = Plan is { } p && name.EndsWith("." + p.Tld, StringComparison.Ordinal) ? name[..^(p.Tld.Length + 1)] : null;
        var index = label is not null ? NameSpace.Parse(Plan!.Space).IndexOf(label) : -1;
        var byIndex = index >= 0 || name == Plan?.Tld;
        using var cmd = Command($"SELECT {ReplyColumns} FROM replies WHERE {(byIndex ? "idx = $i AND " : "")}name = $n ORDER BY id");
        cmd.Parameters.AddWithValue("$i", index);
        cmd.Parameters.AddWithValue("$n", name);
        return ReadReplies(cmd);
    });

    public StoredReply? Reply(long id) => Guard(() =>
    {
        using var cmd = Command($"SELECT {ReplyColumns} FROM replies WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", id);
        return ReadReplies(cmd).FirstOrDefault();
    });

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

    // A store made before the politeness log was kept, opened read-only, has no such columns.
    private string ReplyColumns => "id, idx, name, source, server, at, class, notice, raw, " +
        (_politenessColumns ? "worker, source_address, asked_at" : "NULL, NULL, NULL");

    private static List<StoredReply> ReadReplies(SqliteCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<StoredReply>();
        while (r.Read())
        {
            list.Add(new StoredReply(
                r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), ParseInstant(r.GetString(5)), r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), (byte[])r.GetValue(8))
            {
                Worker = r.IsDBNull(9) ? null : r.GetString(9),
                SourceAddress = r.IsDBNull(10) ? null : r.GetString(10),
                AskedAt = r.IsDBNull(11) ? null : ParseInstant(r.GetString(11)),
            });
        }

        return list;
    }
}
