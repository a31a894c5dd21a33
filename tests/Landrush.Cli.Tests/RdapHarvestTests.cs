using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Landrush.Cli.Files;
using Landrush.Core.Dataset;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Store;
using Landrush.Simulator;
using Landrush.Simulator.Whois;

namespace Landrush.Cli.Tests;

/// <summary>
/// <c>harvest --source rdap</c>: DNS from the simulator, facts from a small RDAP server on 127.0.0.1 that
/// renders the served rows as RFC 9083 domain objects (the simulator serves no RDAP).
/// </summary>
public sealed class RdapHarvestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-cli-rdap-").FullName;

    [Fact]
    public async Task A_harvest_over_rdap_exports_the_served_facts_with_source_rdap()
    {
        var data = DatasetFile.Read(Path.Combine(RepositoryFiles.Root, "data", "nl-2008-reconstruction.csv"));
        var rows = data.Records.Where(r => r.Length == 2).ToDictionary(r => r.Name.ToString());
        await using var sim = await RegistrySimulator.StartAsync(new RegistrySimulatorOptions
        {
            Dataset = data,
            DatasetName = "nl-2008-reconstruction.csv",
            Whois = new WhoisServerOptions { RatePerSecond = null, DailyLimit = null },
        });
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var asked = 0;
        var server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref asked);
                await Answer(client, rows, stop.Token);
            }
        });

        var store = Path.Combine(_dir, "rdap.db");
        var (code, output, err) = await CliRunner.RunAsync("harvest", "--space", "digits:2", "--store", store,
            "--dns", $"127.0.0.1:{sim.DnsEndPoint!.Port}", "--source", "rdap", "--rdap", $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/",
            "--whois-rate", "2000");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server);
        Assert.True(code == 0, err);
        Assert.Contains("RDAP http://127.0.0.1:", err);

        var registered = rows.Values.Count(r => r.IsRegistered);
        Assert.Equal(registered, asked);
        using var s = SqliteHarvestStore.Open(store, mustExist: true);
        var (header, exported) = HarvestExport.Build(s);
        // The simulator's DNS server says the served dataset is synthetic, whatever answers the RDAP queries.
        Assert.StartsWith("synthetic-harvest:source=rdap:server=http://127.0.0.1:", header.Provenance);
        Assert.Equal(rows.Values.OrderBy(r => r.Name.ToString(), StringComparer.Ordinal).Select(r => (r.Name, r.Status, r.Registrar, r.RegistrantHandle, r.Created)),
            exported.OrderBy(r => r.Name.ToString(), StringComparer.Ordinal).Select(r => (r.Name, r.Status, r.Registrar, r.RegistrantHandle, r.Created)));
        Assert.All(exported.Where(r => r.IsRegistered), r => Assert.Equal(RecordSource.Rdap, r.Source));
    }

    /// <summary>One HTTP/1.1 exchange: <c>GET /domain/NAME</c> → the row as a domain object, or 404 when free.</summary>
    private static async Task Answer(TcpClient client, Dictionary<string, RegistryRecord> rows, CancellationToken ct)
    {
        var stream = client.GetStream();
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, ct) > 0)
        {
            head.Append((char)one[0]);
        }

        var path = head.ToString().Split(' ')[1];
        var name = path[(path.LastIndexOf('/') + 1)..];
        string status, body;
        if (rows.TryGetValue(name, out var r) && r.IsRegistered)
        {
            status = "200 OK";
            body = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["objectClassName"] = "domain",
                ["ldhName"] = r.Name.ToString(),
                ["status"] = new[] { "active" },
                ["entities"] = new object[]
                {
                    new Dictionary<string, object?> { ["objectClassName"] = "entity", ["roles"] = new[] { "registrar" }, ["vcardArray"] = Card(r.Registrar!) },
                    new Dictionary<string, object?> { ["objectClassName"] = "entity", ["roles"] = new[] { "registrant" }, ["handle"] = r.RegistrantHandle, ["vcardArray"] = Card(r.RegistrantName ?? "x") },
                },
                ["nameservers"] = r.NameServerList.Select(n => new Dictionary<string, object?> { ["objectClassName"] = "nameserver", ["ldhName"] = n }).ToArray(),
                ["events"] = new[] { new Dictionary<string, object?> { ["eventAction"] = "registration", ["eventDate"] = $"{r.Created:yyyy-MM-dd}T00:00:00Z" } },
            });
        }
        else
        {
            status = "404 Not Found";
            body = """{"errorCode":404,"title":"not found"}""";
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: application/rdap+json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"), ct);
        await stream.WriteAsync(bytes, ct);
    }

    private static object[] Card(string fn) => ["vcard", new object[] { new object[] { "version", new { }, "text", "4.0" }, new object[] { "fn", new { }, "text", fn } }];

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
