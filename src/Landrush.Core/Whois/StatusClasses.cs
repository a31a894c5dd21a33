using Landrush.Core.Dataset;

namespace Landrush.Core.Whois;

/// <summary>
/// The one mapping between a record's <see cref="DomainStatus"/> and the <see cref="ReplyClass"/> of the
/// reply that shows it, used by both readers and by <see cref="WhoisReply.ToRegistryRecord"/>.
/// </summary>
public static class StatusClasses
{
    /// <summary>The class of a reply showing a record with <paramref name="status"/>;
    /// <see cref="ReplyClass.Unparseable"/> for <see cref="DomainStatus.Unknown"/>.</summary>
    public static ReplyClass ReplyClassOf(DomainStatus status) => status switch
    {
        DomainStatus.Active => ReplyClass.Registered,
        DomainStatus.Inactive => ReplyClass.Inactive,
        DomainStatus.Quarantine => ReplyClass.Quarantine,
        DomainStatus.Free => ReplyClass.Free,
        _ => ReplyClass.Unparseable,
    };

    /// <summary>The dataset status a reply of class <paramref name="replyClass"/> supports, or null when the
    /// class is not a fact about the domain (throttle, limit, error, oversize, unparseable).</summary>
    public static DomainStatus? DomainStatusOf(ReplyClass replyClass) => replyClass switch
    {
        ReplyClass.Registered => DomainStatus.Active,
        ReplyClass.Inactive => DomainStatus.Inactive,
        ReplyClass.Quarantine => DomainStatus.Quarantine,
        ReplyClass.Free => DomainStatus.Free,
        _ => null,
    };
}
