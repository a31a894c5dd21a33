using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ARSoft.Tools.Net.Dns;
using Landrush.Core.Dataset;
using ArName = ARSoft.Tools.Net.DomainName;

namespace Landrush.Simulator.Dns;

/// <summary>
/// The TLD zone a registry dataset implies, precomputed for a lean answer path: SOA and NS at the apex, one
/// delegation (NS set) per <c>active</c> name with at least one name server, nothing for free, inactive,
/// quarantined or unknown names (they are not in the zone). A name server under a delegated name gets
/// glue: its addresses are not in a dataset, so they are derived from the host name in the documentation
/// ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 and 2001:db8::/32, RFC 5737 and RFC 3849),
/// never a routable address. <see cref="Answer"/> and <see cref="WriteZoneFile"/> serve the same content.
/// </summary>
public sealed class RegistryZone
{
    /// <summary>TTL of the apex NS set (two days, as TLD operators use).</summary>
    public const int ApexNsTtl = 172_800;

    /// <summary>TTL of the SOA and of the delegations' NS and glue records.</summary>
    public const int RecordTtl = 3600;

    /// <summary>Negative-caching TTL (the SOA minimum, RFC 2308).</summary>
    public const int NegativeTtl = 600;

    /// <summary>The simulator's own (reserved, RFC 2606) name servers for the apex.</summary>
    public static readonly IReadOnlyList<string> ApexNameServers = ["ns1.registry-simulator.example", "ns2.registry-simulator.example"];

    private readonly Dictionary<string, Delegation> _delegations;
    private readonly int _apexLabels;

    /// <param name="dataset">The registry to serve.</param>
    /// <param name="apexText">
    /// Lines served as TXT records at the apex, one record each (the simulator's notice and its WHOIS limits, so that
    /// the first DNS reply a harvest gets can say what it is harvesting); none by default, as a real TLD zone.
    /// </param>
    public RegistryZone(RegistryDataset dataset, IReadOnlyList<string>? apexText = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        // A TXT string holds at most 255 bytes: a longer line is split over several strings of its record.
        ApexTxt = [.. (apexText ?? []).Select(line => new TxtRecord(ArName.Parse(dataset.Header.Tld), RecordTtl, Chunks(line)))];
        Tld = dataset.Header.Tld;
        Apex = ArName.Parse(Tld);
        _apexLabels = Apex.LabelCount;
        var latest = dataset.Records.Select(r => r.Updated ?? r.Created).Max();
        Serial = latest is { } d ? (uint)((d.Year * 10_000) + (d.Month * 100) + d.Day) * 100 + 1 : 1;
        var mname = ArName.Parse(ApexNameServers[0]);
        var rname = ArName.Parse("hostmaster.registry-simulator.example");
        Soa = new SoaRecord(Apex, RecordTtl, mname, rname, Serial, 3600, 600, 2_419_200, NegativeTtl);
        NegativeSoa = new SoaRecord(Apex, NegativeTtl, mname, rname, Serial, 3600, 600, 2_419_200, NegativeTtl);
        ApexNs = [.. ApexNameServers.Select(n => new NsRecord(Apex, ApexNsTtl, ArName.Parse(n)))];

        var delegated = dataset.Records
            .Where(r => r.Status == DomainStatus.Active && r.NameServerList.Count > 0)
            .ToList();
        var delegatedNames = new HashSet<string>(delegated.Select(r => r.Name.ToString()), StringComparer.Ordinal);
        _delegations = new Dictionary<string, Delegation>(delegated.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var r in delegated)
        {
            var name = ArName.Parse(r.Name.ToString());
            var ns = r.NameServerList.Select(h => new NsRecord(name, RecordTtl, ArName.Parse(h))).ToList();
            var glue = new List<DnsRecordBase>();
            foreach (var host in r.NameServerList.Where(h => UnderDelegation(h, delegatedNames)))
            {
                var hostName = ArName.Parse(host);
                var (v4, v6) = GlueAddresses(host);
                glue.Add(new ARecord(hostName, RecordTtl, v4));
                glue.Add(new AaaaRecord(hostName, RecordTtl, v6));
            }

            _delegations[name.Labels[0]] = new Delegation(name, ns, glue);
        }
    }

