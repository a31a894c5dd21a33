using System.Globalization;
using System.Net;
using Landrush.Core.Dataset;

namespace Landrush.Core.Whois;

/// <summary>
/// Reads a .nl WHOIS reply of any era (2008–2009 indented, 2010s flat, current) into a
/// <see cref="WhoisReply"/>. Pure and linear in the reply's length: no regular expressions, one pass over
/// the lines to read labels and find limit messages. Line endings may be CRLF, LF or CR in any mix.
/// </summary>
/// <remarks>
/// Classification comes first and is conservative: any line of its own at the level of the record's labels
/// or above (not a value inside a labelled block; any line at all when there is no <c>Domain name:</c>)
/// carrying a limit, throttle or busy message makes the whole reply that class, whatever else it holds,
/// because such a reply says nothing about the domain. A record is only a fact when it
/// shows a valid domain, a status the reader knows and the <c>Record maintained by:</c> line that ends
/// every complete record (so a cut reply is not read as one); anything else is
/// <see cref="ReplyClass.Unparseable"/> with the reason in <see cref="WhoisReply.Message"/>.
/// The reader is driven by labels (<c>Label:</c> with an optional value, then lines indented deeper),
/// never by line numbers, and keeps unknown labels as <see cref="WhoisRecord.OtherFields"/>.
/// </remarks>
public static class WhoisParser
{
    // Longer "labels" are prose that happens to contain a colon.
    private const int MaxLabelLength = 40;

    private enum Field
    {
        Other,
        Domain,
        Status,
        Registrant,
        Admin,
        Tech,
        Registrar,
        LastRegistrar,
        Reseller,
        Abuse,
        Dnssec,
        NameServers,
        Created,
        Updated,
        OutOfQuarantine,
        MaintainedBy,
    }

    private static readonly Dictionary<string, Field> Labels = new(StringComparer.Ordinal)
    {
        ["domain name"] = Field.Domain,
        ["domain"] = Field.Domain,
        ["status"] = Field.Status,
        ["registrant"] = Field.Registrant,
        ["administrative contact"] = Field.Admin,
        ["admin contact"] = Field.Admin,
        ["technical contact(s)"] = Field.Tech,
        ["technical contacts"] = Field.Tech,
        ["technical contact"] = Field.Tech,
        ["tech contact"] = Field.Tech,
        ["registrar"] = Field.Registrar,
        ["last registrar"] = Field.LastRegistrar,
        ["reseller"] = Field.Reseller,
        ["abuse contact"] = Field.Abuse,
        ["dnssec"] = Field.Dnssec,
        ["domain nameservers"] = Field.NameServers,
        ["domain name servers"] = Field.NameServers,
        ["nameservers"] = Field.NameServers,
        ["name servers"] = Field.NameServers,
        ["date registered"] = Field.Created,
        ["creation date"] = Field.Created,
        ["record last updated"] = Field.Updated,
        ["updated date"] = Field.Updated,
        ["date out of quarantine"] = Field.OutOfQuarantine,
        ["record maintained by"] = Field.MaintainedBy,
        ["record maintained"] = Field.MaintainedBy,
    };

    // Phrases are several words so that no domain name (which has no spaces) can contain one.
    private static readonly string[] DailyLimitPhrases = ["whois-limit exceeded", "daily whois-limit", "daily limit", "daily whois limit", "limit exceeded for client"];
    private static readonly string[] ThrottlePhrases = ["request per second", "requests per second", "too many requests", "rate limit exceeded", "query rate"];
    private static readonly string[] UnavailablePhrases = ["too busy", "service unavailable", "temporarily unavailable", "service is unavailable", "access denied", "connection refused", "not authorised", "not authorized"];
    private const string TryAgainLater = "try again later";
    private const string IncompleteMessage = "reply incomplete: no 'Record maintained by' line";

    /// <summary>Every phrase that marks a limit, throttle or unavailable message.</summary>
    internal static IEnumerable<string> LimitPhrases => [.. DailyLimitPhrases, .. ThrottlePhrases, .. UnavailablePhrases, TryAgainLater];

    /// <summary>Classifies and reads one reply.</summary>
    public static WhoisReply Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A byte-order mark is not indentation: left in, it would make a flat reply look indented.
        var lines = SplitLines(text.StartsWith('\uFEFF') ? text[1..] : text);

        var block = ReadBlocks(lines);
        var limit = ClassifyLimit(MessageCandidates(lines, block));
        if (limit is not null)
        {
            return limit;
        }

