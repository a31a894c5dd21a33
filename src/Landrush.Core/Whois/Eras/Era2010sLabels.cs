namespace Landrush.Core.Whois.Eras;

/// <summary>
/// The labels of the .nl WHOIS format of about 2010–2019 (<see cref="FormatEra.Flat2010s"/>), exactly as
/// <c>whois.domain-registry.nl</c> wrote them, in the order a record shows them. The reader knows them
/// from here; a renderer of this era writes them from here.
/// </summary>
/// <remarks>
/// Layout: labels are not indented; <c>Domain name: x.nl</c> and <c>Status:      active</c> (the value
/// aligned with spaces) each on one line; a block's values are indented by <see cref="ValueIndent"/>;
/// blocks are separated by a blank line. No registrant. Name-server lines may carry IPv4/IPv6 addresses
/// after the host. A name in quarantine shows <see cref="LastRegistrar"/> instead of
/// <see cref="Registrar"/>, and <see cref="DateOutOfQuarantine"/>. Replies from about 2015 on also carry
/// <see cref="Reseller"/> and <see cref="AbuseContact"/> blocks (phone, e-mail; either may be missing)
/// while still ending in <c>Record maintained by: NL Domain Registry</c> with no creation date: those are
/// this era, not <see cref="EraCurrentLabels"/>. Dates are <see cref="DateFormat"/>.
/// </remarks>
public static class Era2010sLabels
{
    /// <summary>Indentation of a block's values: three spaces (labels are not indented).</summary>
    public const string ValueIndent = "   ";

    /// <summary>Inline: <c>Domain name: 90210.nl</c>.</summary>
    public const string DomainName = "Domain name:";

    /// <summary>Inline, the value aligned: <c>Status:      active</c>.</summary>
    public const string Status = "Status:";

    /// <summary>Block (from about 2015): name, address lines.</summary>
    public const string Reseller = "Reseller:";

    /// <summary>Block: name, address lines.</summary>
    public const string Registrar = "Registrar:";

    /// <summary>Block of a name in quarantine: the registrar that held it.</summary>
    public const string LastRegistrar = "Last registrar:";

    /// <summary>Block (from about 2015): phone, e-mail.</summary>
    public const string AbuseContact = "Abuse Contact:";

    /// <summary>Inline, aligned: <c>DNSSEC:      yes</c> or <c>no</c>.</summary>
    public const string Dnssec = "DNSSEC:";

    /// <summary>Block: one host per line, optionally followed by its glue addresses.</summary>
    public const string DomainNameservers = "Domain nameservers:";

    /// <summary>Inline date in <see cref="DateFormat"/>, for a name in quarantine.</summary>
    public const string DateOutOfQuarantine = "Date out of quarantine:";

    /// <summary>Inline value <see cref="MaintainedByValue"/>; ends every complete record. Some replies
    /// write <see cref="RecordMaintained"/> instead.</summary>
    public const string RecordMaintainedBy = "Record maintained by:";

    /// <summary>The variant of <see cref="RecordMaintainedBy"/> seen in some replies of this era.</summary>
    public const string RecordMaintained = "Record maintained:";

    /// <summary>The value of <see cref="RecordMaintainedBy"/> in this era.</summary>
    public const string MaintainedByValue = "NL Domain Registry";

    /// <summary>A line of its own (no colon) that starts the closing paragraph.</summary>
    public const string CopyrightNotice = "Copyright notice";

    /// <summary>Dates as <c>2013-06-21</c>.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>A free name's reply: <c>x.nl is free</c>.</summary>
    public const string FreeSuffix = " is free";

    /// <summary>Registered and delegated.</summary>
    public const string StatusActive = "active";

    /// <summary>Registered, not delegated.</summary>
    public const string StatusInactive = "inactive";

    /// <summary>Cancelled, held before it becomes free.</summary>
    public const string StatusInQuarantine = "in quarantine";
}
