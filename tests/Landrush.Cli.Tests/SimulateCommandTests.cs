using System.Net;
using System.Net.Sockets;
using System.Text;
using Landrush.Core.Whois;

namespace Landrush.Cli.Tests;

public class SimulateCommandTests
{
    private const string Dataset =
        "#landrush-dataset v1 space=digits:1-4 tld=nl provenance=synthetic-test\n" +
        "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref\n" +
        "1234.nl,4,active,Registrar 01 (synthetic),ABC000001-SYNTH,Registrant 1 (synthetic),DEF000001-SYNTH,ns1.1234.nl;ns2.p.example,2008-02-28,2008-02-29,reconstruction,,\n" +
        "1.nl,1,free,,,,,,,,reconstruction,,\n" +
        "22.nl,2,inactive,Registrar 02 (synthetic),,,,,2008-02-28,,reconstruction,,\n";

    [Fact]
    public async Task Zonefile_writes_the_zone_with_delegations_glue_and_a_synthetic_label()
    {
        var data = await WriteTemp(Dataset);
        var zone = Path.Combine(Path.GetTempPath(), $"landrush-{Guid.NewGuid():N}.zone");
        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("zonefile", "--data", data, "--out", zone);
            Assert.True(code == 0, stderr);
            Assert.Contains("1 delegations (SYNTHETIC data)", stdout, StringComparison.Ordinal);
            var lines = await File.ReadAllLinesAsync(zone);
            Assert.Contains(lines, l => l.StartsWith("; SYNTHETIC", StringComparison.Ordinal));
            Assert.Contains("nl.\t3600\tIN\tSOA\tns1.registry-simulator.example. hostmaster.registry-simulator.example. 2008022901 3600 600 2419200 600", lines);
            Assert.Contains("1234.nl.\t3600\tIN\tNS\tns1.1234.nl.", lines);
            Assert.Contains("1234.nl.\t3600\tIN\tNS\tns2.p.example.", lines);
            Assert.Contains(lines, l => l.StartsWith("ns1.1234.nl.\t3600\tIN\tA\t", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("ns1.1234.nl.\t3600\tIN\tAAAA\t2001:db8:", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.StartsWith("22.nl.", StringComparison.Ordinal) || l.StartsWith("1.nl.", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(data);
            File.Delete(zone);
        }
    }

    [Fact]
    public async Task Simulate_prints_its_endpoints_serves_until_cancelled_and_stops_cleanly()
    {
        var data = await WriteTemp(Dataset);
        var log = Path.GetTempFileName();
        try
        {
            using var stdout = new SyncWriter();
            using var stderr = new StringWriter();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var run = LandrushCli.RunAsync(["simulate", "--data", data, "--whois-rate", "off", "--log", log, "--seed", "9"], stdout, stderr, cts.Token);
            while (!stdout.Text.Contains("running", StringComparison.Ordinal))
            {
                Assert.False(run.IsCompleted, stderr.ToString());
                await Task.Delay(50);
            }

            var text = stdout.Text;
            Assert.Contains("SYNTHETIC data (synthetic-test)", text, StringComparison.Ordinal);
            Assert.Contains("seed 9", text, StringComparison.Ordinal);
            var whois = IPEndPoint.Parse(text.Split('\n').Single(l => l.StartsWith("whois: ", StringComparison.Ordinal)).Split(' ')[1]);
            Assert.Equal(IPAddress.Loopback, whois.Address);
            Assert.Contains(text.Split('\n'), l => l.StartsWith("dns: 127.0.0.1:", StringComparison.Ordinal));

            using (var client = new TcpClient())
            {
                await client.ConnectAsync(whois);
                var stream = client.GetStream();
                await stream.WriteAsync("1234.nl\r\n"u8.ToArray());
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var reply = WhoisParser.Parse(await reader.ReadToEndAsync());
                Assert.Equal(ReplyClass.Registered, reply.Class);
                Assert.Equal("ABC000001-SYNTH", reply.Record!.RegistrantHandle);
            }

            // Ctrl-C (the host cancels the token) is how the simulator stops: servers closed, exit 130 as for every command.
            await cts.CancelAsync();
            Assert.Equal(LandrushCli.Cancelled, await run);
            Assert.EndsWith("stopped", stdout.Text.TrimEnd(), StringComparison.Ordinal);
            Assert.EndsWith("\t127.0.0.1\t1234.nl\trecord", (await File.ReadAllTextAsync(log)).TrimEnd(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(data);
            File.Delete(log);
        }
    }

    [Fact]
    public async Task An_invalid_dataset_is_its_validation_error_and_exit_code_2()
    {
        var data = await WriteTemp(Dataset.Replace("2008-02-29", "2008-02-30", StringComparison.Ordinal));
        try
        {
            var (code, _, stderr) = await CliRunner.RunAsync("simulate", "--data", data);
            Assert.Equal(2, code);
            Assert.Equal($"landrush: error: {data}:3: column 'updated': malformed date '2008-02-30' (want yyyy-MM-dd)", stderr.TrimEnd());
        }
        finally
        {
            File.Delete(data);
        }
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_code_1()
    {
        var data = await WriteTemp(Dataset);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString();
            var (code, _, stderr) = await CliRunner.RunAsync("simulate", "--data", data, "--whois-port", port);
            Assert.Equal(1, code);
            var line = Assert.Single(stderr.TrimEnd().Split('\n'));
            Assert.StartsWith($"landrush: error: WHOIS server cannot listen on 127.0.0.1:{port}", line, StringComparison.Ordinal);
        }
        finally
        {
            taken.Stop();
            File.Delete(data);
        }
    }

    [Theory]
    [InlineData("--era", "1999")]
    [InlineData("--whois-rate", "fast")]
    [InlineData("--whois-daily", "-3")]
    [InlineData("--whois-burst", "0")]
    [InlineData("--whois-tolerance", "-1")]
    [InlineData("--whois-tolerance", "soft")]
    [InlineData("--faults", "busy=7")]
    [InlineData("--bind", "localhost.example")]
    public async Task Bad_options_are_bad_input(string option, string value)
    {
        var data = await WriteTemp(Dataset);
        try
        {
            var (code, _, stderr) = await CliRunner.RunAsync("simulate", "--data", data, option, value);
            Assert.Equal(2, code);
            Assert.StartsWith("landrush: error: ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(data);
        }
    }

    private static async Task<string> WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"landrush-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    /// <summary>A writer the test may read while the command writes from another thread.</summary>
    private sealed class SyncWriter : StringWriter
    {
        private readonly Lock _lock = new();

        public string Text
        {
            get
            {
                lock (_lock)
                {
                    return ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            lock (_lock)
            {
                base.WriteLine(value);
            }

            return Task.CompletedTask;
        }
    }
}