        var free = FindFree(lines);
        if (free is not null)
        {
            if (block.Fields.Any(f => f.Field == Field.Domain))
            {
                return new WhoisReply(ReplyClass.Unparseable, Message: "reply says both 'is free' and shows a record");
            }

            return new WhoisReply(ReplyClass.Free, FreeEra(lines), free);
        }

        return ReadRecord(block);
    }

    private readonly record struct Line(int Indent, string Content);

    private sealed record RawField(Field Field, string Label, int Indent, string Inline, List<string> Values);

    /// <param name="Fields">The labelled fields of the record.</param>
    /// <param name="MessageLines">Lines, at any depth, that are neither a block's value nor a known label's
    /// line: where a server's limit or error message stands.</param>
    private sealed record Blocks(List<RawField> Fields, List<Line> MessageLines);

    private static List<Line> SplitLines(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\r' or '\n'))
            {
                continue;
            }

            lines.Add(MakeLine(text.AsSpan(start, i - start)));
            if (i < text.Length - 1 && text[i] == '\r' && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        return lines;
    }

    private static Line MakeLine(ReadOnlySpan<char> raw)
    {
        var indent = 0;
        // A tab counts as one step of indentation; only the relative depth matters.
        while (indent < raw.Length && raw[indent] is ' ' or '\t')
        {
            indent++;
        }

        var content = raw[indent..].TrimEnd();
        return new Line(content.IsEmpty ? 0 : indent, content.ToString());
    }

    /// <summary>The lines that may carry a limit message.</summary>
    /// <remarks>
    /// Without a <c>Domain name:</c> there is no record to protect, so every line counts: a message alone,
    /// sent indented (a space, a tab, the 2008 three spaces), must still make a harvester wait. With a
    /// record, a line counts when it stands of its own at or above the depth of the record's labels (three
    /// spaces in 2008, none later); a value inside a block, or a stray line deeper than the labels, is a
    /// party's name or address, so a registrant called "Try Again Later B.V." stays a record.
    /// </remarks>
    private static IEnumerable<string> MessageCandidates(List<Line> lines, Blocks blocks)
    {
        if (!blocks.Fields.Any(f => f.Field == Field.Domain))
        {
            return lines.Where(l => l.Content.Length > 0).Select(l => l.Content);
        }

        // Only known labels fix the record's depth: an unknown one may be a message or a stray value.
        var labelIndent = blocks.Fields.Where(f => f.Field != Field.Other).Min(f => f.Indent);
        return blocks.MessageLines.Where(l => l.Indent <= labelIndent).Select(l => l.Content);
    }

    private static WhoisReply? ClassifyLimit(IEnumerable<string> messageLines)
    {
        WhoisReply? found = null;
        foreach (var line in messageLines)
        {
            var candidate = ClassifyLimitLine(line);
            // Strongest wins: a daily limit outranks a per-second throttle, which outranks "busy".
            if (candidate is not null && (found is null || Rank(candidate.Class) > Rank(found.Class)))
            {
                found = candidate;
            }
        }

        return found;

        static int Rank(ReplyClass c) => c switch
        {
            ReplyClass.DailyLimit => 3,
            ReplyClass.Throttled => 2,
            _ => 1,
        };
    }

    private static WhoisReply? ClassifyLimitLine(string content)
    {
        if (ContainsAny(content, DailyLimitPhrases))
        {
            return new WhoisReply(ReplyClass.DailyLimit, Message: content);
        }

        if (ContainsAny(content, ThrottlePhrases))
        {
            return new WhoisReply(ReplyClass.Throttled, RetryAfter: PerSecondWait(content), Message: content);
        }

        if (ContainsAny(content, UnavailablePhrases))
        {
            return new WhoisReply(ReplyClass.Unavailable, Message: content);
        }

        // "try again later" alone is a rate limit without a stated wait.
        return content.Contains(TryAgainLater, StringComparison.OrdinalIgnoreCase)
            ? new WhoisReply(ReplyClass.Throttled, Message: content)
            : null;
    }

    private static bool ContainsAny(string content, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (content.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // "only N request(s) per second allowed" → 1/N s; without a number, 1 s.
    private static TimeSpan? PerSecondWait(string content)
    {
        var at = content.IndexOf("per second", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var words = content[..at].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = words.Length - 1; i >= 0 && i >= words.Length - 3; i--)
        {
            if (int.TryParse(words[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return TimeSpan.FromSeconds(1.0 / n);
            }
        }

        return TimeSpan.FromSeconds(1);
    }

    private static string? FindFree(List<Line> lines)
    {
        foreach (var line in lines)
        {
            const string suffix = " is free";
            var c = line.Content;
            if (c.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                var name = c[..^suffix.Length].Trim();
                if (IsDomainName(name))
                {
                    return name.TrimEnd('.').ToLowerInvariant();
                }
            }
        }

        return null;
    }

    // A free reply has no labels; its copyright notice shows the era's indentation.
    private static FormatEra FreeEra(List<Line> lines)
    {
        foreach (var line in lines)
        {
            if (line.Content.Equals("Copyright notice", StringComparison.OrdinalIgnoreCase))
            {
                return line.Indent > 0 ? FormatEra.Indented2008 : FormatEra.Unknown;
            }
        }

        return FormatEra.Unknown;
    }

    /// <summary>
    /// Groups lines into labelled fields. A label line is <c>Label:</c> (optionally followed by a value);
    /// the lines after it that are indented deeper (or, after an empty label, unlabelled lines at the same
    /// depth) are its values, up to a blank line. <c>Copyright notice</c> ends the record.
    /// </summary>
    /// <remarks>
    /// Also collects the lines that may carry a limit message: lines of their own, outside any block's
    /// values (<c>whois.domain-registry.nl: only 1 request per second allowed, try again later</c> reads
    /// like a label of its own); a party's name or address is a value inside a block, so a registrant
    /// called "Try Again Later B.V." never makes a record a throttle. <see cref="MessageCandidates"/>
    /// keeps those at the record's label depth or above.
    /// </remarks>
    private static Blocks ReadBlocks(List<Line> lines)
    {
        var fields = new List<RawField>();
        var messageLines = new List<Line>();
        RawField? open = null;
        var ended = false;
        foreach (var line in lines)
        {
            if (line.Content.Length == 0)
            {
                open = null;
                continue;
            }

            if (ended)
            {
                // After the copyright notice: no fields, but a message may still follow.
                messageLines.Add(line);
                continue;
            }

            if (open is not null && line.Indent > open.Indent)
            {
                open.Values.Add(line.Content);
                continue;
            }

            if (line.Content.Equals("Copyright notice", StringComparison.OrdinalIgnoreCase))
            {
                ended = true;
                open = null;
                continue;
            }

            if (TryLabel(line.Content, out var label, out var inline))
            {
                open = new RawField(FieldOf(label), label, line.Indent, inline, []);
                fields.Add(open);
                // A known label's value ("Registrar: Too Many Requests B.V.") is a fact, not a message.
                if (open.Field == Field.Other)
                {
                    messageLines.Add(line);
                }

                continue;
            }

            if (open is not null && open.Inline.Length == 0 && line.Indent == open.Indent)
            {
                open.Values.Add(line.Content);
                continue;
            }

            // An unlabelled line outside any block (a banner, a free line, a message): not part of a record.
            open = null;
            messageLines.Add(line);
        }

        return new Blocks(fields, messageLines);
    }

    private static bool TryLabel(string content, out string label, out string inline)
    {
        label = inline = "";
        var colon = content.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || colon > MaxLabelLength || !char.IsAsciiLetter(content[0]))
        {
            return false;
        }

        // "http://" and IPv6 addresses are values, not labels.
        if (colon + 1 < content.Length && !char.IsWhiteSpace(content[colon + 1]))
        {
            return false;
        }

        for (var i = 0; i < colon; i++)
        {
            if (!(char.IsAsciiLetter(content[i]) || content[i] is ' ' or '(' or ')' or '-' or '/' or '\'' or '.'))
            {
                return false;
            }
        }

        label = content[..colon].Trim();
        inline = content[(colon + 1)..].Trim();
        return true;
    }

    private static Field FieldOf(string label)
    {
        var key = string.Join(' ', label.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return Labels.TryGetValue(key, out var f) ? f : Field.Other;
    }

    private static WhoisReply ReadRecord(Blocks blocks)
    {
        var fields = blocks.Fields;
        var domainFields = fields.Where(f => f.Field == Field.Domain).ToList();
        if (domainFields.Count == 0)
        {
            return new WhoisReply(ReplyClass.Unparseable, Message: fields.Count == 0
                ? "no label, no free line and no limit message"
                : "no 'Domain name:' label");
        }

        var domains = domainFields.Select(f => FirstValue(f)?.TrimEnd('.').ToLowerInvariant()).Distinct().ToList();
        if (domains.Count != 1 || domains[0] is not { } domain || !IsDomainName(domain))
        {
            return new WhoisReply(ReplyClass.Unparseable, Message: domains.Count > 1
                ? "more than one domain name in one reply"
                : $"'{Shorten(FirstValue(domainFields[0]))}' is not a domain name");
        }

        var statusTexts = fields.Where(f => f.Field == Field.Status).Select(FirstValue).OfType<string>()
            .Select(s => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Distinct().ToList();
        var statusText = statusTexts.Count == 1 ? statusTexts[0] : null;
        var status = statusText?.ToLowerInvariant() switch
        {
            "active" => DomainStatus.Active,
            "inactive" => DomainStatus.Inactive,
            "in quarantine" or "quarantine" => DomainStatus.Quarantine,
            _ => DomainStatus.Unknown,
        };

        var record = BuildRecord(domain, status, statusText, fields, domainFields[0].Indent);
        if (statusTexts.Count > 1)
        {
            return new WhoisReply(ReplyClass.Unparseable, record.Era, domain, record, Message: "more than one status in one reply");
        }

        var cls = status switch
        {
            DomainStatus.Active => ReplyClass.Registered,
            DomainStatus.Inactive => ReplyClass.Inactive,
            DomainStatus.Quarantine => ReplyClass.Quarantine,
            _ => ReplyClass.Unparseable,
        };
        // Every complete record of every era ends with "Record maintained by:"; a record without it was cut
        // (a short read, a dropped connection) and may lack registrar, contacts or name servers. It is kept
        // for evidence but is not a fact.
        if (cls != ReplyClass.Unparseable && record.MaintainedBy is null)
        {
            return new WhoisReply(ReplyClass.Unparseable, record.Era, domain, record, Message: IncompleteMessage);
        }

        // A record without a status we know is shown but not classified: a guess would become a fact.
        var message = cls == ReplyClass.Unparseable
            ? statusText is null ? "record without 'Status:'" : $"unknown status '{Shorten(statusText)}'"
            : null;
        return new WhoisReply(cls, record.Era, domain, record, Message: message);
    }

    private static WhoisRecord BuildRecord(string domain, DomainStatus status, string? statusText, List<RawField> fields, int domainIndent)
    {
        var other = new List<WhoisField>();
        WhoisParty? registrar = null, lastRegistrar = null, reseller = null;
        WhoisContact? registrant = null, admin = null;
        var tech = new List<WhoisContact>();
        var nameServers = new List<NameServer>();
        bool? dnssec = null;
        DateOnly? created = null, updated = null, outOfQuarantine = null;
        AbuseContact? abuse = null;
        string? maintainedBy = null;
        var sawCurrentLabel = false;

        foreach (var f in fields)
        {
            var values = AllValues(f);
            switch (f.Field)
            {
                case Field.Domain:
                case Field.Status:
                    break;
                case Field.Registrant:
                    registrant ??= Contact(values);
                    break;
                case Field.Admin:
                    admin ??= Contact(values);
                    break;
                case Field.Tech:
                    tech.AddRange(Contacts(values));
                    break;
                case Field.Registrar:
                    registrar ??= Party(values);
                    break;
                case Field.LastRegistrar:
                    lastRegistrar ??= Party(values);
                    break;
                case Field.Reseller:
                    reseller ??= Party(values);
                    sawCurrentLabel = true;
                    break;
                case Field.Abuse:
                    abuse ??= Abuse(values);
                    sawCurrentLabel = true;
                    break;
                case Field.Dnssec:
                    dnssec = FirstValue(f)?.ToLowerInvariant() switch
                    {
                        "yes" => true,
                        "no" => false,
                        _ => Keep(other, f, values, dnssec),
                    };
                    break;
                case Field.NameServers:
                    ReadNameServers(f, values, nameServers, other);
                    break;
                case Field.Created:
                    created ??= Date(f, values, other);
                    sawCurrentLabel |= f.Label.StartsWith("Creation", StringComparison.OrdinalIgnoreCase);
                    break;
                case Field.Updated:
                    updated ??= Date(f, values, other);
                    sawCurrentLabel |= f.Label.StartsWith("Updated", StringComparison.OrdinalIgnoreCase);
                    break;
                case Field.OutOfQuarantine:
                    outOfQuarantine ??= Date(f, values, other);
                    break;
                case Field.MaintainedBy:
                    maintainedBy ??= FirstValue(f);
                    break;
                default:
                    other.Add(new WhoisField(f.Label, values));
                    break;
            }
        }

        var era = domainIndent > 0 ? FormatEra.Indented2008
            : sawCurrentLabel || (maintainedBy?.Contains("SIDN", StringComparison.OrdinalIgnoreCase) ?? false) ? FormatEra.Current
            : FormatEra.Flat2010s;
        return new WhoisRecord
        {
            Domain = domain,
            Status = status,
            StatusText = statusText,
            Registrar = registrar,
            LastRegistrar = lastRegistrar,
            Reseller = reseller,
            Registrant = registrant,
            Admin = admin,
            Tech = tech,
            NameServers = nameServers,
            Dnssec = dnssec,
            Created = created,
            Updated = updated,
            OutOfQuarantine = outOfQuarantine,
            Abuse = abuse,
            MaintainedBy = maintainedBy,
            OtherFields = other,
            Era = era,
        };
    }

    // A value that did not parse is kept as an other field, never dropped.
    private static T? Keep<T>(List<WhoisField> other, RawField f, IReadOnlyList<string> values, T? current)
        where T : struct
    {
        other.Add(new WhoisField(f.Label, values));
        return current;
    }

    private static string? FirstValue(RawField f) => f.Inline.Length > 0 ? f.Inline : f.Values.FirstOrDefault();

    private static List<string> AllValues(RawField f)
    {
        var all = new List<string>(f.Values.Count + 1);
        if (f.Inline.Length > 0)
        {
            all.Add(f.Inline);
        }

        all.AddRange(f.Values);
        return all;
    }

    private static WhoisParty? Party(List<string> values) =>
        values.Count == 0 ? null : new WhoisParty(values[0], values[1..]);

    private static WhoisContact? Contact(List<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var hasHandle = IsHandle(values[0]);
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
            if (IsHandle(v) && current.Count > 0)
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

    private static void ReadNameServers(RawField f, List<string> values, List<NameServer> nameServers, List<WhoisField> other)
    {
        var unread = new List<string>();
        foreach (var v in values)
        {
            var tokens = v.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var host = tokens[0].TrimEnd('.').ToLowerInvariant();
            var addresses = new List<IPAddress>();
            var ok = IsDomainName(host);
            for (var i = 1; ok && i < tokens.Length; i++)
            {
                if (TryAddress(tokens[i], out var address))
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
                nameServers.Add(new NameServer(host, addresses));
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

    // IPAddress.TryParse reads "1" as 0.0.0.1; a glue address is written in full.
    private static bool TryAddress(string token, out IPAddress address)
    {
        address = IPAddress.None;
        var isV4 = token.Count(c => c == '.') == 3 && token.All(c => char.IsAsciiDigit(c) || c == '.');
        var isV6 = token.Contains(':', StringComparison.Ordinal) && token.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.');
        if ((isV4 || isV6) && IPAddress.TryParse(token, out var parsed))
        {
            address = parsed;
            return true;
        }

        return false;
    }

    private static DateOnly? Date(RawField f, List<string> values, List<WhoisField> other)
    {
        var v = FirstValue(f);
        if (v is not null && TryDate(v, out var date))
        {
            return date;
        }

        other.Add(new WhoisField(f.Label, values));
        return null;
    }

    /// <summary>Reads <c>27-05-1999</c> (2008–2009) or <c>1998-02-20</c> (later), optionally followed by a time.</summary>
    internal static bool TryDate(string value, out DateOnly date)
    {
        var v = value.Length > 10 && value[10] is 'T' or ' ' ? value[..10] : value;
        return DateOnly.TryParseExact(v, ["dd-MM-yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>A contact handle such as <c>GOO001748-MARKM</c>: upper-case letters and digits with a hyphen, no spaces.</summary>
    internal static bool IsHandle(string s) =>
        s.Length is >= 5 and <= 40
        && s.Contains('-', StringComparison.Ordinal)
        && s.Any(char.IsAsciiDigit)
        && s.Any(char.IsAsciiLetterUpper)
        && s.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>A host name of LDH labels with at least one dot (RFC 1035 §2.3.1, RFC 3696 §2).</summary>
    internal static bool IsDomainName(string s)
    {
        var name = s.EndsWith('.') ? s[..^1] : s;
        if (name.Length is 0 or > 253 || !name.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        var labelLength = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '.')
            {
                if (labelLength == 0 || name[i - 1] == '-')
                {
                    return false;
                }

                labelLength = 0;
                continue;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || (c == '-' && labelLength > 0)) || ++labelLength > 63)
            {
                return false;
            }
        }

        return labelLength > 0 && name[^1] != '-';
    }

    private static string Shorten(string? s) => s is null ? "" : s.Length <= 60 ? s : s[..60] + "…";
}
