using System.CommandLine;
using System.Globalization;
using System.Net;
using Landrush.Cli.Commands;
using Landrush.Core;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Rdap;
using Landrush.Harvest.Whois;

namespace Landrush.Cli.Binding;

/// <summary>The options of <c>landrush harvest</c> and their reading into a <see cref="HarvestRequest"/>.</summary>
internal sealed class HarvestArguments
{
    private readonly WorkerOptions _worker = WorkerOptions.Create();

    public Option<string> Space { get; } = CommonOptions.Space();

    public Option<string> Tld { get; } = CommonOptions.Tld();

    public Option<string> Store { get; } = StoreOption.Create("Harvest store, created when missing, resumed when it exists: a SQLite file (one harvester at a time) or " +
        "postgres://USER[:PASSWORD]@HOST[:PORT]/DB, shared by any number of workers (password also from PGPASSWORD or ~/.pgpass).");

    public Option<string?> Dns { get; } = new("--dns") { Description = "DNS server(s) HOST:PORT, comma-separated (IP addresses). Default: the TLD's authoritative servers, looked up through --resolver." };

    public Option<string?> Resolver { get; } = new("--resolver") { Description = "Resolver HOST:PORT that finds the TLD's servers when --dns is not given. Default: the system's." };

    public Option<string?> Whois { get; } = new("--whois") { Description = "WHOIS server HOST[:PORT]. Default: the TLD's server from the built-in table." };

    public Option<string> Source { get; } = new("--source") { Description = "Where the facts come from after DNS: whois (port 43) or rdap (HTTP, --rdap).", DefaultValueFactory = _ => "whois" };

    public Option<string?> Rdap { get; } = new("--rdap") { Description = "RDAP base URL (the client asks URL/domain/NAME). Default for .nl: https://rdap.sidn.nl/." };

    public Option<string> Shard { get; } = new("--shard") { Description = "Harvest only shard K of N (K/N).", DefaultValueFactory = _ => Core.Enumeration.Shard.All.ToString() };

    public Option<double?> DnsQps { get; } = new("--dns-qps")
    {
        CustomParser = Decimals.ParseOptional,
        Description = $"Most DNS queries per second (0: no cap). Default: {DnsSweepOptions.DefaultQueriesPerSecond}, or no cap when every DNS server is on loopback.",
    };

    public Option<double?> WhoisRate { get; } = new("--whois-rate")
    {
        CustomParser = Decimals.ParseOptional,
        Description = $"WHOIS queries per second. Default: the server's rate from the built-in table, else {HarvestOptions.DefaultWhoisRate}.",
    };

    public Option<int> Concurrency { get; } = new("--whois-concurrency")
    {
        Description = "WHOIS queries at once (the rate still sets the pace; more hides a slow server's latency).",
        DefaultValueFactory = _ => Defaults.WhoisConcurrency,
    };

    public Option<int> Verify { get; } = new("--verify-absent")
    {
        Description = "Also ask WHOIS about a seeded sample of this many DNS-absent names (estimates what DNS missed).",
        DefaultValueFactory = _ => Defaults.VerifyAbsent,
    };

    public Option<long> Seed { get; } = new("--seed") { Description = "Seed of the verify sample.", DefaultValueFactory = _ => Defaults.Seed };

    public Option<bool> AcceptTerms { get; } = new("--accept-terms") { Description = "State that the registry permits this harvest. Required for any server not on loopback." };

    public IEnumerable<Option> All =>
    [
        Space, Tld, Store, Dns, Resolver, Whois, Source, Rdap, Shard, DnsQps, WhoisRate, Concurrency, Verify, Seed, AcceptTerms,
        _worker.Name, _worker.Lease, _worker.SourceAddress,
    ];

    // The harvester's own defaults, read from its options record (space, TLD and DNS server are placeholders it requires).
    private static HarvestOptions Defaults { get; } = new()
    {
        Space = NameSpace.Parse(NameSpace.DefaultSpec),
        Tld = "nl",
        Dns = new() { Servers = [new IPEndPoint(IPAddress.Loopback, 53)] },
    };

