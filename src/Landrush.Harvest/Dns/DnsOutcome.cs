namespace Landrush.Harvest.Dns;

/// <summary>What the DNS sweep learned about one name.</summary>
public enum DnsOutcome : byte
{
    /// <summary>No usable answer: SERVFAIL, REFUSED, a malformed reply, or a timeout after every retry.</summary>
    Unknown = 0,

    /// <summary>A referral or NS answer for the name: it is in the zone, hence registered.</summary>
    Delegated = 1,

    /// <summary>NXDOMAIN: not in the zone (free, or registered but inactive or quarantined).</summary>
    Absent = 2,
}
