namespace Landrush.Core.Whois.Eras;

/// <summary>
/// The labels of the 2008–2009 .nl WHOIS format (<see cref="FormatEra.Indented2008"/>), exactly as
/// <c>whois.domain-registry.nl</c> wrote them, in the order a record shows them. The reader knows them
/// from here; a renderer of this era writes them from here.
/// </summary>
/// <remarks>
/// Layout: every line is indented by <see cref="Indent"/>; a label ends with <c>:</c>; a block's values
/// follow on lines indented by <see cref="ValueIndent"/>; blocks are separated by a blank line. The
/// domain name stands on the line after its label. <c>Registrant:</c>, <c>Administrative contact:</c>
/// and <c>Technical contact(s):</c> blocks begin with a contact handle (<c>ABC001234-XYZAB</c> style);
/// technical contacts may be several, each starting with its handle. Dates are
/// <see cref="DateFormat"/>. The record ends with <see cref="RecordMaintainedBy"/> and then the
/// <see cref="CopyrightNotice"/> paragraph. A free name is one line, <c>NAME is free</c>
/// (<see cref="FreeSuffix"/>), then the indented copyright notice.
/// </remarks>
public static class Era2008Labels
{
    /// <summary>Indentation of every label line: three spaces.</summary>
    public const string Indent = "   ";

    /// <summary>Indentation of a block's values: six spaces.</summary>
    public const string ValueIndent = "      ";

    /// <summary>The name follows on the next line.</summary>
    public const string DomainName = "Domain name:";

    /// <summary>Inline value, e.g. <c>Status: active</c>.</summary>
    public const string Status = "Status:";

    /// <summary>Block: handle, name, address lines, postcode and city, country.</summary>
    public const string Registrant = "Registrant:";

    /// <summary>Optional block: an address for legal service (kept as an other field).</summary>
    public const string Domicile = "Domicile:";

    /// <summary>Block: handle, name, phone, e-mail.</summary>
    public const string AdministrativeContact = "Administrative contact:";

    /// <summary>Block: name, address lines.</summary>
    public const string Registrar = "Registrar:";

    /// <summary>Block: one or more contacts, each handle, name, phone, e-mail.</summary>
    public const string TechnicalContacts = "Technical contact(s):";

    /// <summary>Block: one host per line, optionally followed by its glue addresses.</summary>
    public const string DomainNameservers = "Domain nameservers:";

    /// <summary>Inline date in <see cref="DateFormat"/>.</summary>
    public const string DateRegistered = "Date registered:";

    /// <summary>Inline date in <see cref="DateFormat"/>.</summary>
    public const string RecordLastUpdated = "Record last updated:";

    /// <summary>Inline value <see cref="MaintainedByValue"/>; ends every complete record.</summary>
    public const string RecordMaintainedBy = "Record maintained by:";

    /// <summary>The value of <see cref="RecordMaintainedBy"/> in this era.</summary>
    public const string MaintainedByValue = "NL Domain Registry";

    /// <summary>A line of its own (no colon) that starts the closing paragraph.</summary>
    public const string CopyrightNotice = "Copyright notice";

    /// <summary>Dates as <c>29-02-2008</c>.</summary>
    public const string DateFormat = "dd-MM-yyyy";

    /// <summary>A free name's reply: <c>73915.nl is free</c>.</summary>
    public const string FreeSuffix = " is free";

    /// <summary>The status of a registered name.</summary>
    public const string StatusActive = "active";
}
