using System.Diagnostics;
using System.Globalization;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Store;

/// <summary>
/// <c>store-dns STORE [NAMES]</c>: the store alone taking a DNS sweep's outcomes (a 93-byte reply each, nine in ten absent),
/// in batches of 5,000 as the harvester writes them, into a fresh store (<c>sqlite</c>, or a <c>postgres://</c> URL of a
/// database that may be emptied). Prints names/s by wall clock and by the process's CPU time.
/// </summary>
internal static class StoreDnsBenchmark
{
    public static int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var kind = args[0];
        var count = args.Length > 1 ? int.Parse(args[1], inv) : 111_110;
        var dir = Directory.CreateTempSubdirectory("landrush-store-dns-");
        try
        {
            using var store = kind == "sqlite" ? SqliteHarvestStore.Open(Path.Combine(dir.FullName, "s.db")) : HarvestStores.Open(kind);
            store.Begin(new HarvestPlan("digits:1-7", "nl", "1/1", "whois", 0, 16, "127.0.0.1:53", "127.0.0.1:43"));
            var raw = new byte[93];
            var batches = Enumerable.Range(0, (count + 4999) / 5000).Select(b => Enumerable.Range(b * 5000, Math.Min(5000, count - (b * 5000)))
                .Select(i => new DnsObservation(i, $"{i}.nl", i % 10 == 0 ? DnsOutcome.Delegated : DnsOutcome.Absent, "127.0.0.1:53", DateTimeOffset.UtcNow, (byte[])raw.Clone())).ToList()).ToList();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            foreach (var b in batches)
            {
                store.SaveDns(b);
            }

            var wall = watch.Elapsed.TotalSeconds;
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(inv, $"store-dns {(kind == "sqlite" ? "SQLite" : "PostgreSQL")}: {count:N0} names in {wall:0.000} s = {count / wall:N0} names/s wall; this process's CPU {used:0.000} s = {count / used:N0} names per CPU-second"));
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
