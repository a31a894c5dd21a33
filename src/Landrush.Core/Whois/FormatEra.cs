namespace Landrush.Core.Whois;

/// <summary>Which generation of the .nl reply format a reply was read as (see <c>whois-nl-formats.md</c>).</summary>
public enum FormatEra
{
    /// <summary>No era could be told (single-line messages, garbage).</summary>
    Unknown = 0,

    /// <summary>2008–2009: every line indented, block values below their label, dd-mm-yyyy dates.</summary>
    Indented2008,

    /// <summary>2010s: flat labels, <c>DNSSEC:</c>, <c>Record maintained by: NL Domain Registry</c>, no registrant.</summary>
    Flat2010s,

    /// <summary>2020s: adds <c>Reseller:</c>, <c>Abuse Contact:</c>, ISO <c>Creation Date:</c>, <c>SIDN BV</c>.</summary>
    Current,

    /// <summary>An RDAP (RFC 9083) JSON reply.</summary>
    Rdap,
}
