using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;

namespace Landrush.Simulator.Tests;

/// <summary>
/// NSD serving a zone file on 127.0.0.1 as a non-root test server (recipe in the shared toolchain notes),
/// response rate limiting off. Stopped by the pid in its pidfile.
/// </summary>
internal sealed class NsdServer : IAsyncDisposable
{
    private readonly string _dir;

    private NsdServer(string dir, int port)
    {
        _dir = dir;
        EndPoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    public IPEndPoint EndPoint { get; }

    public static async Task<NsdServer> StartAsync(string nsd, string zoneText, string zone = "nl")
    {
        var dir = Directory.CreateTempSubdirectory("landrush-nsd-").FullName;
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        await File.WriteAllTextAsync(Path.Combine(dir, "zone"), zoneText);
        var conf = string.Create(CultureInfo.InvariantCulture, $$"""
            server:
              ip-address: 127.0.0.1@{{port}}
              port: {{port}}
              username: ""
              database: ""
              zonesdir: "{{dir}}"
              pidfile: "{{dir}}/nsd.pid"
              logfile: "{{dir}}/nsd.log"
              zonelistfile: "{{dir}}/zone.list"
              xfrdfile: "{{dir}}/xfrd.state"
              xfrdir: "{{dir}}"
              rrl-ratelimit: 0
              rrl-whitelist-ratelimit: 0
              server-count: 1
            remote-control:
              control-enable: no
            zone:
              name: "{{zone}}"
              zonefile: "{{dir}}/zone"
            """);
        await File.WriteAllTextAsync(Path.Combine(dir, "nsd.conf"), conf);
        var (code, _, err) = await ExternalTool.RunAsync(nsd, ["-c", Path.Combine(dir, "nsd.conf")]);
        var server = new NsdServer(dir, port);
        if (code != 0)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"nsd did not start: {err}");
        }

        // Wait until it answers the apex SOA (it loads the zone after daemonising).
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            var soa = await DnsProbe.AskAsync(server.EndPoint, zone, RecordType.Soa, timeout: TimeSpan.FromMilliseconds(300));
            if (soa is { ReturnCode: ReturnCode.NoError, AnswerRecords.Count: 1 })
            {
                return server;
            }
        }

        var log = File.Exists(Path.Combine(dir, "nsd.log")) ? await File.ReadAllTextAsync(Path.Combine(dir, "nsd.log")) : "";
        await server.DisposeAsync();
        throw new InvalidOperationException($"nsd did not answer within 30 s: {log}");
    }

    public async ValueTask DisposeAsync()
    {
        var pidFile = Path.Combine(_dir, "nsd.pid");
        for (var i = 0; i < 50 && !File.Exists(pidFile); i++)
        {
            await Task.Delay(100);
        }

        if (File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), out var pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
