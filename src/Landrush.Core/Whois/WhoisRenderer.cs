using System.Globalization;
using System.Text;
using Landrush.Core.Dataset;

namespace Landrush.Core.Whois;

/// <summary>
/// Writes registry records as .nl WHOIS replies of an era, laid out as the real server lays them out
/// (<c>whois-nl-formats.md</c>): the 2008–2009 indented format with contact handles, the flat 2010s format,
/// and the current one. Pure: text in, text out. Every reply, including the limit and error lines, ends
/// with the <see cref="SimulatorNotice"/> line, so that no reply can be taken for the registry's.
/// </summary>
/// <remarks>
/// What each era shows (and <see cref="WhoisParser"/> reads back): 2008 — status, registrant, admin and
/// technical contacts, registrar, name servers, <c>dd-mm-yyyy</c> dates; 2010s — status, registrar,
/// DNSSEC, name servers, no dates; current — as the 2010s plus reseller, abuse contact and ISO dates.
/// A name in quarantine shows its registrar as <c>Last registrar:</c> and its <c>Date out of quarantine</c>.
/// Lines end in CRLF as on the wire. The copyright paragraph is the simulator's own text, not SIDN's: the
/// data it follows is not SIDN's either. A value is one line: line breaks and control characters become
/// spaces and empty lines are left out, because a blank line ends a block.
/// </remarks>
public static class WhoisRenderer
{
    /// <summary>The line end of every reply (the real server sends CRLF).</summary>
    public const string NewLine = "\r\n";

    /// <summary><c>Record maintained by:</c> of the 2008 and 2010s replies.</summary>
    public const string MaintainedByRegistry = "NL Domain Registry";

    /// <summary><c>Record maintained by:</c> of current replies.</summary>
    public const string MaintainedBySidn = "SIDN BV";

    /// <summary>How long SIDN holds a cancelled name in quarantine (40 days) before it is free again.</summary>
    public static readonly TimeSpan QuarantinePeriod = TimeSpan.FromDays(40);

    // Name servers in the 2008 replies are padded to a column (google.nl: "ns1.google.com" + 8 spaces).
    private const int NameServerColumn = 22;

    private const string Indent2008 = "   ";
    private const string Value2008 = "      ";
    private const string ValueFlat = "   ";

    private static readonly string[] CopyrightParagraph =
    [
        "This reply follows the layout of the .nl registry's WHOIS replies, but it",
        "was written by the Landrush registry simulator, not by the registry. Its",
        "content comes from the dataset named in the notice below and says nothing",
        "about who really holds any domain name.",
    ];

    /// <summary>The eras this renderer writes.</summary>
    public static IReadOnlyList<FormatEra> Eras { get; } = [FormatEra.Indented2008, FormatEra.Flat2010s, FormatEra.Current];

