using System.Net;
using System.Text.Json;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois;

namespace Landrush.Core.Rdap;

/// <summary>
/// Reads an RDAP domain reply (RFC 9083 §5.3, SIDN style) into the same <see cref="WhoisReply"/> and
/// <see cref="WhoisRecord"/> as WHOIS. Pure: the HTTP status is the client's business; an RFC 9083 §6
/// error body with <c>errorCode</c> 404 or 429 is read as free or throttled.
/// </summary>
/// <remarks>
/// Status mapping (RFC 8056 §2 maps EPP statuses to RDAP values; RFC 9083 §10.2.2 lists them):
/// <c>inactive</c> → inactive; <c>redemption period</c> or <c>pending delete</c> → quarantine (our reading
/// of SIDN's quarantine, not confirmed against a live reply); any other set holding at least one value
/// of that list → registered. RDAP <c>active</c> is EPP <c>ok</c>, which never stands beside a lock or
/// prohibition, so a registry-locked domain (<c>server delete prohibited</c>, …) shows no <c>active</c>
/// and is registered all the same. An empty set, or one of values none of which is known, is
/// unparseable (record kept). Every value is kept in <see cref="WhoisRecord.Statuses"/>. A leading
/// byte-order mark is skipped. A name redacted by RFC 9537's empty value is absent (null), not <c>""</c>.
/// Event dates are read as the calendar date written, as WHOIS shows it.
/// </remarks>
public static class RdapParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads one reply body.</summary>
    /// <param name="json">The body.</param>
    /// <param name="queriedDomain">The name asked for: an error body does not repeat it.</param>
    public static WhoisReply Parse(string json, DomainName? queriedDomain = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            // A byte-order mark is not JSON; some servers and editors write one all the same.
            using var doc = JsonDocument.Parse(json.StartsWith('\uFEFF') ? json.AsMemory(1) : json.AsMemory(), Options);
            return Read(doc.RootElement, queriedDomain?.ToString());
        }
        catch (JsonException ex)
        {
            return new WhoisReply(ReplyClass.Unparseable, FormatEra.Rdap, Message: $"not JSON: {ex.Message}");
        }
    }

    private static WhoisReply Read(JsonElement root, string? queried)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new WhoisReply(ReplyClass.Unparseable, FormatEra.Rdap, Message: "not a JSON object");
        }

        if (ReadError(root, queried) is { } error)
        {
            return error;
        }

        if (Str(root, "objectClassName") is not { } cls || !cls.Equals("domain", StringComparison.OrdinalIgnoreCase))
        {
            return new WhoisReply(ReplyClass.Unparseable, FormatEra.Rdap, Message: "not an RDAP domain object");
        }

        if (!DomainName.TryParse(Str(root, "ldhName"), out var ldhName))
        {
            return new WhoisReply(ReplyClass.Unparseable, FormatEra.Rdap, Message: "domain object without a valid ldhName");
        }

        var domain = ldhName.ToString();
        var statuses = Strings(root, "status");
        var status = StatusOf(statuses);

        var other = new List<WhoisField>();
        WhoisParty? registrar = null, reseller = null;
        WhoisContact? registrant = null, admin = null;
        var tech = new List<WhoisContact>();
        AbuseContact? abuse = null;
        foreach (var entity in Array(root, "entities"))
        {
            ReadEntity(entity, ref registrar, ref reseller, ref registrant, ref admin, tech, ref abuse);
        }

        var (created, updated) = ReadEvents(root, other);
        var nameServers = ReadNameServers(root, other);
        var dnssec = ReadDnssec(root);

        var record = new WhoisRecord
        {
            Domain = domain,
            Status = status,
            StatusText = statuses.Count == 0 ? null : string.Join(", ", statuses),
            Statuses = statuses,
            Registrar = registrar,
            Reseller = reseller,
            Registrant = registrant,
            Admin = admin,
            Tech = tech,
            NameServers = nameServers,
            Dnssec = dnssec,
            Created = created,
            Updated = updated,
            Abuse = abuse,
            OtherFields = other,
            Era = FormatEra.Rdap,
        };
        var replyClass = StatusClasses.ReplyClassOf(status);
        return new WhoisReply(replyClass, FormatEra.Rdap, domain, record,
            Message: replyClass == ReplyClass.Unparseable ? $"no known status in [{string.Join(", ", statuses)}]" : null);
    }

    // An RFC 9083 §6 error body: 404 says the name is free, 429 that we were throttled.
    private static WhoisReply? ReadError(JsonElement root, string? queried)
    {
        if (!root.TryGetProperty("errorCode", out var code) || code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out var c))
        {
            return null;
        }

        var title = Str(root, "title");
        return c switch
        {
            404 => new WhoisReply(ReplyClass.Free, FormatEra.Rdap, queried, Message: title),
            429 => new WhoisReply(ReplyClass.Throttled, FormatEra.Rdap, Message: title ?? "429"),
            _ => new WhoisReply(ReplyClass.Unavailable, FormatEra.Rdap, Message: $"error {c}: {title}"),
        };
    }

    private static (DateOnly? Created, DateOnly? Updated) ReadEvents(JsonElement root, List<WhoisField> other)
    {
        DateOnly? created = null, updated = null;
        foreach (var ev in Array(root, "events"))
        {
            var action = Str(ev, "eventAction");
            var date = Str(ev, "eventDate");
            var parsed = date is not null && date.Length >= 10 && ReplyValues.TryDate(date[..10], out var d) ? d : (DateOnly?)null;
            switch (action?.ToLowerInvariant())
            {
                case "registration" when parsed is not null:
                    created ??= parsed;
                    break;
                case "last changed" when parsed is not null:
                    updated ??= parsed;
                    break;
                case "last update of rdap database":
                    break; // about the server's copy, not the domain
                default:
                    other.Add(new WhoisField($"event {action}", date is null ? [] : [date]));
                    break;
            }
        }

        return (created, updated);
    }

    private static List<NameServer> ReadNameServers(JsonElement root, List<WhoisField> other)
    {
        var nameServers = new List<NameServer>();
        foreach (var ns in Array(root, "nameservers"))
        {
            if (!HostName.TryParse(Str(ns, "ldhName"), out var host) || !host.IsQualified)
            {
                other.Add(new WhoisField("nameserver", [ns.GetRawText()]));
                continue;
            }

            var addresses = new List<IPAddress>();
            if (ns.TryGetProperty("ipAddresses", out var ips) && ips.ValueKind == JsonValueKind.Object)
            {
                foreach (var a in Strings(ips, "v4").Concat(Strings(ips, "v6")))
                {
                    if (ReplyValues.TryAddress(a, out var ip))
                    {
                        addresses.Add(ip);
                    }
                }
            }

            nameServers.Add(new NameServer(host.ToString(), addresses));
        }

        return nameServers;
    }

    private static bool? ReadDnssec(JsonElement root)
    {
        bool? dnssec = null;
        if (root.TryGetProperty("secureDNS", out var sec) && sec.ValueKind == JsonValueKind.Object
            && sec.TryGetProperty("delegationSigned", out var signed) && signed.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            dnssec = signed.GetBoolean();
        }

        return dnssec;
    }

    // RFC 9083 §10.2.2 (the IANA "RDAP JSON Values" registry, type "status").
    private static readonly HashSet<string> KnownStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        "validated", "renew prohibited", "update prohibited", "transfer prohibited", "delete prohibited", "proxy",
        "private", "removed", "obscured", "associated", "active", "inactive", "locked", "pending create",
        "pending renew", "pending transfer", "pending update", "pending delete", "add period", "auto renew period",
        "client delete prohibited", "client hold", "client renew prohibited", "client transfer prohibited",
        "client update prohibited", "pending restore", "redemption period", "renew period", "server delete prohibited",
        "server renew prohibited", "server transfer prohibited", "server update prohibited", "server hold",
        "transfer period", "administrative", "reserved",
    };

    private static DomainStatus StatusOf(List<string> statuses)
    {
        if (statuses.Contains("inactive", StringComparer.OrdinalIgnoreCase))
        {
            return DomainStatus.Inactive;
        }

        if (statuses.Any(s => s.Equals("redemption period", StringComparison.OrdinalIgnoreCase) || s.Equals("pending delete", StringComparison.OrdinalIgnoreCase)))
        {
            return DomainStatus.Quarantine;
        }

        // Registered is any set that is not free, quarantine or inactive; a set of values none of which is
        // in the registry is not understood, and a guess would become a fact.
        return statuses.Any(KnownStatuses.Contains) ? DomainStatus.Active : DomainStatus.Unknown;
    }

    private static void ReadEntity(
        JsonElement entity, ref WhoisParty? registrar, ref WhoisParty? reseller, ref WhoisContact? registrant,
        ref WhoisContact? admin, List<WhoisContact> tech, ref AbuseContact? abuse)
    {
        if (entity.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var roles = Strings(entity, "roles");
        var card = VCard.Read(entity);
        var handle = Str(entity, "handle") is { Length: > 0 } h ? h : null;
        foreach (var role in roles)
        {
            switch (role.ToLowerInvariant())
            {
                case "registrar" when card.Name is not null:
                    registrar ??= new WhoisParty(card.Name, card.Address);
                    break;
                case "reseller" when card.Name is not null:
                    reseller ??= new WhoisParty(card.Name, card.Address);
                    break;
                case "registrant":
                    registrant ??= new WhoisContact(handle, card.Name, card.Address);
                    break;
                case "administrative":
                    admin ??= new WhoisContact(handle, card.Name, card.Contact);
                    break;
                case "technical":
                    tech.Add(new WhoisContact(handle, card.Name, card.Contact));
                    break;
                case "abuse":
                    abuse ??= new AbuseContact(card.Phone, card.Email);
                    break;
                default:
                    break;
            }
        }

        // The abuse contact sits inside the registrar entity (RFC 9083 §5.1 nested entities).
        foreach (var inner in Array(entity, "entities"))
        {
            ReadEntity(inner, ref registrar, ref reseller, ref registrant, ref admin, tech, ref abuse);
        }
    }

    private static string? Str(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    private static List<string> Strings(JsonElement obj, string name) =>
        [.. Array(obj, name).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];

    private static List<JsonElement> Array(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray()]
            : [];

    /// <summary>The parts of a jCard (RFC 7095) the record needs.</summary>
    private sealed record VCard(string? Name, List<string> Address, string? Phone, string? Email)
    {
        public List<string> Contact => [.. new[] { Phone, Email }.OfType<string>()];

        public static VCard Read(JsonElement entity)
        {
            string? name = null, phone = null, email = null;
            var address = new List<string>();
            if (entity.TryGetProperty("vcardArray", out var arr) && arr.ValueKind == JsonValueKind.Array
                && arr.GetArrayLength() >= 2 && arr[1].ValueKind == JsonValueKind.Array)
            {
                foreach (var prop in arr[1].EnumerateArray())
                {
                    if (prop.ValueKind != JsonValueKind.Array || prop.GetArrayLength() < 4 || prop[0].ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    var value = prop[3];
                    switch (prop[0].GetString())
                    {
                        // RFC 9537 redacts by an empty value: absent, not "".
                        case "fn" when NonEmpty(value) is { } fn:
                            name ??= fn;
                            break;
                        case "tel" when NonEmpty(value) is { } tel:
                            phone ??= NonEmpty(StripScheme(tel, "tel:"));
                            break;
                        case "email" when NonEmpty(value) is { } mail:
                            email ??= NonEmpty(StripScheme(mail, "mailto:"));
                            break;
                        case "adr":
                            address.AddRange(AddressLines(prop));
                            break;
                        default:
                            break;
                    }
                }
            }

            return new VCard(name, address, phone, email);
        }

        // An adr value is seven components (RFC 6350 §6.3.1), each a string or an array of strings.
        private static IEnumerable<string> AddressLines(JsonElement prop)
        {
            if (prop[1].ValueKind == JsonValueKind.Object && prop[1].TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String)
            {
                return label.GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }

            var value = prop[3];
            if (value.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var lines = new List<string>();
            foreach (var part in value.EnumerateArray())
            {
                if (part.ValueKind == JsonValueKind.String && part.GetString() is { Length: > 0 } s)
                {
                    lines.Add(s);
                }
                else if (part.ValueKind == JsonValueKind.Array)
                {
                    lines.AddRange(part.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String)
                        .Select(p => p.GetString()!).Where(p => p.Length > 0));
                }
            }

            return lines;
        }

        private static string? NonEmpty(JsonElement value) =>
            value.ValueKind == JsonValueKind.String ? NonEmpty(value.GetString()) : null;

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        private static string StripScheme(string value, string scheme) =>
            value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? value[scheme.Length..] : value;
    }
}
