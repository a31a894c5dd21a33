using System.Diagnostics;
using System.Globalization;
using System.Net;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Sources;
using Landrush.Harvest.Store;
using Landrush.Harvest.Whois;

/// <summary>
/// <c>harvest-dns PORT SPACE [PASSES] [STORE]</c>: the harvest's whole DNS stage (<see cref="Harvester"/>: the sweep, the
/// outcomes and replies written to a fresh store in batches, the progress reports) against the DNS server on
/// 127.0.0.1:PORT, no rate cap; each pass stops when the WHOIS stage begins (its server is a closed port on
/// loopback, never asked for real). Prints one line per pass: the stage's wall time, names/s, progress reports and
/// how many of them showed more outcomes (delegated + absent) than names done (should be 0). STORE is <c>sqlite</c> (the
/// default: a fresh file per pass) or <c>postgres://USER@HOST:PORT/DB</c> of a server where USER may create databases:
/// each pass gets a fresh database beside DB, dropped afterwards.
/// </summary>
internal static class HarvestDnsBenchmark
{
    public static int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var port = int.Parse(args[0], inv);
        var space = NameSpace.Parse(args[1]);
        var passes = args.Length > 2 ? int.Parse(args[2], inv) : 3;
        var kind = args.Length > 3 ? args[3] : "sqlite";
        var bad = 0;
        for (var pass = 1; pass <= passes; pass++)
        {
            var dir = Directory.CreateTempSubdirectory("landrush-harvest-dns-");
            try
            {
                using var fresh = FreshStore(kind, dir.FullName, pass);
                var store = fresh.Store;
                var options = new HarvestOptions
                {
                    Space = space,
                    Tld = "nl",
                    Dns = new DnsSweepOptions
                    {
                        Servers = [new IPEndPoint(IPAddress.Loopback, port)],
                        QueriesPerSecond = 0,
                        Timeout = TimeSpan.FromMilliseconds(500),
                    },
                };
                // Port 1 on loopback: nothing listens; the pass is cancelled at the WHOIS stage's first report anyway.
                var source = new WhoisSource(new WhoisClient(new WhoisClientOptions { Host = "127.0.0.1", Port = 1 }));
                long reports = 0, ahead = 0;
                HarvestProgress? last = null;
                using var stop = new CancellationTokenSource();
                GC.Collect();
                var watch = Stopwatch.StartNew();
                var stage = TimeSpan.Zero;
                try
                {
                    new Harvester(options, store, source).RunAsync(p =>
                    {
                        if (p.Stage != "dns")
                        {
                            stage = stage == TimeSpan.Zero ? watch.Elapsed : stage;
                            stop.Cancel();
                            return;
                        }

                        reports++;
                        ahead += p.Delegated + p.Absent > p.Done ? 1 : 0;
                        last = p;
                    }, stop.Token).GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    // The WHOIS stage began: the DNS stage is over.
                }

                stage = stage == TimeSpan.Zero ? watch.Elapsed : stage;
                bad += ahead > 0 ? 1 : 0;
                Console.WriteLine(string.Create(inv,
                    $"harvest dns stage ({(kind == "sqlite" ? "SQLite" : "PostgreSQL")}) pass {pass}: {space.Count:N0} names in {stage.TotalSeconds:0.000} s = {space.Count / stage.TotalSeconds:N0} names/s " +
                    $"(stored {store.States().Count:N0}, delegated {last?.Delegated:N0}, absent {last?.Absent:N0}); " +
                    $"{reports} progress reports, {ahead} with delegated+absent > done"));
            }
            finally
            {
                dir.Delete(recursive: true);
            }
        }

        return bad == 0 ? 0 : 1;
    }

    private sealed class Fresh(IHarvestStore store, Action drop) : IDisposable
    {
        public IHarvestStore Store { get; } = store;

        public void Dispose()
        {
            Store.Dispose();
            drop();
        }
    }

    private static Fresh FreshStore(string kind, string dir, int pass)
    {
        if (kind == "sqlite")
        {
            return new Fresh(SqliteHarvestStore.Open(Path.Combine(dir, "store.db")), () => { });
        }

        var url = kind[..(kind.LastIndexOf('/') + 1)];
        var name = $"landrush_bench_{Environment.ProcessId}_{pass}";
        void Admin(string sql)
        {
            using var admin = HarvestStoresAdmin.Connect(url + "postgres");
            using var cmd = admin.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }

        Admin($"CREATE DATABASE {name}");
        return new Fresh(HarvestStores.Open(url + name), () => Admin($"DROP DATABASE {name}"));
    }
}
