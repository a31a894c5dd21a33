using Landrush.Cli.Files;
using Landrush.Core.Dataset;
using Landrush.Simulator;
using Landrush.Simulator.Whois;

namespace Landrush.Cli.Tests;

public sealed class HarvestCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-cli-harvest-").FullName;

    private static string Root => RepositoryFiles.Root;

    [Fact]
    public async Task Harvest_export_and_raw_against_the_simulator()
    {
        var data = DatasetFile.Read(Path.Combine(Root, "data", "nl-2008-reconstruction.csv"));
        await using var sim = await RegistrySimulator.StartAsync(new RegistrySimulatorOptions
        {
            Dataset = data,
            DatasetName = "nl-2008-reconstruction.csv",
            Whois = new WhoisServerOptions { RatePerSecond = null, DailyLimit = null },
        });
        var store = Path.Combine(_dir, "h.db");
        string[] args = ["harvest", "--space", "digits:1", "--store", store, "--dns", $"127.0.0.1:{sim.DnsEndPoint!.Port}",
            "--whois", $"127.0.0.1:{sim.WhoisEndPoint!.Port}", "--whois-rate", "200"];
        var (code, output, err) = await CliRunner.RunAsync(args);
        Assert.True(code == 0, err);
        Assert.Contains("names 10: DNS delegated 10", output);

        // Resumed: nothing left to ask.
        (code, output, _) = await CliRunner.RunAsync(args);
        Assert.Equal(0, code);
        Assert.Contains("WHOIS asked 0 times", output);

        var csv = Path.Combine(_dir, "out.csv");
        (code, output, err) = await CliRunner.RunAsync("export", "--store", store, "--out", csv);
        Assert.True(code == 0, err);
        Assert.Contains("SYNTHETIC", output);
        using var stream = File.OpenRead(csv);
        var exported = RegistryCsv.Read(stream, csv);
        Assert.True(exported.Header.IsSynthetic);
        var served = data.Records.Where(r => r.Length == 1).ToList();
        Assert.Equal(served.Select(r => (r.Name, r.Status, r.RegistrantHandle, r.Created)), exported.Records.Select(r => (r.Name, r.Status, r.RegistrantHandle, r.Created)));

        (code, output, _) = await CliRunner.RunAsync("raw", "--store", store, exported.Records[3].RawRef!);
        Assert.Equal(0, code);
        Assert.Contains("3.nl", output);
        Assert.Contains("Landrush registry simulator", output);
    }

    [Fact]
    public async Task A_server_not_on_loopback_needs_accept_terms()
    {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never contacted, the command refuses before any network.
        var (code, _, err) = await CliRunner.RunAsync("harvest", "--space", "digits:1", "--store", Path.Combine(_dir, "x.db"),
            "--dns", "127.0.0.1:9", "--whois", "192.0.2.1:43");
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("--accept-terms", err);
        Assert.False(File.Exists(Path.Combine(_dir, "x.db")));
    }

    [Fact]
    public async Task Without_dns_or_resolver_the_TLDs_own_servers_need_accept_terms_before_any_lookup()
    {
        var (code, _, err) = await CliRunner.RunAsync("harvest", "--space", "digits:1", "--store", Path.Combine(_dir, "x.db"), "--whois", "127.0.0.1:9");
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("--accept-terms", err);
        Assert.False(File.Exists(Path.Combine(_dir, "x.db")));
    }

    [Fact]
    public async Task A_resolver_that_does_not_answer_is_one_line_and_exit_1()
    {
        using var silent = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        silent.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var (code, _, err) = await CliRunner.RunAsync("harvest", "--space", "digits:1", "--store", Path.Combine(_dir, "x.db"),
            "--resolver", silent.LocalEndPoint!.ToString()!, "--whois", "127.0.0.1:9");
        Assert.Equal(1, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith("landrush: error: cannot find the servers of .nl: 127.0.0.1:", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--shard", "3/2", "bad shard '3/2'")]
    [InlineData("--whois-rate", "0", "--whois-rate 0: must be at least one query a day (1.16E-05/s)")]
    [InlineData("--whois-rate", "1e-9", "--whois-rate 1E-09: must be at least one query a day")]
    [InlineData("--whois-rate", "0,5", "option '--whois-rate': '0,5' is not a number (write a decimal point, not a comma)")]
    [InlineData("--dns-qps", "-1", "--dns-qps -1: must be 0 (no cap) or at least one query a day")]
    [InlineData("--dns-qps", "1e-300", "--dns-qps 1E-300: must be 0 (no cap) or at least one query a day")]
    [InlineData("--dns-qps", "1,5", "option '--dns-qps': '1,5' is not a number")]
    [InlineData("--verify-absent", "-5", "--verify-absent -5: must be 0 or more")]
    [InlineData("--whois-concurrency", "0", "--whois-concurrency must be 1 to 256")]
    public async Task A_bad_option_is_exit_2_before_any_lookup(string option, string value, string message)
    {
        // A resolver that never answers: had the harvest asked it first, this would be a resolver error, exit 1.
        using var silent = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        silent.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var (code, _, err) = await CliRunner.RunAsync("harvest", "--space", "digits:1", "--store", Path.Combine(_dir, "x.db"),
            "--resolver", silent.LocalEndPoint!.ToString()!, "--whois", "127.0.0.1:9", option, value);
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains(message, err);
        Assert.Equal(0, silent.Available);
        Assert.False(File.Exists(Path.Combine(_dir, "x.db")));
    }

    [Fact]
    public async Task Raw_all_about_a_name_the_store_never_asked_is_one_line_and_exit_2()
    {
        var path = Path.Combine(_dir, "s.db");
        using (var store = Landrush.Harvest.Store.SqliteHarvestStore.Open(path))
        {
            store.Begin(new Landrush.Harvest.Store.HarvestPlan("digits:1", "nl", "1/1", "whois", 0, 16, "127.0.0.1:53", "127.0.0.1:43"));
        }

        foreach (var args in new[] { new[] { "raw", "--store", path, "7.nl", "--all" }, ["raw", "--store", path, "7.nl"] })
        {
            var (code, output, err) = await CliRunner.RunAsync(args);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Contains("no reply about '7.nl'", err);
        }
    }

    [Fact]
    public async Task Raw_all_about_the_tld_lists_the_dns_servers_notice_as_the_docs_say()
    {
        var path = Path.Combine(_dir, "n.db");
        using (var store = Landrush.Harvest.Store.SqliteHarvestStore.Open(path))
        {
            store.Begin(new Landrush.Harvest.Store.HarvestPlan("digits:1", "nl", "1/1", "whois", 0, 16, "127.0.0.1:53", "127.0.0.1:43"));
            store.SaveNotice(new Landrush.Harvest.Store.StoredReply(0, -1, "nl", "dns", "127.0.0.1:53", DateTimeOffset.UnixEpoch, "notice", "a notice",
                System.Text.Encoding.UTF8.GetBytes("SIMULATOR notice")));
        }

        var (code, output, err) = await CliRunner.RunAsync("raw", "--store", path, "--all", "nl");
        Assert.True(code == 0, err);
        Assert.Matches(@"^raw/nl/\d+\t1970-01-01T00:00:00.000Z\tdns\t127.0.0.1:53\tnotice\t16 bytes\n$", output);
        (code, output, _) = await CliRunner.RunAsync("raw", "--store", path, "NL");
        Assert.Equal((0, "SIMULATOR notice"), (code, output.TrimEnd()));
    }

    [Fact]
    public async Task Raw_all_writes_its_times_the_same_under_a_culture_with_another_time_separator()
    {
        // The time was formatted with the current culture, whose time separator (here a point) replaced the colons.
        var path = Path.Combine(_dir, "c.db");
        using (var store = Landrush.Harvest.Store.SqliteHarvestStore.Open(path))
        {
            store.Begin(new Landrush.Harvest.Store.HarvestPlan("digits:1", "nl", "1/1", "whois", 0, 16, "127.0.0.1:53", "127.0.0.1:43"));
            store.SaveNotice(new Landrush.Harvest.Store.StoredReply(0, -1, "nl", "dns", "127.0.0.1:53", DateTimeOffset.UnixEpoch.AddHours(13.5), "notice", "a notice",
                System.Text.Encoding.UTF8.GetBytes("SIMULATOR notice")));
        }

        var (code, output, err) = await CommaCulture.RunAsync(() => CliRunner.RunAsync("raw", "--store", path, "--all", "nl"));

        Assert.True(code == 0, err);
        Assert.Matches(@"^raw/nl/\d+\t1970-01-01T13:30:00.000Z\tdns\t127.0.0.1:53\tnotice\t16 bytes\n$", output);
    }

    [Fact]
    public async Task A_corrupt_store_is_one_line_and_exit_2()
    {
        var path = Path.Combine(_dir, "bad.db");
        await File.WriteAllTextAsync(path, new string('x', 5000));
        var (code, _, err) = await CliRunner.RunAsync("export", "--store", path, "--out", Path.Combine(_dir, "o.csv"));
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("not a harvest store", err);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
