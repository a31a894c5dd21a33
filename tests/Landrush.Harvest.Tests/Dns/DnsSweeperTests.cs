using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Pipeline;

namespace Landrush.Harvest.Tests.Dns;

public sealed class DnsSweeperTests
{
    private static readonly string[] Names = [.. NameSpace.Parse("digits:1-3").Enumerate().Select(l => l + ".nl")];

    // Seeded: about one name in nine delegated, as in the 2008 landrush.
    private static HashSet<string> Delegated(int seed)
    {
        var random = new Random(seed);
        return [.. Names.Where(_ => random.Next(9) == 0)];
    }

    private static (DnsOutcome[] Outcomes, int[] Calls, DnsSweepStats Stats) Sweep(DnsSweepOptions options, string[] names)
    {
        var outcomes = new DnsOutcome[names.Length];
        var calls = new int[names.Length];
        var stats = new DnsSweeper(options).Sweep(names, (i, outcome, reply, server) =>
        {
            Interlocked.Increment(ref calls[i]);
            outcomes[i] = outcome;
        });
        return (outcomes, calls, stats);
    }

    [SkippableFact]
    public void Every_name_is_decided_exactly_once_and_right_against_nsd()
    {
        // NSD is installed by .ci/run; without it the scripted-server tests below still run.
        NsdServer.Require();

        var delegated = Delegated(16);
        using var nsd = NsdServer.Start("nl", delegated.Select(n => n[..^3]));
        var options = new DnsSweepOptions { Servers = [nsd.EndPoint], QueriesPerSecond = 0, Window = 100, Seed = 1 };
        var (outcomes, calls, stats) = Sweep(options, Names);

        Assert.All(calls, c => Assert.Equal(1, c));
        for (var i = 0; i < Names.Length; i++)
        {
            Assert.Equal(delegated.Contains(Names[i]) ? DnsOutcome.Delegated : DnsOutcome.Absent, outcomes[i]);
        }

        Assert.Equal(delegated.Count, stats.Delegated);
        Assert.Equal(Names.Length - delegated.Count, stats.Absent);
        Assert.Equal(0, stats.Unknown);
    }

    [Fact]
    public void Drops_failures_stale_and_foreign_replies_are_retried_or_rejected_and_truncation_goes_to_tcp()
    {
        var delegated = Delegated(7);
        byte[] Right(byte[] query, string name) => delegated.Contains(name)
            ? DnsPackets.Reply(query, 0, authority: [(null, 2), (null, 2)])
            : DnsPackets.Reply(query, 3, authority: [("nl", 6)]);

        var names = Names;
        using var server = new ScriptedDnsServer(
            (query, name, before) =>
            {
                if (name[^4] == '7')
                {
                    return [DnsPackets.Reply(query, 0, truncated: true)]; // always truncated: TCP
                }

                var h = name.Length * 31 + name[0];
                return (h % 5, before) switch
                {
                    (0, 0) => [], // dropped: the timeout scan must ask again
                    (1, 0) => [DnsPackets.Reply(query, 2)], // SERVFAIL first
                    (2, 0) => [DnsPackets.Reply(query, 0, echoName: "999.nl", authority: [(null, 2)]), Right(query, name)], // a foreign reply first
                    _ => [Right(query, name), Right(query, name)], // duplicated: the second is stale
                };
            },
            tcpScript: Right);

        var options = new DnsSweepOptions
        {
            Servers = [server.EndPoint],
            QueriesPerSecond = 0,
            Window = 64,
            Timeout = TimeSpan.FromMilliseconds(300),
            Seed = 3,
        };
        var (outcomes, calls, stats) = Sweep(options, names);

        Assert.All(calls, c => Assert.Equal(1, c));
        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal(delegated.Contains(names[i]) ? DnsOutcome.Delegated : DnsOutcome.Absent, outcomes[i]);
        }

