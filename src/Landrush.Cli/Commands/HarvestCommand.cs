using System.CommandLine;
using System.Globalization;
using System.Net;
using Landrush.Cli.Files;
using Landrush.Cli.Output;
using Landrush.Core;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Rdap;
using Landrush.Harvest.Sources;
using Landrush.Harvest.Store;
using Landrush.Harvest.Whois;

namespace Landrush.Cli.Commands;

/// <summary><c>landrush harvest</c>: DNS sweep, then polite WHOIS, into a resumable store.</summary>
internal static class HarvestCommand
{
    /// <summary>Exit code when the server's daily limit stopped the run cleanly: run the same command again tomorrow.</summary>
    public const int DailyLimit = 3;

    public static Command Create()
    {
        var space = CommonOptions.Space();
        var tld = CommonOptions.Tld();
        var store = StoreOption.Create("Harvest store, created when missing, resumed when it exists: a SQLite file (one harvester at a time) or " +
            "postgres://USER[:PASSWORD]@HOST[:PORT]/DB, shared by any number of workers (password also from PGPASSWORD or ~/.pgpass).");
        var dns = new Option<string?>("--dns") { Description = "DNS server(s) HOST:PORT, comma-separated (IP addresses). Default: the TLD's authoritative servers, looked up through --resolver." };
        var resolver = new Option<string?>("--resolver") { Description = "Resolver HOST:PORT that finds the TLD's servers when --dns is not given. Default: the system's." };
        var whois = new Option<string?>("--whois") { Description = "WHOIS server HOST[:PORT]. Default: the TLD's server from the built-in table." };
        var source = new Option<string>("--source") { Description = "Where the facts come from after DNS: whois (port 43) or rdap (HTTP, --rdap).", DefaultValueFactory = _ => "whois" };
        var rdap = new Option<string?>("--rdap") { Description = "RDAP base URL (the client asks URL/domain/NAME). Default for .nl: https://rdap.sidn.nl/." };
        var shard = new Option<string>("--shard") { Description = "Harvest only shard K of N (K/N).", DefaultValueFactory = _ => "1/1" };
        var dnsQps = new Option<double?>("--dns-qps") { Description = "Most DNS queries per second (0: no cap). Default: 100, or no cap when every DNS server is on loopback." };
        var whoisRate = new Option<double?>("--whois-rate") { Description = "WHOIS queries per second. Default: the server's rate from the built-in table, else 1." };
        var concurrency = new Option<int>("--whois-concurrency") { Description = "WHOIS queries at once (the rate still sets the pace; more hides a slow server's latency).", DefaultValueFactory = _ => 4 };
        var verify = new Option<int>("--verify-absent") { Description = "Also ask WHOIS about a seeded sample of this many DNS-absent names (estimates what DNS missed).", DefaultValueFactory = _ => 0 };
        var seed = new Option<long>("--seed") { Description = "Seed of the verify sample.", DefaultValueFactory = _ => 16 };
        var acceptTerms = new Option<bool>("--accept-terms") { Description = "State that the registry permits this harvest. Required for any server not on loopback." };
        var worker = WorkerOptions.Create();
        var command = new Command("harvest", "Harvest a name space: a fast DNS sweep, then polite WHOIS for the names DNS cannot settle, into a crash-proof store. " +
            $"Exit codes: 0 complete, 1 failure (network, disk, names failed: run again), 2 bad input, {DailyLimit} stopped by the daily limit (run again later).")
        {
            space, tld, store, dns, resolver, whois, source, rdap, shard, dnsQps, whoisRate, concurrency, verify, seed, acceptTerms,
            worker.Name, worker.Lease, worker.SourceAddress,
        };
        command.Subcommands.Add(HarvestStatusCommand.Create());
        command.SetAction(async (parsed, ct) =>
        {
            var stderr = parsed.InvocationConfiguration.Error;
            var stdout = parsed.InvocationConfiguration.Output;
            var nameSpace = NameSpace.Parse(parsed.GetValue(space));
            var theTld = DomainName.NormalizeTld(parsed.GetValue(tld)!);
            var known = KnownWhoisServer.ForTld(theTld);
            var (workerName, lease, sourceAddress) = worker.Read(parsed);
            var whoisOptions = WhoisCommand.ParseServer(parsed.GetValue(whois) ?? known?.Host
                ?? throw new UserInputException($"no WHOIS server known for .{theTld}: give --whois HOST[:PORT]"), new WhoisClientOptions()) with
            { LocalAddress = sourceAddress };
            var useRdap = parsed.GetValue(source) switch
            {
                "whois" => false,
                "rdap" => true,
                var other => throw new UserInputException($"--source: '{Printable.Escape(other ?? "")}' is not whois or rdap"),
            };
            var rdapBase = useRdap ? ParseRdap(parsed.GetValue(rdap), theTld) : null;

            // Every option is checked before the first packet leaves (finding the TLD's servers asks the network).
            var theShard = Shard.Parse(parsed.GetValue(shard)!);
            if (parsed.GetValue(whoisRate) is { } r0 && (r0 <= 0 || !double.IsFinite(r0)) || parsed.GetValue(dnsQps) is { } q0 && (q0 < 0 || !double.IsFinite(q0))
                || parsed.GetValue(verify) < 0)
            {
                throw new UserInputException("--whois-rate must be above 0, --dns-qps and --verify-absent 0 or more");
            }

            if (parsed.GetValue(concurrency) is < 1 or > 256)
            {
                throw new UserInputException($"--whois-concurrency must be 1 to 256, not {parsed.GetValue(concurrency)}");
            }
            var dnsText = parsed.GetValue(dns);
            var resolverEndPoint = parsed.GetValue(resolver) is { } r ? ParseDns(r, "--resolver").Single() : null;

            // Without --dns or --resolver the harvest asks the TLD's own servers, found through the system's resolver:
            // the terms apply before the first packet leaves.
            if (dnsText is null && resolverEndPoint is null && !parsed.GetValue(acceptTerms))
            {
                throw new UserInputException(
                    $"a harvest of the TLD's own DNS servers needs --accept-terms: state that the registry permits it ({known?.Terms ?? "read the registry's terms"}), or give --dns HOST:PORT");
            }

            // Checked before the first lookup and the first line: a store that cannot be used is one line, and no packet left.
            StoreFile.Check(parsed.GetValue(store)!);
            IReadOnlyList<IPEndPoint> dnsServers = dnsText is not null ? ParseDns(dnsText, "--dns")
                : await TldServers.DiscoverAsync(theTld, resolverEndPoint, cancellationToken: ct);
            if (dnsText is null)
            {
                await stderr.WriteLineAsync($"DNS servers of .{theTld} (from {resolverEndPoint?.ToString() ?? "the system's resolver"}): {string.Join(", ", dnsServers.Select(e => e.ToString()))}");
            }

            var everythingLocal = dnsServers.All(e => IPAddress.IsLoopback(e.Address))
                && (rdapBase is null ? IsLoopback(whoisOptions.Host) : rdapBase.IsLoopback);
            if (!everythingLocal && !parsed.GetValue(acceptTerms))
            {
                throw new UserInputException(
                    $"a harvest of servers not on loopback needs --accept-terms: state that the registry permits it ({known?.Terms ?? "read the registry's terms"})");
            }

            var knownRate = rdapBase is null ? KnownWhoisServer.ForHost(whoisOptions.Host)?.Rate : null;
            var rate = parsed.GetValue(whoisRate) ?? knownRate ?? 1;
            var qps = parsed.GetValue(dnsQps) ?? (dnsServers.All(e => IPAddress.IsLoopback(e.Address)) ? 0 : 100);
            var options = new HarvestOptions
            {
                Space = nameSpace,
                Tld = theTld,
                Shard = theShard,
                Dns = new DnsSweepOptions { Servers = dnsServers, QueriesPerSecond = qps, LocalAddress = sourceAddress },
                WhoisRate = rate,
                WhoisConcurrency = parsed.GetValue(concurrency),
                VerifyAbsent = parsed.GetValue(verify),
                Seed = parsed.GetValue(seed),
                Worker = workerName,
                Lease = lease,
                SourceAddress = sourceAddress,
            };
            // A SQLite store takes one harvester at a time (a second is refused before the store is touched, and before the
            // plan line: a command that fails says so once); PostgreSQL any number.
            using var theStore = StoreFile.OpenForHarvest(parsed.GetValue(store)!);
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"harvest {nameSpace.Spec} .{theTld} shard {options.Shard}: DNS {string.Join(",", dnsServers.Select(e => e.ToString()))} at {(qps == 0 ? "no cap" : qps + " q/s")}, {(rdapBase is null ? "WHOIS " + whoisOptions.Server : "RDAP " + rdapBase.AbsoluteUri)} at {rate}/s, verify sample {options.VerifyAbsent} (seed {options.Seed})"));
            // No proxy toward loopback: a proxy from the environment would take the requests off this machine.
            using var http = new HttpClient(WorkerOptions.HttpHandler(rdapBase is not { IsLoopback: true }, sourceAddress));
            IRegistrySource registry = rdapBase is null
                ? new WhoisSource(new WhoisClient(whoisOptions))
                : new RdapSource(new RdapClient(http, new RdapClientOptions { BaseUri = rdapBase }));
            var harvester = new Harvester(options, theStore, registry);
            // The DNS server's word first: when it is the simulator, say what pace it allows and how to raise it.
            if (SimulatorNote.For(await harvester.BeginAsync(ct), rate, rdapBase is null ? "whois" : "rdap") is { } note)
            {
                await stderr.WriteLineAsync(note);
            }

            var result = await HarvestProgressView.For(stderr).RunAsync(report => harvester.RunAsync(report, ct));

            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"names {result.Names:N0}: DNS delegated {result.Delegated:N0}, absent {result.Absent:N0}, unknown {result.Unknown:N0}; " +
                $"WHOIS asked {result.WhoisAsked:N0} times this run, registered {result.Registered:N0}, free {result.Free:N0}, throttled {result.Throttled:N0}, failed {result.Failed:N0}"));
            await stdout.WriteLineAsync(result.Missed.Describe());
            if (result.DailyLimit)
            {
                var midnight = DateTime.UtcNow.Date.AddDays(1);
                await stderr.WriteLineAsync($"landrush: stopped by the server's daily limit ({Printable.Escape(result.DailyLimitMessage ?? "")}); " +
                    $"run the same command again after {midnight:yyyy-MM-dd HH:mm} UTC to resume");
                return DailyLimit;
            }

            if (result.Failed > 0)
            {
                throw new IOException($"{result.Failed:N0} names got no WHOIS fact (first: {result.FirstFailure}); run the same command again to retry them");
            }

            return LandrushCli.Ok;
        });
        return command;
    }

    internal static string Progress(HarvestProgress p) => p.Stage == "dns"
        ? FormattableString.Invariant($"dns   {p.Done:N0}/{p.Total:N0}  {p.Rate:N0}/s  ETA {Eta(p.Eta)}  delegated {p.Delegated:N0}  absent {p.Absent:N0}  unknown {p.Unknown:N0}")
        : FormattableString.Invariant($"whois {p.Done:N0}/{p.Total:N0}  {p.Rate:N1}/s  ETA {Eta(p.Eta)}  registered {p.Registered:N0}  free {p.Free:N0}  throttled {p.Throttled:N0}  failed {p.Failed:N0}");

    internal static string Eta(TimeSpan? t) => t is { } v ? (v.TotalHours >= 1 ? $"{(int)v.TotalHours}h{v.Minutes:00}m" : $"{v.Minutes}m{v.Seconds:00}s") : "?";

    private static Uri ParseRdap(string? text, string tld)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return tld == "nl" ? new RdapClientOptions().BaseUri : throw new UserInputException($"no RDAP service known for .{tld}: give --rdap URL");
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? u
            : throw new UserInputException($"bad --rdap '{Printable.Escape(text)}': write an http or https URL, e.g. http://127.0.0.1:8080/");
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var a) && IPAddress.IsLoopback(a));

    /// <summary><c>HOST:PORT[,HOST:PORT…]</c> with IP addresses (port 53 when none is given).</summary>
    private static IPEndPoint[] ParseDns(string text, string option)
    {
        var servers = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s =>
            IPEndPoint.TryParse(s, out var e) && e.Port != 0 ? e
            : IPAddress.TryParse(s, out var a) ? new IPEndPoint(a, 53)
            : throw new UserInputException($"bad {option} '{Printable.Escape(s)}': write an IP address with a port, e.g. 127.0.0.1:5353")).ToArray();
        return servers.Length > 0 && (option == "--dns" || servers.Length == 1) ? servers
            : throw new UserInputException($"bad {option} '{Printable.Escape(text)}': write {(option == "--dns" ? "one or more IP addresses" : "one IP address")} with a port, e.g. 127.0.0.1:5353");
    }

    internal static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