    /// <summary>
    /// The reply for a dataset row: a record for an active, inactive or quarantined name, the free reply
    /// for any other status (the simulator's registry is its dataset: what is not registered there is free).
    /// </summary>
    public static string Render(RegistryRecord record, FormatEra era, SimulatorNotice notice)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.IsRegistered ? Render(ToWhoisRecord(record), era, notice) : RenderFree(record.Name.ToString(), era, notice);
    }

    /// <summary>The reply for a record, showing only what <paramref name="era"/> shows.</summary>
    public static string Render(WhoisRecord record, FormatEra era, SimulatorNotice notice)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(notice);
        var w = new Writer();
        switch (era)
        {
            case FormatEra.Indented2008:
                Indented(w, record);
                w.Blank();
                Copyright(w, Indent2008);
                w.Blank();
                w.Line(Indent2008 + notice.ToLine());
                break;
            case FormatEra.Flat2010s:
            case FormatEra.Current:
                Flat(w, record, era == FormatEra.Current);
                w.Blank();
                if (era == FormatEra.Flat2010s)
                {
                    Copyright(w, "");
                    w.Blank();
                }

                w.Line(notice.ToLine());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(era), era, "the renderer writes the 2008, 2010s and current eras");
        }

        return w.ToString();
    }

    /// <summary>The reply for a name that is not registered: <c>1234.nl is free</c>.</summary>
    public static string RenderFree(string domain, FormatEra era, SimulatorNotice notice)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(notice);
        CheckEra(era);
        var w = new Writer();
        w.Line($"{OneLine(domain)} is free");
        w.Blank();
        var indent = era == FormatEra.Indented2008 ? Indent2008 : "";
        if (era != FormatEra.Current)
        {
            Copyright(w, indent);
            w.Blank();
        }

        w.Line(indent + notice.ToLine());
        return w.ToString();
    }

    /// <summary>The per-second limit line (<see cref="SidnMessages.Throttled"/>), then the notice.</summary>
    public static string RenderThrottled(SimulatorNotice notice, int perSecond = 1) =>
        Message(SidnMessages.Throttled(perSecond: perSecond), notice);

    /// <summary>The daily-limit line (<see cref="SidnMessages.DailyLimit"/>), then the notice.</summary>
    public static string RenderDailyLimit(string clientAddress, SimulatorNotice notice) =>
        Message(SidnMessages.DailyLimit(clientAddress), notice);

    /// <summary>The busy line (<see cref="SidnMessages.Busy"/>), then the notice.</summary>
    public static string RenderBusy(SimulatorNotice notice) => Message(SidnMessages.Busy(), notice);

    /// <summary>The answer to a query that is not a domain name (<see cref="SidnMessages.InvalidDomainName"/>).</summary>
    public static string RenderInvalid(SimulatorNotice notice) => Message(SidnMessages.InvalidDomainName, notice);

    /// <summary>
    /// A dataset row as the record a WHOIS server would hold: registrar (as <c>Last registrar</c> in
    /// quarantine), registrant handle and name, admin handle, name servers without addresses, dates,
    /// DNSSEC off, and for a quarantined name a release date <see cref="QuarantinePeriod"/> after its update.
    /// </summary>
    public static WhoisRecord ToWhoisRecord(RegistryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var quarantine = record.Status == DomainStatus.Quarantine;
        var registrar = record.Registrar is { Length: > 0 } r ? new WhoisParty(r, []) : null;
        return new WhoisRecord
        {
            Domain = record.Name.ToString(),
            Status = record.Status,
            StatusText = StatusText(record.Status),
            Registrar = quarantine ? null : registrar,
            LastRegistrar = quarantine ? registrar : null,
            Registrant = record.RegistrantHandle is { Length: > 0 } || record.RegistrantName is { Length: > 0 }
                ? new WhoisContact(Empty(record.RegistrantHandle), Empty(record.RegistrantName), [])
                : null,
            Admin = record.AdminHandle is { Length: > 0 } a ? new WhoisContact(a, null, []) : null,
            NameServers = [.. record.NameServerList.Select(h => new NameServer(h, []))],
            Dnssec = false,
            Created = record.Created,
            Updated = record.Updated,
            OutOfQuarantine = quarantine && record.Updated is { } u ? u.AddDays(QuarantinePeriod.Days) : null,
        };
    }

    /// <summary>The status word of a record: <c>active</c>, <c>inactive</c>, <c>in quarantine</c>.</summary>
    public static string StatusText(DomainStatus status) => status switch
    {
        DomainStatus.Active => "active",
        DomainStatus.Inactive => "inactive",
        DomainStatus.Quarantine => "in quarantine",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "only a registered name has a record"),
    };

    private static void Indented(Writer w, WhoisRecord r)
    {
        w.Line(Indent2008 + "Domain name:");
        w.Line(Value2008 + OneLine(r.Domain));
        w.Blank();
        w.Line($"{Indent2008}Status: {OneLine(r.StatusText ?? StatusText(r.Status))}");
        Block2008(w, "Registrant:", ContactLines(r.Registrant));
        Block2008(w, "Administrative contact:", ContactLines(r.Admin));
        Block2008(w, "Registrar:", PartyLines(r.Registrar));
        Block2008(w, "Last registrar:", PartyLines(r.LastRegistrar));
        Block2008(w, "Technical contact(s):", [.. r.Tech.SelectMany(ContactLines)]);
        Block2008(w, "Domain nameservers:", [.. r.NameServers.Select(n => NameServerLine(n, pad: true))]);
        if (r.Created is not null || r.Updated is not null || r.OutOfQuarantine is not null)
        {
            w.Blank();
            Date(w, Indent2008 + "Date registered: ", r.Created, "dd-MM-yyyy");
            Date(w, Indent2008 + "Record last updated: ", r.Updated, "dd-MM-yyyy");
            Date(w, Indent2008 + "Date out of quarantine: ", r.OutOfQuarantine, "dd-MM-yyyy");
        }

        w.Blank();
        w.Line($"{Indent2008}Record maintained by: {MaintainedByRegistry}");
    }

    private static void Flat(Writer w, WhoisRecord r, bool current)
    {
        w.Line($"Domain name: {OneLine(r.Domain)}");
        w.Line($"Status:      {OneLine(r.StatusText ?? StatusText(r.Status))}");
        if (current)
        {
            BlockFlat(w, "Reseller:", PartyLines(r.Reseller));
        }

        BlockFlat(w, "Registrar:", PartyLines(r.Registrar));
        if (current && r.Abuse is { } abuse)
        {
            // Real replies show the block even when both lines are empty.
            BlockFlat(w, "Abuse Contact:", [.. new[] { abuse.Phone, abuse.Email }.OfType<string>().Select(OneLine).Where(l => l.Length > 0)], always: true);
        }

        BlockFlat(w, "Last registrar:", PartyLines(r.LastRegistrar));
        if (r.Status != DomainStatus.Quarantine)
        {
            w.Blank();
            w.Line($"DNSSEC:      {(r.Dnssec == true ? "yes" : "no")}");
        }

        BlockFlat(w, "Domain nameservers:", [.. r.NameServers.Select(n => NameServerLine(n, pad: false))]);
        if (r.OutOfQuarantine is { } release)
        {
            w.Blank();
            Date(w, "Date out of quarantine: ", release, "yyyy-MM-dd");
        }

        if (current)
        {
            // Each date stands in its own paragraph, as in the real replies.
            foreach (var (label, date) in new[] { ("Creation Date: ", r.Created), ("Updated Date: ", r.Updated) })
            {
                if (date is not null)
                {
                    w.Blank();
                    Date(w, label, date, "yyyy-MM-dd");
                }
            }
        }

        w.Blank();
        w.Line($"Record maintained by: {(current ? MaintainedBySidn : MaintainedByRegistry)}");
    }

    private static void Block2008(Writer w, string label, List<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        w.Blank();
        w.Line(Indent2008 + label);
        foreach (var line in lines)
        {
            w.Line(Value2008 + line);
        }
    }

    private static void BlockFlat(Writer w, string label, List<string> lines, bool always = false)
    {
        if (lines.Count == 0 && !always)
        {
            return;
        }

        w.Blank();
        w.Line(label);
        foreach (var line in lines)
        {
            w.Line(ValueFlat + line);
        }
    }

    private static List<string> ContactLines(WhoisContact? c) => c is null
        ? []
        : [.. new[] { c.Handle, c.Name }.Concat(c.Lines).OfType<string>().Select(OneLine).Where(l => l.Length > 0)];

    private static List<string> PartyLines(WhoisParty? p) => p is null
        ? []
        : [.. p.AddressLines.Prepend(p.Name).Select(OneLine).Where(l => l.Length > 0)];

    private static string NameServerLine(NameServer n, bool pad)
    {
        var host = OneLine(n.Host);
        if (n.Addresses.Count == 0)
        {
            return pad ? host.PadRight(NameServerColumn) : host;
        }

        return $"{host} {string.Join(' ', n.Addresses)}";
    }

    private static void Date(Writer w, string label, DateOnly? date, string format)
    {
        if (date is { } d)
        {
            w.Line(label + d.ToString(format, CultureInfo.InvariantCulture));
        }
    }

    private static void Copyright(Writer w, string indent)
    {
        w.Line(indent + "Copyright notice");
        foreach (var line in CopyrightParagraph)
        {
            w.Line(indent + line);
        }
    }

    private static string Message(string line, SimulatorNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return line + NewLine + notice.ToLine() + NewLine;
    }

    private static void CheckEra(FormatEra era)
    {
        if (era is not (FormatEra.Indented2008 or FormatEra.Flat2010s or FormatEra.Current))
        {
            throw new ArgumentOutOfRangeException(nameof(era), era, "the renderer writes the 2008, 2010s and current eras");
        }
    }

    private static string? Empty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    // One value, one line: a line break would end the block or start a label.
    private static string OneLine(string s)
    {
        var clean = s.Any(char.IsControl) ? new string([.. s.Select(c => char.IsControl(c) ? ' ' : c)]) : s;
        return clean.Trim();
    }

    private sealed class Writer
    {
        private readonly StringBuilder _sb = new(2048);

        public void Line(string line) => _sb.Append(line).Append(NewLine);

        public void Blank() => _sb.Append(NewLine);

        public override string ToString() => _sb.ToString();
    }
}
