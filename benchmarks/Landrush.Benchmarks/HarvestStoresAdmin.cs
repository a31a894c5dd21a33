using Npgsql;

/// <summary>A plain connection to a PostgreSQL server named by a store URL, for a benchmark's CREATE/DROP DATABASE.</summary>
internal static class HarvestStoresAdmin
{
    public static NpgsqlConnection Connect(string url)
    {
        var u = new Uri(url);
        var user = Uri.UnescapeDataString(u.UserInfo.Split(':')[0]);
        var builder = new NpgsqlConnectionStringBuilder { Host = u.Host, Port = u.Port > 0 ? u.Port : 5432, Username = user, Database = u.AbsolutePath.Trim('/'), Pooling = false };
        var db = new NpgsqlConnection(builder.ConnectionString);
        db.Open();
        return db;
    }
}
