using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Landrush.Harvest.Tests.Dns;

/// <summary>
/// A real NSD serving a TLD zone on 127.0.0.1 (a free port), for tests: the zone has the given
/// delegations (two NS each) and nothing else. Response rate limiting is off. Tests call <see cref="Require"/> first.
/// </summary>
internal sealed class NsdServer : IDisposable
{
    private readonly string _dir;
    private readonly int _pid;

    private NsdServer(string dir, int port, int pid)
    {
        _dir = dir;
        Port = port;
        _pid = pid;
    }

    public int Port { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public static bool Installed => File.Exists("/usr/sbin/nsd") || File.Exists("/usr/bin/nsd");

    /// <summary>Ends the test when nsd is not installed: Skipped, or failed under CI (<see cref="Requirement"/>).</summary>
    public static void Require()
    {
        if (!Installed)
        {
            throw Requirement.Missing("'nsd' (apt-get install nsd)");
        }
    }

    // apex: the apex's NS (and any in-zone address) records; by default one NS outside the zone.
    public static NsdServer Start(string tld, IEnumerable<string> delegatedLabels, string apex = "@ IN NS ns1.nic.example.\n")
    {
        var dir = Directory.CreateTempSubdirectory("landrush-nsd-").FullName;
        var zone = new StringBuilder();
        zone.Append($"$ORIGIN {tld}.\n$TTL 3600\n@ IN SOA ns1.nic.example. hostmaster.nic.example. 1 3600 600 86400 3600\n{apex}");
        foreach (var label in delegatedLabels)
        {
            zone.Append($"{label} IN NS ns1.dns{label.Length}.example.\n{label} IN NS ns2.dns{label.Length}.example.\n");
        }

        File.WriteAllText(Path.Combine(dir, "tld.zone"), zone.ToString());
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            File.WriteAllText(Path.Combine(dir, "nsd.conf"), $"""
                server:
                  ip-address: 127.0.0.1@{port}
                  port: {port}
                  username: ""
                  database: ""
                  zonesdir: "{dir}"
                  pidfile: "{dir}/nsd.pid"
                  logfile: "{dir}/nsd.log"
                  zonelistfile: "{dir}/zone.list"
                  xfrdfile: "{dir}/xfrd.state"
                  xfrdir: "{dir}"
                  rrl-ratelimit: 0
                  rrl-whitelist-ratelimit: 0
                  server-count: 1
                  verbosity: 0
                remote-control:
                  control-enable: no
                zone:
                  name: {tld}
                  zonefile: tld.zone
                """);
            using (var nsd = Process.Start(new ProcessStartInfo("nsd", ["-c", Path.Combine(dir, "nsd.conf")]) { RedirectStandardError = true })!)
            {
                nsd.WaitForExit();
            }

            var pidFile = Path.Combine(dir, "nsd.pid");
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline)
            {
                if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && Answers(port, tld))
                {
                    return new NsdServer(dir, port, pid);
                }

                Thread.Sleep(50);
            }

            if (attempt == 2)
            {
                var logFile = Path.Combine(dir, "nsd.log");
                var log = File.Exists(logFile) ? File.ReadAllText(logFile) : "(no log)";

                // Not left behind: an nsd that started but never answered, and the folder.
                var stray = File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var started) ? started : -1;
                new NsdServer(dir, port, stray).Dispose();
                throw new InvalidOperationException($"nsd did not start: {log}");
            }
        }
    }

    // An SOA query for the apex, answered: NSD has loaded the zone.
    private static bool Answers(int port, string tld)
    {
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 200 };
        udp.Connect(IPAddress.Loopback, port);
        var q = new List<byte> { 0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in tld.Split('.'))
        {
            q.Add((byte)label.Length);
            q.AddRange(Encoding.ASCII.GetBytes(label));
        }

        q.AddRange([0, 0, 6, 0, 1]);
        udp.Send(q.ToArray());
        var buffer = new byte[512];
        try
        {
            return udp.Receive(buffer) > 12 && (buffer[3] & 0xF) == 0;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        while (true)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken for TCP: draw another.
            }
        }
    }

    public void Dispose()
    {
        try
        {
            using var p = Process.GetProcessById(_pid);
            p.Kill();
            p.WaitForExit(5000);
        }
        catch (ArgumentException)
        {
            // Already gone.
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