    /// <summary>Every option checked before the first packet leaves (finding the TLD's servers asks the network); bad values are the user's (exit 2).</summary>
    public HarvestRequest Read(ParseResult parsed)
    {
        var nameSpace = NameSpace.Parse(parsed.GetValue(Space));
        var tld = DomainName.NormalizeTld(parsed.GetValue(Tld)!);
        var known = KnownWhoisServer.ForTld(tld);
        var (workerName, lease, sourceAddress) = _worker.Read(parsed);
        var whois = WhoisCommand.ParseServer(parsed.GetValue(Whois) ?? known?.Host
            ?? throw new UserInputException($"no WHOIS server known for .{tld}: give --whois HOST[:PORT]"), new WhoisClientOptions()) with
        { LocalAddress = sourceAddress };
        var useRdap = parsed.GetValue(Source) switch
        {
            "whois" => false,
            "rdap" => true,
            var other => throw new UserInputException($"--source: '{Printable.Escape(other ?? "")}' is not whois or rdap"),
        };
        var rdapBase = useRdap ? ParseRdap(parsed.GetValue(Rdap), tld) : null;
        var shard = Core.Enumeration.Shard.Parse(parsed.GetValue(Shard)!);
        // Checked here, before the store is opened and the first DNS query leaves: a pace slower than one query a day
        // overflows the waits between queries.
        if (parsed.GetValue(WhoisRate) is { } r0 && !(r0 >= HarvestOptions.MinWhoisRate && double.IsFinite(r0)))
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"--whois-rate {r0}: must be at least one query a day ({HarvestOptions.MinWhoisRate:G3}/s)"));
        }

        if (parsed.GetValue(DnsQps) is { } q0 && !((q0 == 0 || q0 >= DnsSweepOptions.MinQueriesPerSecond) && double.IsFinite(q0)))
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"--dns-qps {q0}: must be 0 (no cap) or at least one query a day ({DnsSweepOptions.MinQueriesPerSecond:G3}/s)"));
        }

        if (parsed.GetValue(Verify) < 0)
        {
            throw new UserInputException($"--verify-absent {parsed.GetValue(Verify)}: must be 0 or more");
        }

        if (parsed.GetValue(Concurrency) is < 1 or > 256)
        {
            throw new UserInputException($"--whois-concurrency must be 1 to 256, not {parsed.GetValue(Concurrency)}");
        }

        var resolver = parsed.GetValue(Resolver) is { } r ? ParseDns(r, "--resolver").Single() : null;
        return new HarvestRequest(nameSpace, tld, known, parsed.GetValue(Store)!, whois, rdapBase, shard, parsed.GetValue(WhoisRate), parsed.GetValue(DnsQps),
            parsed.GetValue(Concurrency), parsed.GetValue(Verify), parsed.GetValue(Seed), parsed.GetValue(Dns), resolver, parsed.GetValue(AcceptTerms),
            workerName, lease, sourceAddress);
    }

    /// <summary><c>HOST:PORT[,HOST:PORT…]</c> with IP addresses (port 53 when none is given).</summary>
    public static IPEndPoint[] ParseDns(string text, string option)
    {
        var servers = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s =>
            IPEndPoint.TryParse(s, out var e) && e.Port != 0 ? e
            : IPAddress.TryParse(s, out var a) ? new IPEndPoint(a, 53)
            : throw new UserInputException($"bad {option} '{Printable.Escape(s)}': write an IP address with a port, e.g. 127.0.0.1:5353")).ToArray();
        return servers.Length > 0 && (option == "--dns" || servers.Length == 1) ? servers
            : throw new UserInputException($"bad {option} '{Printable.Escape(text)}': write {(option == "--dns" ? "one or more IP addresses" : "one IP address")} with a port, e.g. 127.0.0.1:5353");
    }

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
}
