using System.Collections.Concurrent;
using System.Text;
using ARSoft.Tools.Net.Dns;
using Landrush.Core.Whois;
using Landrush.Simulator.Dns;
using Landrush.Simulator.Faults;
using Landrush.Simulator.Whois;
using Xunit.Abstractions;

namespace Landrush.Simulator.Tests;

/// <summary>
/// Each injected fault is seen by a client at its configured rate, within 4 standard errors of the
/// binomial proportion (sqrt(p(1-p)/n)), and the same seed gives the same faults.
/// </summary>
public class FaultRateTests(ITestOutputHelper output)
{
    private const int Queries = 2000;

    private void AssertRate(string what, int observed, int n, double p)
    {
        var se = Math.Sqrt(p * (1 - p) / n);
        var rate = (double)observed / n;
        output.WriteLine($"{what}: {observed}/{n} = {rate:F4}, configured {p}, 4 SE = {4 * se:F4}");
        Assert.InRange(rate, p - (4 * se), p + (4 * se));
    }

    [Fact]
    public async Task Every_WHOIS_fault_is_observed_at_its_configured_rate()
    {
        var spec = FaultSpec.Parse("reset=0.05,trickle=0.03,empty=0.05,garbled=0.05,truncated=0.05,busy=0.05,latency=0.1:1500ms-1600ms");
        const ulong seed = 15;
        output.WriteLine($"seed {seed}");
        var log = new ConcurrentQueue<WhoisQueryLogEntry>();
        await using var sim = await RegistrySimulator.StartAsync(TestData.Options() with
        {
            EnableDns = false,
            Seed = seed,
            OnWhoisQuery = log.Enqueue,
            Whois = new WhoisServerOptions { RatePerSecond = null, DailyLimit = null, Faults = spec.Whois, TrickleInterval = TimeSpan.FromMilliseconds(50) },
        });
        var names = TestData.Small.Records.Select(r => r.Name.ToString()).ToArray();
        var expected = names.ToDictionary(n => n, n => Encoding.UTF8.GetBytes(WhoisRenderer.Render(TestData.Small.Records.Single(r => r.Name.ToString() == n), FormatEra.Indented2008, sim.Notice)));
        var busy = Encoding.UTF8.GetBytes(WhoisRenderer.RenderBusy(sim.Notice));
        var seen = new ConcurrentDictionary<string, int>();
        var slow = 0;
        using var gate = new SemaphoreSlim(24);
        await Task.WhenAll(Enumerable.Range(0, Queries).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var name = names[i % names.Length];
                var r = await WhoisProbe.AskAsync(sim.WhoisEndPoint!, name, TimeSpan.FromSeconds(5));
                var want = expected[name];
                var kind = r.End switch
                {
                    WhoisProbe.End.TimedOut when want.AsSpan().StartsWith(r.Bytes) || r.Bytes.Length > want.Length => "trickle",
                    WhoisProbe.End.Reset when r.Bytes.Length < want.Length && want.AsSpan().StartsWith(r.Bytes) => "reset",
                    WhoisProbe.End.Closed when r.Bytes.Length == 0 => "empty",
                    WhoisProbe.End.Closed when r.Bytes.SequenceEqual(busy) => "busy",
                    WhoisProbe.End.Closed when r.Bytes.SequenceEqual(want) => "ok",
                    WhoisProbe.End.Closed when r.Bytes.Length < want.Length && want.AsSpan().StartsWith(r.Bytes) => "truncated",
                    WhoisProbe.End.Closed when r.Bytes.Length == want.Length => "garbled",
                    _ => $"unexpected {r.End} {r.Bytes.Length}",
                };
                seen.AddOrUpdate(kind, 1, (_, c) => c + 1);
                // Injected latency is 1500-1600 ms and the threshold 1200 ms: far above an ordinary reply, so that a machine
                // loaded by other test assemblies does not count slow ordinary replies as injected latency.
                if (kind != "trickle" && r.Elapsed >= TimeSpan.FromMilliseconds(1200))
                {
                    Interlocked.Increment(ref slow);
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.DoesNotContain(seen.Keys, k => k.StartsWith("unexpected", StringComparison.Ordinal));
        var f = spec.Whois;
        foreach (var (kind, p) in new[] { ("reset", f.Reset), ("trickle", f.Trickle), ("empty", f.Empty), ("garbled", f.Garbled), ("truncated", f.Truncated), ("busy", f.Busy) })
        {
            AssertRate(kind, seen.GetValueOrDefault(kind), Queries, p);
            // What the clients saw is what the server logged.
            Assert.Equal(seen.GetValueOrDefault(kind), log.Count(e => e.AnswerWord == kind));
        }

        var notTrickled = Queries - seen.GetValueOrDefault("trickle");
        AssertRate("latency", slow, notTrickled, f.Latency.Probability);
    }

    [Fact]
    public async Task Every_DNS_fault_is_observed_at_its_configured_rate()
    {
        var spec = FaultSpec.Parse("dns-drop=0.05,dns-servfail=0.08,dns-latency=0.1:1500ms-1600ms");
        const ulong seed = 53;
        output.WriteLine($"seed {seed}");
        await using var sim = await RegistrySimulator.StartAsync(TestData.Options() with
        {
            EnableWhois = false,
            Seed = seed,
            Dns = new RegistryDnsServerOptions { Faults = spec.Dns },
        });
        int dropped = 0, servfail = 0, slow = 0, ok = 0;
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(Enumerable.Range(0, Queries).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var started = DateTime.UtcNow;
                var r = await DnsProbe.AskAsync(sim.DnsEndPoint!, i % 2 == 0 ? "1234.nl" : "9998.nl", RecordType.Ns, timeout: TimeSpan.FromSeconds(5));
                if (r is null)
                {
                    Interlocked.Increment(ref dropped);
                    return;
                }

                if (r.ReturnCode == ReturnCode.ServerFailure)
                {
                    Interlocked.Increment(ref servfail);
                }
                else
                {
                    Assert.Equal(i % 2 == 0 ? ReturnCode.NoError : ReturnCode.NxDomain, r.ReturnCode);
                    Interlocked.Increment(ref ok);
                }

                if (DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(1200))
                {
                    Interlocked.Increment(ref slow);
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        AssertRate("dns-drop", dropped, Queries, spec.Dns.Drop);
        AssertRate("dns-servfail", servfail, Queries, spec.Dns.ServFail);
        AssertRate("dns-latency", slow, Queries - dropped, spec.Dns.Latency.Probability);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_faults_to_the_same_sequence_of_queries()
    {
        static async Task<string> RunAsync(ulong seed)
        {
            var log = new ConcurrentQueue<WhoisQueryLogEntry>();
            await using var sim = await RegistrySimulator.StartAsync(TestData.Options() with
            {
                EnableDns = false,
                Seed = seed,
                OnWhoisQuery = log.Enqueue,
                Whois = new WhoisServerOptions { RatePerSecond = null, DailyLimit = null, Faults = FaultSpec.Parse("busy=0.2,empty=0.2,truncated=0.2").Whois },
            });
            for (var i = 0; i < 100; i++)
            {
                await WhoisProbe.AskAsync(sim.WhoisEndPoint!, "1234.nl");
            }

            return string.Join(',', log.Select(e => e.AnswerWord));
        }

        var a = await RunAsync(7);
        Assert.Equal(a, await RunAsync(7));
        Assert.NotEqual(a, await RunAsync(8));
    }

    [Theory]
    [InlineData("busy=2")]
    [InlineData("busy=0.6,reset=0.6")]
    [InlineData("latency=0.1")]
    [InlineData("latency=0.1:5ms-1ms")]
    [InlineData("frobnicate=0.1")]
    [InlineData("busy=0.1,busy=0.2")]
    [InlineData("dns-drop=0.7,dns-servfail=0.7")]
    public void A_bad_fault_spec_is_bad_input(string spec) =>
        Assert.Throws<Landrush.Core.UserInputException>(() => FaultSpec.Parse(spec));
}
