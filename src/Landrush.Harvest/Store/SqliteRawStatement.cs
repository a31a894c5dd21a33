using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Landrush.Harvest.Store;

/// <summary>
/// One statement prepared on a <see cref="SqliteConnection"/>'s handle through SQLite's C API (SQLitePCLRaw), bound by
/// position and stepped row after row: the bulk path of <see cref="SqliteHarvestStore"/>, where the managed provider's
/// per-parameter cost is the whole cost of a row.
/// </summary>
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public SqliteRawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt), "prepare");
    }

    public SqliteRawStatement Bind(int index, long value)
    {
        raw.sqlite3_bind_int64(_stmt, index, value);
        return this;
    }

    public SqliteRawStatement Bind(int index, long? value) => value is { } v ? Bind(index, v) : Null(index);

    public SqliteRawStatement Bind(int index, string? value)
    {
        if (value is null)
        {
            return Null(index);
        }

        raw.sqlite3_bind_text(_stmt, index, value);
        return this;
    }

    public SqliteRawStatement Bind(int index, ReadOnlySpan<byte> value)
    {
        raw.sqlite3_bind_blob(_stmt, index, value);
        return this;
    }

    /// <summary>Runs the statement once with its bindings, then resets it for the next row.</summary>
    public void Step(string path)
    {
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE)
        {
            throw SqliteHarvestStore.Translate(new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc), path);
        }
    }

    public void Dispose() => _stmt.Dispose();

    private SqliteRawStatement Null(int index)
    {
        raw.sqlite3_bind_null(_stmt, index);
        return this;
    }

    private void Check(int rc, string what)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"{what}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
        }
    }
}
