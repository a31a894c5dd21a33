using Landrush.Core.Dataset;

namespace Landrush.Core.Whois;

/// <summary>
/// The facts read from one registry record (WHOIS of any era, or RDAP). Lists are never null; a value the
/// reply does not show is null. Compare records field by field: the lists compare by reference.
/// </summary>
public sealed record WhoisRecord
{
    /// <summary>The domain, lower case, no trailing dot.</summary>
    public required string Domain { get; init; }

    /// <summary>The status mapped to the dataset's vocabulary; <see cref="DomainStatus.Unknown"/> when not recognised.</summary>
    public DomainStatus Status { get; init; }

    /// <summary>The status exactly as shown (<c>active</c>, <c>in quarantine</c>, RDAP status values joined by <c>, </c>).</summary>
    public string? StatusText { get; init; }

    /// <summary>Every status value as read, in the order shown: one for WHOIS, the <c>status</c> array for
    /// RDAP (e.g. <c>server delete prohibited</c>, <c>server transfer prohibited</c>). Empty when none.</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];

    public WhoisParty? Registrar { get; init; }

    /// <summary>The <c>Last registrar:</c> block of a name in quarantine.</summary>
    public WhoisParty? LastRegistrar { get; init; }

    public WhoisParty? Reseller { get; init; }

    /// <summary>Shown in the 2008–2009 format and in RDAP; not in later WHOIS replies.</summary>
    public WhoisContact? Registrant { get; init; }

    public WhoisContact? Admin { get; init; }

    public IReadOnlyList<WhoisContact> Tech { get; init; } = [];

    /// <summary>Name servers in the order shown.</summary>
    public IReadOnlyList<NameServer> NameServers { get; init; } = [];

    /// <summary><c>DNSSEC: yes|no</c>; null when not shown.</summary>
    public bool? Dnssec { get; init; }

    /// <summary><c>Date registered</c> (dd-mm-yyyy) or <c>Creation Date</c> (ISO) or RDAP <c>registration</c>.</summary>
    public DateOnly? Created { get; init; }

    /// <summary><c>Record last updated</c>, <c>Updated Date</c> or RDAP <c>last changed</c>.</summary>
    public DateOnly? Updated { get; init; }

    /// <summary><c>Date out of quarantine</c> of a name in quarantine.</summary>
    public DateOnly? OutOfQuarantine { get; init; }

    public AbuseContact? Abuse { get; init; }

    /// <summary><c>Record maintained by</c> as shown (it tells eras apart).</summary>
    public string? MaintainedBy { get; init; }

    /// <summary>Labelled fields that were not interpreted, in the order shown.</summary>
    public IReadOnlyList<WhoisField> OtherFields { get; init; } = [];

    public FormatEra Era { get; init; }

    public string? RegistrantHandle => Registrant?.Handle;

    public string? RegistrantName => Registrant?.Name;

    public string? AdminHandle => Admin?.Handle;

    /// <summary>Handles of the technical contacts that show one.</summary>
    public IReadOnlyList<string> TechHandles => [.. Tech.Select(t => t.Handle).OfType<string>()];
}
