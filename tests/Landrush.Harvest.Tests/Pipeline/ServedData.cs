using System.Net;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Sources;
using Landrush.Harvest.Store;
using Landrush.Harvest.Whois;
using Landrush.Simulator;
using Landrush.Simulator.Whois;

namespace Landrush.Harvest.Tests.Pipeline;

/// <summary>The committed synthetic reconstruction, and slices of it small enough for a unit test.</summary>
internal static class ServedData
{
    public static string Root => RepositoryFiles.Root;

    private static readonly Lazy<RegistryDataset> Full = new(() =>
    {
        using var stream = File.OpenRead(Path.Combine(Root, "data", "nl-2008-reconstruction.csv"));
        return RegistryCsv.Read(stream, "nl-2008-reconstruction.csv");
    });

    /// <summary>The rows of the reconstruction whose labels are in <paramref name="spec"/>, as a dataset of that space.</summary>
    public static RegistryDataset Slice(string spec)
    {
        var space = NameSpace.Parse(spec);
        var rows = Full.Value.Records.Where(r => space.Contains(r.Name.Label)).ToList();
        return new RegistryDataset(Full.Value.Header with { Space = space }, rows);
    }

    public static Task<RegistrySimulator> StartAsync(RegistryDataset data, WhoisServerOptions? whois = null) =>
        RegistrySimulator.StartAsync(new RegistrySimulatorOptions
        {
            Dataset = data,
            DatasetName = "nl-2008-reconstruction.csv",
            Whois = whois ?? new WhoisServerOptions { RatePerSecond = null, DailyLimit = null },
        });

    public static Harvester Harvester(RegistrySimulator sim, IHarvestStore store, string spec, Func<HarvestOptions, HarvestOptions>? tune = null)
    {
        var options = new HarvestOptions
        {
            Space = NameSpace.Parse(spec),
            Tld = "nl",
            Dns = new DnsSweepOptions { Servers = [sim.DnsEndPoint!], QueriesPerSecond = 0, Timeout = TimeSpan.FromMilliseconds(500), Seed = 1 },
            WhoisRate = 2000,
            WhoisConcurrency = 8,
            RetryDelay = TimeSpan.FromMilliseconds(20),
        };
        var client = new WhoisClient(new WhoisClientOptions
        {
            Host = IPAddress.Loopback.ToString(),
            Port = sim.WhoisEndPoint!.Port,
            ReadTimeout = TimeSpan.FromSeconds(2),
            OverallTimeout = TimeSpan.FromSeconds(5),
        });
        return new Harvester(tune?.Invoke(options) ?? options, store, new WhoisSource(client));
    }

    /// <summary>The fields the exact test compares: everything but where and when the row came from.</summary>
    public static object Facts(RegistryRecord r) => (r.Name, r.Status, r.Registrar, r.RegistrantHandle, r.RegistrantName, r.AdminHandle,
        string.Join(';', r.NameServerList), r.Created, r.Updated);
}
