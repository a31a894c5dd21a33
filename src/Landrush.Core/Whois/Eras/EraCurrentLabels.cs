namespace Landrush.Core.Whois.Eras;

/// <summary>
/// The labels of the current .nl WHOIS format (<see cref="FormatEra.Current"/>, the 2020s): the layout and
/// labels of <see cref="Era2010sLabels"/> plus <see cref="CreationDate"/> and <see cref="UpdatedDate"/>, and
/// <c>Record maintained by: SIDN BV</c>. Registrant details are not shown. The reader knows them from here;
/// a renderer of this era writes them from here.
/// </summary>
/// <remarks>
/// Order in a record: <c>Domain name</c>, <c>Status</c>, <c>Reseller</c>, <c>Registrar</c>,
/// <c>Abuse Contact</c>, <c>DNSSEC</c>, <c>Domain nameservers</c>, <see cref="CreationDate"/>,
/// <see cref="UpdatedDate"/>, <see cref="RecordMaintainedBy"/>, each block followed by a blank line.
/// The marks that tell this era from the 2010s are <see cref="MaintainedByValue"/> and
/// <see cref="CreationDate"/> (not the reseller or abuse blocks, which came earlier).
/// </remarks>
public static class EraCurrentLabels
{
    /// <summary>Indentation of a block's values: three spaces (labels are not indented).</summary>
    public const string ValueIndent = Era2010sLabels.ValueIndent;

    /// <summary>Inline: <c>Domain name: 31337.nl</c>.</summary>
    public const string DomainName = Era2010sLabels.DomainName;

    /// <summary>Inline, aligned: <c>Status:      active</c>.</summary>
    public const string Status = Era2010sLabels.Status;

    /// <summary>Block: name, address lines.</summary>
    public const string Reseller = Era2010sLabels.Reseller;

    /// <summary>Block: name, address lines.</summary>
    public const string Registrar = Era2010sLabels.Registrar;

    /// <summary>Block: phone, e-mail (either may be missing).</summary>
    public const string AbuseContact = Era2010sLabels.AbuseContact;

    /// <summary>Inline, aligned: <c>DNSSEC:      yes</c> or <c>no</c>.</summary>
    public const string Dnssec = Era2010sLabels.Dnssec;

    /// <summary>Block: one host per line, optionally followed by its glue addresses.</summary>
    public const string DomainNameservers = Era2010sLabels.DomainNameservers;

    /// <summary>Inline date in <see cref="DateFormat"/>: <c>Creation Date: 1998-02-20</c>.</summary>
    public const string CreationDate = "Creation Date:";

    /// <summary>Inline date in <see cref="DateFormat"/>: <c>Updated Date: 2025-09-12</c>.</summary>
    public const string UpdatedDate = "Updated Date:";

    /// <summary>Inline value <see cref="MaintainedByValue"/>; ends every complete record.</summary>
    public const string RecordMaintainedBy = Era2010sLabels.RecordMaintainedBy;

    /// <summary>The value of <see cref="RecordMaintainedBy"/> in this era.</summary>
    public const string MaintainedByValue = "SIDN BV";

    /// <summary>A line of its own (no colon) that starts the closing paragraph.</summary>
    public const string CopyrightNotice = Era2010sLabels.CopyrightNotice;

    /// <summary>Dates as <c>2024-11-05</c>.</summary>
    public const string DateFormat = Era2010sLabels.DateFormat;
}
