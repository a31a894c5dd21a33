using Landrush.Core;
using Npgsql;

namespace Landrush.Harvest.Store;

/// <summary>
/// Where a PostgreSQL harvest store is: <c>postgres://USER[:PASSWORD]@HOST[:PORT]/DB</c> (or <c>postgresql://</c>;
/// user, password and a host that is a Unix socket folder percent-encoded). Without a password in the URL the
/// password comes from <c>PGPASSWORD</c>, else from <c>~/.pgpass</c> (or <c>PGPASSFILE</c>), as psql finds it.
/// The password is never part of <see cref="Label"/>, so no message or log line shows it.
/// </summary>
public sealed class PostgresLocation
{
    private PostgresLocation(string label, NpgsqlConnectionStringBuilder builder)
    {
        Label = label;
        Builder = builder;
    }

    /// <summary>The URL without its password, for messages.</summary>
    public string Label { get; }

    /// <summary>The connection string, password included.</summary>
    internal NpgsqlConnectionStringBuilder Builder { get; }

    /// <summary>True when <paramref name="text"/> is meant as a PostgreSQL URL rather than a file path.</summary>
    public static bool IsUrl(string? text) =>
        text is not null && (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads <paramref name="url"/>; a malformed one is a <see cref="UserInputException"/> that does not repeat its password.</summary>
    public static PostgresLocation Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var scheme = url[..url.IndexOf("://", StringComparison.Ordinal)];
        var rest = url[(scheme.Length + 3)..];
        var at = rest.LastIndexOf('@');
        var userInfo = at >= 0 ? rest[..at] : "";
        var hostPart = at >= 0 ? rest[(at + 1)..] : rest;
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon >= 0 ? userInfo[..colon] : userInfo);
        var password = colon >= 0 ? Uri.UnescapeDataString(userInfo[(colon + 1)..]) : null;
        var slash = hostPart.IndexOf('/', StringComparison.Ordinal);
        var database = slash >= 0 ? Uri.UnescapeDataString(hostPart[(slash + 1)..]) : "";
        var hostPort = slash >= 0 ? hostPart[..slash] : hostPart;
        var label = $"{scheme}://{(user.Length > 0 ? Uri.EscapeDataString(user) + "@" : "")}{hostPart}";
        var (host, port) = HostAndPort(hostPort, label);
        if (user.Length == 0 || host.Length == 0 || database.Length == 0 || database.Contains('?', StringComparison.Ordinal) || database.Contains('/', StringComparison.Ordinal))
        {
            throw new UserInputException($"bad PostgreSQL store '{label}': write postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = port,
            Username = user,
            Database = database,
            ApplicationName = "landrush",
            // One connection per store, held for its life: no pool to keep.
            Pooling = false,
            Timeout = 10,
            CommandTimeout = 600,
        };
        if (password is not null)
        {
            builder.Password = password;
        }
        else if (Environment.GetEnvironmentVariable("PGPASSWORD") is { Length: > 0 } fromEnvironment)
        {
            builder.Password = fromEnvironment;
        }

        return new PostgresLocation(label, builder);
    }

    private static (string Host, int Port) HostAndPort(string text, string label)
    {
        text = Uri.UnescapeDataString(text);
        if (text.StartsWith('/'))
        {
            // A Unix socket folder: the port names the socket file (.s.PGSQL.PORT).
            var c = text.LastIndexOf(':');
            return c > 0 && int.TryParse(text.AsSpan(c + 1), out var p) ? (text[..c], p) : (text, 5432);
        }

        var close = text.StartsWith('[') ? text.IndexOf(']', StringComparison.Ordinal) : -1;
        var colon = text.IndexOf(':', close + 1);
        var host = colon >= 0 ? text[..colon] : text;
        if (colon < 0)
        {
            return (host.Trim('[', ']'), 5432);
        }

        return int.TryParse(text.AsSpan(colon + 1), out var port) && port is >= 1 and <= 65535
            ? (host.Trim('[', ']'), port)
            : throw new UserInputException($"bad PostgreSQL store '{label}': the port is 1 to 65535");
    }

    public override string ToString() => Label;
}
