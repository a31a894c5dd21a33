using System.Diagnostics;
using System.Globalization;
using System.Net;
using Landrush.Harvest.Dns;

/// <summary>
/// <c>dns-sweep PORT NAMES-FILE DELEGATED-FILE [PASSES]</c>: sweeps every name of NAMES-FILE (one a line)
/// against the DNS server on 127.0.0.1:PORT, PASSES times (the first also warms the JIT), unlimited rate,
/// and checks every outcome against DELEGATED-FILE (the delegated names). Prints one line per pass.
/// </summary>
internal static class DnsSweepBenchmark
{
    public static int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var port = int.Parse(args[0], inv);
        var names = File.ReadAllLines(args[1]);
        var delegated = File.ReadAllLines(args[2]).ToHashSet(StringComparer.Ordinal);
        var passes = args.Length > 3 ? int.Parse(args[3], inv) : 3;
        var sockets = args.Length > 4 ? int.Parse(args[4], inv) : 2;
        var window = args.Length > 5 ? int.Parse(args[5], inv) : 250;
        var options = new DnsSweepOptions
        {
            Servers = [new IPEndPoint(IPAddress.Loopback, port)],
            QueriesPerSecond = 0,
            Sockets = sockets,
            Window = window,
            Timeout = TimeSpan.FromMilliseconds(500),
            RandomIds = false,
        };
        var wrong = 0;
        for (var pass = 1; pass <= passes; pass++)
        {
            var outcomes = new DnsOutcome[names.Length];
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var stats = new DnsSweeper(options).Sweep(names, (i, outcome, _, _) => outcomes[i] = outcome);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            wrong = names.Select((n, i) => outcomes[i] == (delegated.Contains(n) ? DnsOutcome.Delegated : DnsOutcome.Absent) ? 0 : 1).Sum();
            Console.WriteLine(string.Create(inv,
                $"dns sweep pass {pass}: {names.Length:N0} names in {stats.Elapsed.TotalSeconds:0.000} s = {stats.NamesPerSecond:N0} names/s, " +
                $"{stats.Sent:N0} sent, {stats.Retries:N0} retries, {stats.Rejected:N0} rejected, {stats.Delegated:N0} delegated, " +
                $"{stats.Absent:N0} absent, {stats.Unknown:N0} unknown, {wrong} wrong, {allocated / 1024.0 / 1024:0.0} MB allocated " +
                $"({sockets} sockets x {window} in flight)"));
        }

        return wrong == 0 ? 0 : 1;
    }
}
