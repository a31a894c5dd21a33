using System.Net;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois.Eras;

namespace Landrush.Core.Whois;

/// <summary>
/// Reads the record of a WHOIS reply from its labelled fields, once <see cref="ReplyClassifier"/> has
/// found it is neither a limit nor a free name. A record is only a fact when it shows one valid domain,
/// one status the reader knows and is complete (<see cref="ReplyClassifier.Incomplete"/>); anything else
/// is <see cref="ReplyClass.Unparseable"/> with the reason, and the record read so far is kept for
/// evidence. Unknown labels and values that do not parse are kept as <see cref="WhoisRecord.OtherFields"/>.
/// </summary>
internal static class WhoisRecordReader
{
    public static WhoisReply Read(BlockLayout blocks)
    {
        var fields = blocks.Fields;
        var domainFields = fields.Where(f => f.Kind == LabelKind.Domain).ToList();
        if (domainFields.Count == 0)
        {
            return new WhoisReply(ReplyClass.Unparseable, Message: fields.Count == 0
                ? "no label, no free line and no limit message"
                : "no 'Domain name:' label");
        }

        var names = domainFields.Select(f => DomainName.TryParse(f.FirstValue, out var d) ? d.ToString() : null).Distinct().ToList();
        if (names.Count != 1 || names[0] is not { } domain)
        {
            return new WhoisReply(ReplyClass.Unparseable, Message: names.Count > 1
                ? "more than one domain name in one reply"
                : $"'{Shorten(domainFields[0].FirstValue)}' is not a domain name");
        }

        var statusTexts = fields.Where(f => f.Kind == LabelKind.Status).Select(f => f.FirstValue).OfType<string>()
            .Select(s => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Distinct().ToList();
        var statusText = statusTexts.Count == 1 ? statusTexts[0] : null;
        var status = StatusOf(statusText);

        var record = Build(domain, status, statusText, statusTexts, fields, domainFields[0].Indent);
        if (statusTexts.Count > 1)
        {
            return new WhoisReply(ReplyClass.Unparseable, record.Era, domain, record, Message: "more than one status in one reply");
        }

        var cls = StatusClasses.ReplyClassOf(status);
        if (cls != ReplyClass.Unparseable && ReplyClassifier.Incomplete(record, blocks) is { } incomplete)
        {
            return new WhoisReply(ReplyClass.Unparseable, record.Era, domain, record, Message: incomplete);
        }

        // A record without a status we know is shown but not classified: a guess would become a fact.
        var message = cls == ReplyClass.Unparseable
            ? statusText is null ? "record without 'Status:'" : $"unknown status '{Shorten(statusText)}'"
            : null;
        return new WhoisReply(cls, record.Era, domain, record, Message: message);
    }

    private static DomainStatus StatusOf(string? statusText)
    {
        if (statusText is null)
        {
            return DomainStatus.Unknown;
        }

        if (statusText.Equals(Era2010sLabels.StatusActive, StringComparison.OrdinalIgnoreCase))
        {
            return DomainStatus.Active;
        }

        if (statusText.Equals(Era2010sLabels.StatusInactive, StringComparison.OrdinalIgnoreCase))
        {
            return DomainStatus.Inactive;
        }

        return statusText.Equals(Era2010sLabels.StatusInQuarantine, StringComparison.OrdinalIgnoreCase)
            || statusText.Equals("quarantine", StringComparison.OrdinalIgnoreCase)
            ? DomainStatus.Quarantine
            : DomainStatus.Unknown;
    }

    private static WhoisRecord Build(string domain, DomainStatus status, string? statusText, List<string> statusTexts,
        List<LabelledBlock> fields, int domainIndent)
    {
        var read = new RecordFields();
        foreach (var f in fields)
        {
            read.Add(f);
        }

        return new WhoisRecord
        {
            Domain = domain,
            Status = status,
            StatusText = statusText,
            Statuses = statusTexts,
            Registrar = read.Registrar,
            LastRegistrar = read.LastRegistrar,
            Reseller = read.Reseller,
            Registrant = read.Registrant,
            Admin = read.Admin,
            Tech = read.Tech,
            NameServers = read.NameServers,
            Dnssec = read.Dnssec,
            Created = read.Created,
            Updated = read.Updated,
            OutOfQuarantine = read.OutOfQuarantine,
            Abuse = read.Abuse,
            MaintainedBy = read.MaintainedBy,
            OtherFields = read.Other,
            Era = WhoisEras.OfRecord(domainIndent, read.MaintainedBy, fields),
        };
    }

    // A value that did not parse is kept as an other field, never dropped.
    private static T? Keep<T>(List<WhoisField> other, LabelledBlock f, IReadOnlyList<string> values, T? current)
        where T : struct
    {
        other.Add(new WhoisField(f.Label, values));
        return current;
    }

    private static WhoisParty? Party(List<string> values) =>
        values.Count == 0 ? null : new WhoisParty(values[0], values[1..]);

    private static WhoisContact? Contact(List<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var hasHandle = ReplyValues.IsHandle(values[0]);
        var handle = hasHandle ? values[0] : null;
        var rest = hasHandle ? values[1..] : values;
        return new WhoisContact(handle, rest.FirstOrDefault(), rest.Count > 1 ? rest[1..] : []);
    }

    // A technical block may hold several contacts; each starts with its handle.
    private static List<WhoisContact> Contacts(List<string> values)
    {
        var contacts = new List<WhoisContact>();
        var current = new List<string>();
        foreach (var v in values)
        {
            if (ReplyValues.IsHandle(v) && current.Count > 0)
            {
                contacts.Add(Contact(current)!);
                current = [];
            }

            current.Add(v);
        }

        if (current.Count > 0)
        {
            contacts.Add(Contact(current)!);
        }

        return contacts;
    }

    private static AbuseContact? Abuse(List<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var email = values.FirstOrDefault(v => v.Contains('@', StringComparison.Ordinal));
        var phone = values.FirstOrDefault(v => !v.Contains('@', StringComparison.Ordinal) && v.Any(char.IsAsciiDigit));
        return new AbuseContact(phone, email);
    }

    private static void ReadNameServers(LabelledBlock f, List<string> values, List<NameServer> nameServers, List<WhoisField> other)
    {
        var unread = new List<string>();
        foreach (var v in values)
        {
            var tokens = v.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var addresses = new List<IPAddress>();
            // A name server is a qualified host name (a bare word is not one).
            var ok = HostName.TryParse(tokens[0], out var host) && host.IsQualified;
            for (var i = 1; ok && i < tokens.Length; i++)
            {
                if (ReplyValues.TryAddress(tokens[i], out var address))
                {
                    addresses.Add(address);
                }
                else
                {
                    ok = false;
                }
            }

            if (ok)
            {
                nameServers.Add(new NameServer(host.ToString(), addresses));
            }
            else
            {
                unread.Add(v);
            }
        }

        if (unread.Count > 0)
        {
            other.Add(new WhoisField(f.Label, unread));
        }
    }

    private static DateOnly? Date(LabelledBlock f, List<string> values, List<WhoisField> other)
    {
        if (f.FirstValue is { } v && ReplyValues.TryDate(v, out var date))
        {
            return date;
        }

        other.Add(new WhoisField(f.Label, values));
        return null;
    }

    private static string Shorten(string? s) => s is null ? "" : s.Length <= 60 ? s : s[..60] + "…";

    /// <summary>The values of a record's labelled fields, gathered field by field; the first of a kind wins.</summary>
    private sealed class RecordFields
    {
        public List<WhoisField> Other { get; } = [];

        public WhoisParty? Registrar { get; private set; }

        public WhoisParty? LastRegistrar { get; private set; }

        public WhoisParty? Reseller { get; private set; }

        public WhoisContact? Registrant { get; private set; }

        public WhoisContact? Admin { get; private set; }

        public List<WhoisContact> Tech { get; } = [];

        public List<NameServer> NameServers { get; } = [];

        public bool? Dnssec { get; private set; }

        public DateOnly? Created { get; private set; }

        public DateOnly? Updated { get; private set; }

        public DateOnly? OutOfQuarantine { get; private set; }

        public AbuseContact? Abuse { get; private set; }

        public string? MaintainedBy { get; private set; }

        public void Add(LabelledBlock f)
        {
            var values = f.AllValues();
            switch (f.Kind)
            {
                case LabelKind.Domain:
                case LabelKind.Status:
                    break;
                case LabelKind.Registrant:
                    Registrant ??= Contact(values);
                    break;
                case LabelKind.Admin:
                    Admin ??= Contact(values);
                    break;
                case LabelKind.Tech:
                    Tech.AddRange(Contacts(values));
                    break;
                case LabelKind.Registrar:
                    Registrar ??= Party(values);
                    break;
                case LabelKind.LastRegistrar:
                    LastRegistrar ??= Party(values);
                    break;
                case LabelKind.Reseller:
                    Reseller ??= Party(values);
                    break;
                case LabelKind.Abuse:
                    Abuse ??= WhoisRecordReader.Abuse(values);
                    break;
                case LabelKind.Dnssec:
                    Dnssec = f.FirstValue?.ToLowerInvariant() switch
                    {
                        "yes" => true,
                        "no" => false,
                        _ => Keep(Other, f, values, Dnssec),
                    };
                    break;
                case LabelKind.NameServers:
                    ReadNameServers(f, values, NameServers, Other);
                    break;
                case LabelKind.Created:
                    Created ??= Date(f, values, Other);
                    break;
                case LabelKind.Updated:
                    Updated ??= Date(f, values, Other);
                    break;
                case LabelKind.OutOfQuarantine:
                    OutOfQuarantine ??= Date(f, values, Other);
                    break;
                case LabelKind.MaintainedBy:
                    MaintainedBy ??= f.FirstValue;
                    break;
                default:
                    Other.Add(new WhoisField(f.Label, values));
                    break;
            }
        }
    }
}
