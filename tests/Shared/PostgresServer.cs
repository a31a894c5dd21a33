using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Landrush.Testing;

/// <summary>
/// A private PostgreSQL server for one test run: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a free
/// port, listening on 127.0.0.1 and on a Unix socket in that folder, stopped and removed when the test process ends. No
/// system service is used or touched. Logins over TCP need the password <see cref="Password"/> (scram-sha-256); the
/// socket trusts, which the fixture uses to create databases. As root (CI runs as root; <c>initdb</c> refuses it) the
/// server runs as the <c>postgres</c> user. Where the binaries are missing, <see cref="Get"/> reports the test Skipped,
/// or under CI failed (<see cref="Requirement"/>).
/// </summary>
public sealed class PostgresServer
{
    /// <summary>The superuser's password over TCP.</summary>
    public const string Password = "landrush-test";

    private static readonly Lazy<PostgresServer?> Shared = new(Start);
    private static string? _whyNot;
    private int _databases;

    private PostgresServer(string dir, string bin, int port, bool asPostgres)
    {
        Dir = dir;
        Bin = bin;
        Port = port;
        AsPostgres = asPostgres;
    }

    public string Dir { get; }

    public string Bin { get; }

    public int Port { get; }

    private bool AsPostgres { get; }

    /// <summary>The folder with the server's binaries (the newest <c>/usr/lib/postgresql/N/bin</c>), or null.</summary>
    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "pg_ctl")) && File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
            : null;

    /// <summary>The shared server, started on first use; Skipped (or, under CI, failed) where it cannot run.</summary>
    public static PostgresServer Get()
    {
        return Shared.Value ?? throw Requirement.Missing($"a PostgreSQL server ({_whyNot})");
    }

    /// <summary>A new, empty database; its URL (with the password) for <c>--store</c>.</summary>
    public string NewDatabase()
    {
        var name = $"t{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..20];
        Run(Path.Combine(Bin, "createdb"), ["-h", Dir, "-p", Port.ToString(), "-U", "postgres", name], AsPostgres);
        return Url(name);
    }

    /// <summary>The URL of <paramref name="database"/> as the superuser over TCP, password included unless <paramref name="withPassword"/> is false.</summary>
    public string Url(string database, bool withPassword = true) =>
        $"postgres://postgres{(withPassword ? ":" + Password : "")}@127.0.0.1:{Port}/{database}";

    /// <summary>Runs SQL on <paramref name="database"/> through the socket (psql), returning its unaligned output.</summary>
    public string Sql(string database, string sql) =>
        Run(Path.Combine(Bin, "psql"), ["-h", Dir, "-p", Port.ToString(), "-U", "postgres", "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql], AsPostgres);

    private static PostgresServer? Start()
    {
        var bin = FindBinaries();
        if (bin is null)
        {
            _whyNot = "no /usr/lib/postgresql/*/bin with initdb and pg_ctl (apt-get install postgresql)";
            return null;
        }

        var asPostgres = Environment.UserName == "root";
        var dir = Directory.CreateTempSubdirectory("landrush-pg-").FullName;
        // Watched from the start: a server that fails to set up or start leaves no folder (or process) behind either.
        Watch(dir, bin, asPostgres);
        if (asPostgres)
        {
            Run("chown", ["postgres", dir], false);
        }

        var pw = Path.Combine(dir, "pw");
        File.WriteAllText(pw, Password + "\n");
        if (asPostgres)
        {
            Run("chown", ["postgres", pw], false);
        }

        Run(Path.Combine(bin, "initdb"), ["-D", Path.Combine(dir, "data"), "-U", "postgres", "--pwfile", pw, "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-locale"], asPostgres);
        var port = FreePort();
        // fsync off: the tests kill workers, never the server; durability across a power cut is the server's, not ours to test.
        Run(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(dir, "data"), "-l", Path.Combine(dir, "log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100", "start"], asPostgres);
        return new PostgresServer(dir, bin, port, asPostgres);
    }

    /// <summary>
    /// Stops the server and removes its folder once this process is gone, however it ends: a test host's exit handlers
    /// may be cut short (a server was left running, its folder behind), so a small shell outside the process waits for it.
    /// The folder goes only after the server has stopped (a stop where none runs does nothing).
    /// </summary>
    private static void Watch(string dir, string bin, bool asPostgres)
    {
        var pgCtl = $"{Path.Combine(bin, "pg_ctl")} -D {Path.Combine(dir, "data")} -m immediate -w stop";
        var stop = asPostgres ? $"runuser -u postgres -- {pgCtl}" : pgCtl;
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 0.5; done; {stop} >/dev/null 2>&1; rm -rf '{dir}'";
        var info = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            RedirectStandardOutput = false,
            RedirectStandardError = false,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        Process.Start(info)?.Dispose();
    }

    private static string Run(string file, string[] args, bool asPostgres)
    {
        var info = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args]) : new ProcessStartInfo(file, args);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = "/";
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
        }

        p.WaitForExit();
        return p.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"{Path.GetFileName(file)} exited {p.ExitCode}: {error.Result.Trim()} {output.Result.Trim()}");
    }

    private static int FreePort()
    {
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)tcp.LocalEndPoint!).Port;
    }
}
