namespace Landrush.Core.Whois;

/// <summary>What a WHOIS label stands for, whatever the era's spelling (<see cref="WhoisLabels"/>).</summary>
internal enum LabelKind
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
