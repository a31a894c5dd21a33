using System.CommandLine;
using System.Globalization;
using System.Net;
using Landrush.Cli.Files;
using Landrush.Cli.Output;
using Landrush.Core;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Rdap;
using Landrush.Harvest.Sources;
using Landrush.Harvest.Whois;

namespace Landrush.Cli.Commands;

/// <summary><c>landrush harvest</c>: DNS sweep, then polite WHOIS, into a resumable store.</summary>
internal static class HarvestCommand
{
    /// <summary>Exit code when the server's daily limit stopped the run cleanly: run the same command again tomorrow.</summary>
    public const int DailyLimit = 3;

    public static Command Create()
    {
        var arguments = new HarvestArguments();
        var command = new Command("harvest", "Harvest a name space: a fast DNS sweep, then polite WHOIS for the names DNS cannot settle, into a crash-proof store. " +
            $"Exit codes: 0 complete, 1 failure (network, disk, names failed: run again), 2 bad input, {DailyLimit} stopped by the daily limit (run again later).");
        foreach (var option in arguments.All)
        {
            command.Options.Add(option);
        }

        command.Subcommands.Add(HarvestStatusCommand.Create());
        command.SetAction((parsed, ct) => RunAsync(arguments.Read(parsed), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, ct));
        return command;
    }

    private static async Task<int> RunAsync(HarvestRequest request, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        // Without --dns or --resolver the harvest asks the TLD's own servers, found through the system's resolver:
        // the terms apply before the first packet leaves.
        HarvestTargets.RequireTermsForTldServers(request.AcceptTerms, request.DnsText is not null, request.Resolver is not null, request.Known?.Terms);

        // Checked before the first lookup and the first line: a store that cannot be used is one line, and no packet left.
        StoreFile.Check(request.Store);
        IReadOnlyList<IPEndPoint> dnsServers = request.DnsText is { } dnsText ? HarvestArguments.ParseDns(dnsText, "--dns")
            : await TldServers.DiscoverAsync(request.Tld, request.Resolver, cancellationToken: ct);
        if (request.DnsText is null)
        {
            await stderr.WriteLineAsync($"DNS servers of .{request.Tld} (from {request.Resolver?.ToString() ?? "the system's resolver"}): {string.Join(", ", dnsServers.Select(e => e.ToString()))}");
        }

        var targets = new HarvestTargets(dnsServers, request.Whois.Host, request.Rdap);
        targets.RequireTerms(request.AcceptTerms, request.Known?.Terms);
        var options = request.Options(targets);
        var rdapBase = request.Rdap;
        // A SQLite store takes one harvester at a time (a second is refused before the store is touched, and before the
        // plan line: a command that fails says so once); PostgreSQL any number.
        using var theStore = StoreFile.OpenForHarvest(request.Store);
        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"harvest {options.Space.Spec} .{options.Tld} shard {options.Shard}: DNS {string.Join(",", dnsServers.Select(e => e.ToString()))} at {(options.Dns.QueriesPerSecond == 0 ? "no cap" : options.Dns.QueriesPerSecond.ToString(CultureInfo.InvariantCulture) + " q/s")}, {(rdapBase is null ? "WHOIS " + request.Whois.Server : "RDAP " + rdapBase.AbsoluteUri)} at {options.WhoisRate}/s, verify sample {options.VerifyAbsent} (seed {options.Seed})"));
        // No proxy toward loopback: a proxy from the environment would take the requests off this machine.
        using var http = new HttpClient(WorkerOptions.HttpHandler(rdapBase is not { IsLoopback: true }, request.SourceAddress));
        IRegistrySource registry = rdapBase is null
            ? new WhoisSource(new WhoisClient(request.Whois))
            : new RdapSource(new RdapClient(http, new RdapClientOptions { BaseUri = rdapBase }));
        var harvester = new Harvester(options, theStore, registry);
        // The DNS server's word first: when it is the simulator, say what pace it allows and how to raise it.
        if (SimulatorNote.For(await harvester.BeginAsync(ct), options.WhoisRate, rdapBase is null ? "whois" : "rdap") is { } note)
        {
            await stderr.WriteLineAsync(note);
        }

        var result = await HarvestProgressView.For(stderr).RunAsync(report => harvester.RunAsync(report, ct));
        return await ReportAsync(result, stdout, stderr);
    }

    private static async Task<int> ReportAsync(HarvestResult result, TextWriter stdout, TextWriter stderr)
    {
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"names {result.Names:N0}: DNS delegated {result.Delegated:N0}, absent {result.Absent:N0}, unknown {result.Unknown:N0}; " +
            $"WHOIS asked {result.WhoisAsked:N0} times this run, registered {result.Registered:N0}, free {result.Free:N0}, throttled {result.Throttled:N0}, failed {result.Failed:N0}"));
        await stdout.WriteLineAsync(result.Missed.Describe());
        if (result.DailyLimit)
        {
            var midnight = DateTime.UtcNow.Date.AddDays(1);
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"landrush: stopped by the server's daily limit ({Printable.Escape(result.DailyLimitMessage ?? "")}); " +
                $"run the same command again after {midnight:yyyy-MM-dd HH:mm} UTC to resume"));
            return DailyLimit;
        }

        if (result.Failed > 0)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"{result.Failed:N0} names got no WHOIS fact (first: {result.FirstFailure}); run the same command again to retry them"));
        }

        return LandrushCli.Ok;
    }

    internal static string Progress(HarvestProgress p) => p.Stage == "dns"
        ? FormattableString.Invariant($"dns   {p.Done:N0}/{p.Total:N0}  {p.Rate:N0}/s  ETA {Eta(p.Eta)}  delegated {p.Delegated:N0}  absent {p.Absent:N0}  unknown {p.Unknown:N0}")
        : FormattableString.Invariant($"whois {p.Done:N0}/{p.Total:N0}  {p.Rate:N1}/s  ETA {Eta(p.Eta)}  registered {p.Registered:N0}  free {p.Free:N0}  throttled {p.Throttled:N0}  failed {p.Failed:N0}");

    internal static string Eta(TimeSpan? t) => t is { } v ? (v.TotalHours >= 1 ? $"{(int)v.TotalHours}h{v.Minutes:00}m" : $"{v.Minutes}m{v.Seconds:00}s") : "?";

    internal static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