    /// <summary>The TLD, lower case, no dots around it (<c>nl</c>).</summary>
    public string Tld { get; }

    public ArName Apex { get; }

    /// <summary>SOA serial: <c>yyyyMMdd01</c> of the latest date in the dataset, or 1.</summary>
    public uint Serial { get; }

    public SoaRecord Soa { get; }

    /// <summary>The SOA as sent in negative answers (TTL = the negative-caching TTL, RFC 2308 §3).</summary>
    public SoaRecord NegativeSoa { get; }

    public IReadOnlyList<NsRecord> ApexNs { get; }

    /// <summary>The TXT records at the apex (see the constructor); empty for a plain zone.</summary>
    public IReadOnlyList<TxtRecord> ApexTxt { get; }

    /// <summary>Delegated names, by their label under the apex.</summary>
    public IReadOnlyCollection<Delegation> Delegations => _delegations.Values;

    /// <summary>The delegation a name falls under (the name itself or any name below it), or null.</summary>
    public Delegation? Find(ArName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var labels = name.Labels;
        return IsUnderApex(labels) && labels.Length > _apexLabels && _delegations.TryGetValue(labels[^(_apexLabels + 1)], out var d) ? d : null;
    }

    /// <summary>
    /// The answer a TLD server gives: at the apex SOA/NS with AA (NODATA with SOA for other types); under a
    /// delegation a referral (NS in authority, glue in additional, no AA; a DS query at the cut gets NODATA
    /// with AA, the parent being authoritative for DS); any other name under the apex NXDOMAIN with the SOA
    /// and AA; a name outside the zone REFUSED. Recursion is never available.
    /// </summary>
    public DnsMessage Answer(DnsMessage query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var response = query.CreateResponseInstance();
        if (query.OperationCode != OperationCode.Query)
        {
            response.ReturnCode = ReturnCode.NotImplemented;
            return response;
        }

        if (query.Questions.Count != 1)
        {
            response.ReturnCode = ReturnCode.FormatError;
            return response;
        }

        var question = query.Questions[0];
        var labels = question.Name.Labels;
        if (!IsUnderApex(labels))
        {
            response.ReturnCode = ReturnCode.Refused;
            return response;
        }

        if (labels.Length == _apexLabels)
        {
            response.IsAuthoritiveAnswer = true;
            var type = question.RecordType;
            if (type is RecordType.Soa or RecordType.Any)
            {
                response.AnswerRecords.Add(Soa);
            }

            if (type is RecordType.Ns or RecordType.Any)
            {
                response.AnswerRecords.AddRange(ApexNs);
            }

            if (type is RecordType.Txt or RecordType.Any)
            {
                response.AnswerRecords.AddRange(ApexTxt);
            }

            if (response.AnswerRecords.Count == 0)
            {
                response.AuthorityRecords.Add(NegativeSoa);
            }

            return response;
        }

        if (_delegations.TryGetValue(labels[^(_apexLabels + 1)], out var delegation))
        {
            if (labels.Length == _apexLabels + 1 && question.RecordType == RecordType.Ds)
            {
                response.IsAuthoritiveAnswer = true;
                response.AuthorityRecords.Add(NegativeSoa);
                return response;
            }

            response.AuthorityRecords.AddRange(delegation.NameServers);
            response.AdditionalRecords.AddRange(delegation.Glue);
            return response;
        }

        response.IsAuthoritiveAnswer = true;
        response.ReturnCode = ReturnCode.NxDomain;
        response.AuthorityRecords.Add(NegativeSoa);
        return response;
    }

    /// <summary>
    /// Writes the zone as an RFC 1035 master file (absolute names, explicit TTL and class on every record)
    /// that NSD loads, with a header saying where it came from.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="comment">Header lines (without <c>;</c>), e.g. the dataset and whether it is synthetic.</param>
    public void WriteZoneFile(TextWriter writer, IEnumerable<string> comment)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(comment);
        var inv = CultureInfo.InvariantCulture;
        foreach (var line in comment)
        {
            writer.Write("; ");
            writer.Write(line.ReplaceLineEndings(" "));
            writer.Write('\n');
        }

