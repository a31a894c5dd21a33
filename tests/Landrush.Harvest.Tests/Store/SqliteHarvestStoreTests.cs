using Landrush.Core;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Store;
using Microsoft.Data.Sqlite;

namespace Landrush.Harvest.Tests.Store;

public sealed class SqliteHarvestStoreTests : HarvestStoreContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-store-").FullName;

    protected override IHarvestStore CreateNew(out string location)
    {
        location = Path.Combine(_dir, $"{Guid.NewGuid():N}.db");
        return SqliteHarvestStore.Open(location);
    }

    protected override IHarvestStore Reopen(string location) => SqliteHarvestStore.Open(location, mustExist: true);

    [Fact]
    public void A_file_that_is_not_a_store_is_bad_input()
    {
        var path = Path.Combine(_dir, "corrupt.db");
        File.WriteAllText(path, new string('x', 8192));
        var ex = Assert.Throws<UserInputException>(() => SqliteHarvestStore.Open(path));
        Assert.Contains("not a harvest store", ex.Message);
    }

    [Fact]
    public void A_store_or_lock_through_a_file_says_the_file_is_one_and_a_missing_folder_that_it_does_not_exist()
    {
        // A path through a file was said as a directory that does not exist.
        var file = Path.Combine(_dir, "plain.txt");
        File.WriteAllText(file, "not a folder");
        var inFile = Path.Combine(file, "h.db");
        var deeper = Path.Combine(file, "sub", "h.db");
        var missing = Path.Combine(_dir, "no-such-dir", "h.db");

        Assert.Equal($"cannot write {inFile}: {file} is a file, not a directory", Assert.Throws<UserInputException>(() => SqliteHarvestStore.Open(inFile)).Message);
        Assert.Equal($"cannot write {deeper}: {file} is a file, not a directory", Assert.Throws<UserInputException>(() => SqliteHarvestStore.Open(deeper)).Message);
        Assert.Equal($"cannot write {missing}: directory {Path.Combine(_dir, "no-such-dir")} does not exist",
            Assert.Throws<UserInputException>(() => SqliteHarvestStore.Open(missing)).Message);

        Assert.Equal($"cannot write {inFile}: {file} is a file, not a directory", Assert.Throws<UserInputException>(() => SqliteHarvestLock.Acquire(inFile)).Message);
        Assert.Equal($"cannot write the store: {file} is a file, not a directory", Assert.Throws<UserInputException>(() => SqliteHarvestLock.Acquire(deeper, "the store")).Message);
        Assert.Equal($"cannot write {missing}: directory {Path.Combine(_dir, "no-such-dir")} does not exist",
            Assert.Throws<UserInputException>(() => SqliteHarvestLock.Acquire(missing)).Message);
        Assert.Equal(["plain.txt"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_store_that_cannot_be_written_is_an_io_error_and_still_resumes()
    {
        // Root writes through file modes, so the read-only case is made by opening read-only.
        var path = Path.Combine(_dir, "ro.db");
        using (var store = SqliteHarvestStore.Open(path))
        {
            store.Begin(Plan);
        }

        using (var readOnly = SqliteHarvestStore.Open(path, readOnly: true))
        {
            var ex = Assert.Throws<IOException>(() => readOnly.MarkVerify(new VerifyStratum("1/1", 0, 10, 1, [1])));
            Assert.Contains("read-only", ex.Message);
        }

        using var again = SqliteHarvestStore.Open(path);
        again.Begin(Plan);
        Assert.Equal(Plan, again.Plan);
    }

    [Fact]
    public void A_store_made_before_strata_were_kept_opens_with_its_verify_names_as_one_stratum()
    {
        // The schema and plan an older landrush wrote: no verify_strata or verify_members tables.
        var path = Path.Combine(_dir, "old.db");
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE plan(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE names(idx INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, dns INTEGER, dns_reply INTEGER,
                    verify INTEGER NOT NULL DEFAULT 0, whois INTEGER NOT NULL DEFAULT 0, reason TEXT);
                CREATE TABLE replies(id INTEGER PRIMARY KEY, idx INTEGER NOT NULL, name TEXT NOT NULL, source TEXT NOT NULL, server TEXT NOT NULL,
                    at TEXT NOT NULL, class TEXT NOT NULL, notice TEXT, raw BLOB NOT NULL);
                CREATE TABLE records(idx INTEGER PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, registrar TEXT, registrant_handle TEXT,
                    registrant_name TEXT, admin_handle TEXT, name_servers TEXT, created TEXT, updated TEXT,
                    source TEXT NOT NULL, fetched_at TEXT, reply_id INTEGER);
                INSERT INTO plan VALUES ('space', 'digits:2'), ('tld', 'nl'), ('shard', '2/2'), ('source', 'whois'), ('verify_absent', '3'),
                    ('seed', '16'), ('dns_servers', '127.0.0.1:53'), ('whois_server', '127.0.0.1:43');
                INSERT INTO names(idx, name, dns, verify, whois) VALUES (60, '50.nl', 1, 0, 0), (61, '51.nl', 2, 1, 1), (62, '52.nl', 2, 0, 0),
                    (63, '53.nl', 2, 1, 1), (64, '54.nl', 2, 1, 0);
                INSERT INTO records(idx, name, status, source) VALUES (61, '51.nl', 'inactive', 'whois'), (63, '53.nl', 'free', 'whois');
                """;
            cmd.ExecuteNonQuery();
        }

        foreach (var readOnly in new[] { true, false })
        {
            using var store = SqliteHarvestStore.Open(path, mustExist: true, readOnly: readOnly);
            var stratum = Assert.Single(store.Strata());
            Assert.Equal(("2/2", 60L, 65L, 4L), (stratum.Shard, stratum.Start, stratum.End, stratum.Absent));
            Assert.Equal([61L, 63L, 64L], stratum.Members);
            // The figures the older landrush gave: 1 of 2 answered, over its 4 absent names.
            Assert.Equal(new MissedEstimate(2, 1, 4).CountInterval, MissedEstimate.Of(store).CountInterval);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