        Assert.True(stats.Retries > 0);
        Assert.True(stats.Rejected > 0);
        Assert.True(stats.TcpFallbacks > 0);
        Assert.Equal(stats.TcpFallbacks, server.TcpQueries);
    }

    [Fact]
    public void A_server_that_never_answers_leaves_every_name_unknown_after_the_retries()
    {
        using var server = new ScriptedDnsServer((_, _, _) => []);
        var names = Names[..50];
        var options = new DnsSweepOptions
        {
            Servers = [server.EndPoint],
            QueriesPerSecond = 0,
            Timeout = TimeSpan.FromMilliseconds(40),
            Retries = 2,
            Seed = 5,
        };
        var (outcomes, calls, stats) = Sweep(options, names);

        Assert.All(calls, c => Assert.Equal(1, c));
        Assert.All(outcomes, o => Assert.Equal(DnsOutcome.Unknown, o));
        Assert.All(names, n => Assert.Equal(3, server.Asked(n)));
        Assert.Equal(150, stats.Sent);
    }

    [Fact]
    public void Servfail_every_time_is_unknown_with_the_reply_kept()
    {
        var replies = new ConcurrentBag<int>();
        using var server = new ScriptedDnsServer((query, _, _) => [DnsPackets.Reply(query, 2)]);
        var options = new DnsSweepOptions
        {
            Servers = [server.EndPoint],
            QueriesPerSecond = 0,
            Timeout = TimeSpan.FromMilliseconds(300),
            Retries = 1,
        };
        new DnsSweeper(options).Sweep(Names[..20], (i, outcome, reply, _) =>
        {
            Assert.Equal(DnsOutcome.Unknown, outcome);
            replies.Add(reply.Length);
        });

        Assert.Equal(20, replies.Count);
        Assert.All(replies, length => Assert.True(length > 12));
    }

    [Fact]
    public void The_rate_cap_holds_over_all_sockets()
    {
        var count = 0;
        using var server = new ScriptedDnsServer((query, _, _) =>
        {
            Interlocked.Increment(ref count);
            return [DnsPackets.Reply(query, 3)];
        });
        var options = new DnsSweepOptions { Servers = [server.EndPoint], QueriesPerSecond = 200, Sockets = 2 };
        var watch = Stopwatch.StartNew();
        var (_, _, stats) = Sweep(options, Names[..100]);
        watch.Stop();

        // 100 queries at 200/s after a burst of 2: at least (100 - 2) / 200 s.
        Assert.Equal(100, stats.Absent);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.45), $"{watch.Elapsed}");
    }

    /// <summary>Grants <c>grant</c> queries, then none until opened; counts what it granted and refused.</summary>
    private sealed class GatedLimiter(int grant) : IRateLimiter
    {
        private int _granted;
        private int _refused;
        private volatile bool _open;

        public double Limit => grant; // a gate, not a rate: what it grants before it is opened

        public int Granted => Volatile.Read(ref _granted);

        public int Refused => Volatile.Read(ref _refused);

        public void Open() => _open = true;

        public bool TryAcquire()
        {
            while (true)
            {
                var granted = Volatile.Read(ref _granted);
                if (!_open && granted >= grant)
                {
                    Interlocked.Increment(ref _refused);
                    return false;
                }

                if (Interlocked.CompareExchange(ref _granted, granted + 1, granted) == granted)
                {
                    return true;
                }
            }
        }

        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            while (!TryAcquire())
            {
                await Task.Delay(1, cancellationToken);
            }
        }
    }

    [Fact]
    public void Every_query_retries_included_takes_a_grant_from_an_injected_limiter()
    {
        var names = Names[..60];
        // Every third name is dropped once: its retry must be paid for too.
        using var server = new ScriptedDnsServer((query, name, before) =>
            name[^4] % 3 == 0 && before == 0 ? [] : [DnsPackets.Reply(query, 3)]);
        var limiter = new GatedLimiter(int.MaxValue);
        var options = new DnsSweepOptions { Servers = [server.EndPoint], Timeout = TimeSpan.FromMilliseconds(100), QueriesPerSecond = 0, Seed = 9 };
        var outcomes = new DnsOutcome[names.Length];
        var stats = new DnsSweeper(options, limiter).Sweep(names, (i, outcome, _, _) => outcomes[i] = outcome);

        Assert.All(outcomes, o => Assert.Equal(DnsOutcome.Absent, o));
        Assert.True(stats.Retries > 0);
        Assert.Equal(stats.Sent, limiter.Granted);
        Assert.Equal(stats.Sent, names.Sum(server.Asked));
    }

    [Fact]
    public void A_truncated_reply_asked_again_over_tcp_takes_a_grant_too()
    {
        var names = Names[..30];
        // Every name whose label ends in 7 is truncated over UDP: asked again over TCP, which is a query like any other.
        using var server = new ScriptedDnsServer(
            (query, name, _) => name[^4] == '7' ? [DnsPackets.Reply(query, 0, truncated: true)] : [DnsPackets.Reply(query, 3)],
            tcpScript: (query, _) => DnsPackets.Reply(query, 3));
        var limiter = new GatedLimiter(int.MaxValue);
        var options = new DnsSweepOptions { Servers = [server.EndPoint], Timeout = TimeSpan.FromMilliseconds(300), QueriesPerSecond = 0, Seed = 4 };
        var stats = new DnsSweeper(options, limiter).Sweep(names, (_, _, _, _) => { });

        Assert.Equal(30, stats.Absent);
        Assert.True(stats.TcpFallbacks > 0);
        Assert.Equal(stats.TcpFallbacks, server.TcpQueries);
        Assert.Equal(stats.Sent + server.TcpQueries, limiter.Granted);
    }

    [Fact]
    public async Task A_refusing_injected_limiter_holds_the_sweep_whatever_the_options_allow()
    {
        var names = Names[..40];
        using var server = new ScriptedDnsServer((query, _, _) => [DnsPackets.Reply(query, 3)]);
        var limiter = new GatedLimiter(10);
        // The options' own cap is off: only the injected limiter stands between the sweep and the server.
        var options = new DnsSweepOptions { Servers = [server.EndPoint], QueriesPerSecond = 0, Seed = 2 };
        var sweep = Task.Run(() => new DnsSweeper(options, limiter).Sweep(names, (_, _, _, _) => { }));

        var watch = Stopwatch.StartNew();
        while (limiter.Refused < 1000 && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }

        Assert.True(limiter.Refused >= 1000);
        Assert.False(sweep.IsCompleted);
        Assert.Equal(10, names.Sum(server.Asked));

        limiter.Open();
        var stats = await sweep.WaitAsync(TimeSpan.FromSeconds(30)); // a hang guard, not a timing
        Assert.Equal(40, stats.Absent);
        Assert.Equal(40, names.Sum(server.Asked));
    }

    [Fact]
    public void A_closed_port_is_unknown_not_an_exception()
    {
        var port = LoopbackServer.ClosedPort();
        var options = new DnsSweepOptions
        {
            Servers = [new IPEndPoint(IPAddress.Loopback, port)],
            QueriesPerSecond = 0,
            Timeout = TimeSpan.FromMilliseconds(20),
            Retries = 1,
        };
        var (outcomes, _, _) = Sweep(options, Names[..10]);
        Assert.All(outcomes, o => Assert.Equal(DnsOutcome.Unknown, o));
    }
}
