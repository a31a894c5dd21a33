using Landrush.Core.Enumeration;

namespace Landrush.Core.Dataset;

/// <summary>
/// One row of a registry dataset: what is known about one name of the space. Documented column by
/// column in <c>data/README.md</c>. Free names carry only name, length, status, source and fetch time.
/// </summary>
/// <param name="Name">Fully qualified name (<c>0123.nl</c>).</param>
/// <param name="Status">Registry status.</param>
/// <param name="Registrar">Registrar name as the registry shows it.</param>
/// <param name="RegistrantHandle">Registrant contact handle (2008 style <c>ABC001234-XYZAB</c>).</param>
/// <param name="RegistrantName">Registrant name where shown.</param>
/// <param name="AdminHandle">Administrative contact handle.</param>
/// <param name="NameServers">Name-server host names, lower case, sorted ordinally, no duplicates.</param>
/// <param name="Created">Date registered.</param>
/// <param name="Updated">Date the record was last updated.</param>
/// <param name="Source">Where the facts came from.</param>
/// <param name="FetchedAt">When the answer was obtained (UTC).</param>
/// <param name="RawRef">Reference to the kept raw response (evidence), e.g. <c>raw/0123.nl/20080301T120000Z.txt</c>.</param>
public sealed record RegistryRecord(
    DomainName Name,
    DomainStatus Status,
    string? Registrar = null,
    string? RegistrantHandle = null,
    string? RegistrantName = null,
    string? AdminHandle = null,
    IReadOnlyList<string>? NameServers = null,
    DateOnly? Created = null,
    DateOnly? Updated = null,
    RecordSource Source = RecordSource.Dns,
    DateTimeOffset? FetchedAt = null,
    string? RawRef = null)
{
    /// <summary>Length of the label left of the TLD (<c>0123.nl</c> → 4).</summary>
    public int Length => Name.LabelLength;

    /// <summary>Registered in any form (active, inactive or in quarantine).</summary>
    public bool IsRegistered => Status is DomainStatus.Active or DomainStatus.Inactive or DomainStatus.Quarantine;

    public IReadOnlyList<string> NameServerList => NameServers ?? [];

    // Records compare by value; the list needs element-wise comparison for round-trip tests to mean anything.
    public bool Equals(RegistryRecord? other) =>
        other is not null
        && Name == other.Name && Status == other.Status && Registrar == other.Registrar
        && RegistrantHandle == other.RegistrantHandle && RegistrantName == other.RegistrantName
        && AdminHandle == other.AdminHandle && NameServerList.SequenceEqual(other.NameServerList)
        && Created == other.Created && Updated == other.Updated && Source == other.Source
        && FetchedAt == other.FetchedAt && RawRef == other.RawRef;

    public override int GetHashCode() => HashCode.Combine(Name, Status, RegistrantHandle, Created);
}
