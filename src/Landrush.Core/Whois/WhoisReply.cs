using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;

namespace Landrush.Core.Whois;

/// <summary>
/// A classified registry reply. <see cref="Record"/> is set for <see cref="ReplyClass.Registered"/>,
/// <see cref="ReplyClass.Inactive"/> and <see cref="ReplyClass.Quarantine"/>, and also for
/// <see cref="ReplyClass.Unparseable"/> when a record was read but its status was not understood.
/// </summary>
/// <param name="Class">What the reply says.</param>
/// <param name="Era">Which format generation matched.</param>
/// <param name="Domain">The domain the reply is about, when it names one (record or <c>x.nl is free</c>).</param>
/// <param name="Record">The parsed record, when there is one.</param>
/// <param name="RetryAfter">How long to wait before asking again, where the server says it
/// (<c>only 1 request per second</c> → 1 s, RDAP <c>Retry-After</c>); null when it does not.</param>
/// <param name="Message">The server's limit or error line, or why the reply was not understood.</param>
public sealed record WhoisReply(
    ReplyClass Class,
    FormatEra Era = FormatEra.Unknown,
    string? Domain = null,
    WhoisRecord? Record = null,
    TimeSpan? RetryAfter = null,
    string? Message = null)
{
    /// <summary>A reply that was larger than <paramref name="cap"/> bytes: cut there and not read.</summary>
    public static WhoisReply OversizeAt(int cap) => new(ReplyClass.Oversize, Message: $"reply cut at {cap} bytes: larger than the cap");

    /// <summary>True when the reply is a fact about the domain (registered in some form, or free).</summary>
    public bool IsFact => StatusClasses.DomainStatusOf(Class) is not null;

    /// <summary>
    /// This reply, or — when it names another domain than <paramref name="asked"/> — an
    /// <see cref="ReplyClass.Unparseable"/> one saying so: a reply about another name is a fact about
    /// neither. A reply that names no domain (a limit message, an error) is returned as it is.
    /// </summary>
    public WhoisReply CheckedAgainst(DomainName asked)
    {
        var name = asked.ToString();
        return Domain is { } domain && !string.Equals(domain, name, StringComparison.Ordinal)
            ? this with { Class = ReplyClass.Unparseable, Message = $"reply is about {domain}, not {name}" }
            : this;
    }

    /// <summary>
    /// The dataset row this reply supports, or null when the reply is not a fact about a domain (a
    /// throttle, limit, error, oversize or unparseable reply must never become a row).
    /// </summary>
    public RegistryRecord? ToRegistryRecord(RecordSource source, DateTimeOffset? fetchedAt = null, string? rawRef = null)
    {
        if (!IsFact || Domain is null)
        {
            return null;
        }

        if (Class == ReplyClass.Free)
        {
            return new RegistryRecord(DomainName.Parse(Domain), DomainStatus.Free, Source: source, FetchedAt: fetchedAt, RawRef: rawRef);
        }

        if (Record is null)
        {
            return null;
        }

        var status = StatusClasses.DomainStatusOf(Class)!.Value;
        // A name in quarantine shows only its last registrar; that is still who held it.
        var registrar = Record.Registrar?.Name ?? Record.LastRegistrar?.Name;
        var nameServers = Record.NameServers.Select(n => n.Host).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToArray();
        return new RegistryRecord(
            DomainName.Parse(Record.Domain), status, registrar, Record.RegistrantHandle, Record.RegistrantName, Record.AdminHandle,
            nameServers, Record.Created, Record.Updated, source, fetchedAt, rawRef);
    }
}
