using System.Collections.Concurrent;
using System.Net;
using Landrush.Core.Dataset;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Sources;
using Landrush.Harvest.Store;
using Landrush.Harvest.Whois;
using Landrush.Simulator;
using Landrush.Simulator.Whois;

namespace Landrush.Harvest.Tests.Pipeline;

/// <summary>Several workers on one PostgreSQL store against the simulator, each from its own loopback address.</summary>
public sealed class SharedStoreHarvestTests
{
    private static Harvester Worker(RegistrySimulator sim, IHarvestStore store, string name, string address, string spec, double rate, TimeSpan? lease = null)
    {
        var local = IPAddress.Parse(address);
        var h = ServedData.Harvester(sim, store, spec, o => o with
        {
            Worker = name,
            SourceAddress = local,
            WhoisRate = rate,
            WhoisConcurrency = 4,
            Lease = lease ?? TimeSpan.FromSeconds(60),
            Dns = o.Dns with { LocalAddress = local },
        });
        var client = new WhoisClient(new WhoisClientOptions
        {
            Host = "127.0.0.1",
            Port = sim.WhoisEndPoint!.Port,
            LocalAddress = local,
            ReadTimeout = TimeSpan.FromSeconds(2),
            OverallTimeout = TimeSpan.FromSeconds(5),
        });
        return new Harvester(h.Options, store, new WhoisSource(client));
    }

    [SkippableFact]
    public async Task Three_workers_each_within_their_addresses_limit_harvest_every_name_once()
    {
        var url = PostgresServer.Get().NewDatabase();
        var data = ServedData.Slice("digits:1-3");
        var log = new ConcurrentQueue<WhoisQueryLogEntry>();
        await using var sim = await RegistrySimulator.StartAsync(new RegistrySimulatorOptions
        {
            Dataset = data,
            DatasetName = "nl-2008-reconstruction.csv",
            // Per client address, as SIDN: 100/s each, with room for a loaded machine's jitter in when the server sees a query.
            Whois = new WhoisServerOptions { RatePerSecond = 100, Burst = 5, DailyLimit = null },
            OnWhoisQuery = log.Enqueue,
        });

        var stores = Enumerable.Range(0, 3).Select(_ => HarvestStores.Open(url)).ToList();
        try
        {
            var results = await Task.WhenAll(stores.Select((s, i) => Worker(sim, s, $"w{i + 2}", $"127.0.0.{i + 2}", "digits:1-3", 90).RunAsync()));
            Assert.All(results, r => Assert.True(r.Completed, r.FirstFailure));
            var (header, rows) = HarvestExport.Build(stores[0]);
            Assert.Equal(data.Records.Select(ServedData.Facts), rows.Select(ServedData.Facts));

            var registered = data.Records.Count(r => r.IsRegistered);
            Assert.Equal(registered, log.Count(e => e.Answer == WhoisAnswer.Record));
            Assert.Equal(0, log.Count(e => e.Answer == WhoisAnswer.Throttle));
            // Every name asked once, by one worker; and each worker's queries came from its own address only.
            Assert.All(log.GroupBy(e => e.Query), g => Assert.Single(g));
            var byAddress = log.GroupBy(e => e.Client.ToString()).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(["127.0.0.2", "127.0.0.3", "127.0.0.4"], byAddress.Keys.Order());
            Assert.All(byAddress.Values, n => Assert.True(n > registered / 10, $"a worker asked only {n} of {registered}"));
            var politeness = stores[0].Workers();
            Assert.Equal(byAddress.Values.Sum(), politeness.Sum(w => w.WhoisQueries));
            Assert.All(politeness, w => Assert.Equal(byAddress[w.SourceAddress!], w.WhoisQueries));
            Assert.Equal(data.Records.Count, politeness.Sum(w => w.DnsNames));
        }
        finally
        {
            stores.ForEach(s => s.Dispose());
        }
    }

    [SkippableFact]
    public async Task A_dead_workers_claims_return_when_its_leases_expire_and_nothing_is_lost()
    {
        var url = PostgresServer.Get().NewDatabase();
        var data = ServedData.Slice("digits:1-2");
        await using var sim = await ServedData.StartAsync(data);
        using var live = HarvestStores.Open(url);
        var plan = Worker(sim, live, "live", "127.0.0.2", "digits:1-2", 500).Plan;

        // A worker that claims the only DNS block and a batch of names, stores one DNS outcome, and dies (no release).
        using (var dead = HarvestStores.Open(url))
        {
            dead.Begin(plan);
            dead.Join(new HarvestWorker("dead", "127.0.0.3", "elsewhere", 1, 1), TimeSpan.FromSeconds(2));
            var block = dead.ClaimDns()!;
            dead.SaveDns([new DnsObservation(0, "0.nl", Landrush.Harvest.Dns.DnsOutcome.Delegated, "127.0.0.1:53", DateTimeOffset.UtcNow, new byte[] { 1 })]);
            Assert.Equal(0, block.Number);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await Worker(sim, live, "live", "127.0.0.2", "digits:1-2", 500, TimeSpan.FromSeconds(2)).RunAsync();
        Assert.True(result.Completed, result.FirstFailure);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.5), $"finished in {watch.Elapsed} without waiting for the dead worker's lease");
        Assert.Equal(data.Records.Select(ServedData.Facts), HarvestExport.Build(live).Rows.Select(ServedData.Facts));
        Assert.Single(live.Replies("0.nl"), r => r.Source == "dns");
    }
}
