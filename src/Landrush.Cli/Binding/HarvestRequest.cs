using System.Net;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Whois;

namespace Landrush.Cli.Binding;

/// <summary>
/// A <c>landrush harvest</c> as given, every option checked but the DNS servers (read after the store is checked, and
/// looked up when not given): what <see cref="HarvestArguments.Read"/> makes of the command line.
/// </summary>
internal sealed record HarvestRequest(
    NameSpace Space,
    string Tld,
    KnownWhoisServer? Known,
    string Store,
    WhoisClientOptions Whois,
    Uri? Rdap,
    Shard Shard,
    double? WhoisRate,
    double? DnsQueriesPerSecond,
    int WhoisConcurrency,
    int VerifyAbsent,
    long Seed,
    string? DnsText,
    IPEndPoint? Resolver,
    bool AcceptTerms,
    string? Worker,
    TimeSpan Lease,
    IPAddress? SourceAddress)
{
    /// <summary>The harvester's options against <paramref name="targets"/>, the paces not given taken from them.</summary>
    public HarvestOptions Options(HarvestTargets targets) => new()
    {
        Space = Space,
        Tld = Tld,
        Shard = Shard,
        Dns = new DnsSweepOptions { Servers = targets.DnsServers, QueriesPerSecond = targets.DnsQueriesPerSecond(DnsQueriesPerSecond), LocalAddress = SourceAddress },
        WhoisRate = targets.WhoisRate(WhoisRate),
        WhoisConcurrency = WhoisConcurrency,
        VerifyAbsent = VerifyAbsent,
        Seed = Seed,
        Worker = Worker,
        Lease = Lease,
        SourceAddress = SourceAddress,
    };
}