        var apex = Apex.ToString(true);
        writer.Write(string.Create(inv, $"$ORIGIN {apex}\n"));
        writer.Write(string.Create(inv,
            $"{apex}\t{RecordTtl}\tIN\tSOA\t{Soa.MasterName.ToString(true)} {Soa.ResponsibleName.ToString(true)} {Soa.SerialNumber} {Soa.RefreshInterval} {Soa.RetryInterval} {Soa.ExpireInterval} {Soa.NegativeCachingTTL}\n"));
        foreach (var ns in ApexNs)
        {
            writer.Write(string.Create(inv, $"{apex}\t{ApexNsTtl}\tIN\tNS\t{ns.NameServer.ToString(true)}\n"));
        }

        foreach (var txt in ApexTxt)
        {
            writer.Write(string.Create(inv, $"{apex}\t{RecordTtl}\tIN\tTXT\t{string.Join(' ', txt.TextParts.Select(Quoted))}\n"));
        }

        foreach (var d in _delegations.Values.OrderBy(d => d.Name.ToString(), StringComparer.Ordinal))
        {
            var owner = d.Name.ToString(true);
            foreach (var ns in d.NameServers)
            {
                writer.Write(string.Create(inv, $"{owner}\t{RecordTtl}\tIN\tNS\t{ns.NameServer.ToString(true)}\n"));
            }

            foreach (var glue in d.Glue)
            {
                var (type, address) = glue switch
                {
                    ARecord a => ("A", a.Address),
                    AaaaRecord a => ("AAAA", a.Address),
                    _ => throw new InvalidOperationException("glue is A or AAAA"),
                };
                writer.Write(string.Create(inv, $"{glue.Name.ToString(true)}\t{RecordTtl}\tIN\t{type}\t{address}\n"));
            }
        }
    }

    /// <summary>The documentation-range addresses standing in for a name server's unknown ones.</summary>
    public static (IPAddress V4, IPAddress V6) GlueAddresses(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        // A stable hash of the name (not string.GetHashCode, which changes per process).
        var h = SHA256.HashData(Encoding.UTF8.GetBytes(host.ToLowerInvariant()));
        byte[][] nets = [[192, 0, 2], [198, 51, 100], [203, 0, 113]];
        var net = nets[h[0] % 3];
        var v4 = new IPAddress([net[0], net[1], net[2], (byte)(1 + (h[1] % 254))]);
        var v6 = new byte[16];
        v6[0] = 0x20;
        v6[1] = 0x01;
        v6[2] = 0x0d;
        v6[3] = 0xb8;
        h.AsSpan(2, 12).CopyTo(v6.AsSpan(4));
        return (v4, new IPAddress(v6));
    }

    private static string[] Chunks(string line)
    {
        var parts = new List<string>();
        var rest = line;
        while (rest.Length > 0)
        {
            // 255 bytes of UTF-8, cut at a character boundary.
            var take = Math.Min(rest.Length, 255);
            while (Encoding.UTF8.GetByteCount(rest.AsSpan(0, take)) > 255)
            {
                take--;
            }

            parts.Add(rest[..take]);
            rest = rest[take..];
        }

        return parts.Count > 0 ? [.. parts] : [string.Empty];
    }

    // A master-file character string: quoted, with quote and backslash escaped (RFC 1035 §5.1).
    private static string Quoted(string part) => "\"" + part.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private bool IsUnderApex(string[] labels)
    {
        if (labels.Length < _apexLabels)
        {
            return false;
        }

        var apex = Apex.Labels;
        for (var i = 1; i <= _apexLabels; i++)
        {
            if (!string.Equals(labels[^i], apex[^i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool UnderDelegation(string host, HashSet<string> delegated)
    {
        for (var dot = host.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = host.IndexOf('.', dot + 1))
        {
            if (delegated.Contains(host[(dot + 1)..]))
            {
                return true;
            }
        }

        return false;
    }
}
