using ARSoft.Tools.Net.Dns;

namespace Landrush.Simulator.Dns;

/// <summary>A delegated name of the zone with its referral ready to send: NS records and in-bailiwick glue.</summary>
/// <param name="Name">The delegated name (<c>1234.nl.</c>).</param>
/// <param name="NameServers">Its NS records, in the dataset's order.</param>
/// <param name="Glue">A and AAAA records of its name servers that lie under a delegation of this zone.</param>
public sealed record Delegation(ARSoft.Tools.Net.DomainName Name, IReadOnlyList<NsRecord> NameServers, IReadOnlyList<DnsRecordBase> Glue);
