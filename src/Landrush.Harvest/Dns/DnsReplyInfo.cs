namespace Landrush.Harvest.Dns;

/// <summary>What <see cref="DnsReplyReader"/> reads from a reply: no strings, no allocation.</summary>
/// <param name="Id">The reply's id.</param>
/// <param name="Truncated">TC bit: the reply was cut to fit UDP; ask again over TCP.</param>
/// <param name="Rcode">Response code (RFC 1035 §4.1.1): 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED.</param>
/// <param name="AnswerNs">NS records in the answer section owned by the name asked.</param>
/// <param name="AuthorityNs">NS records in the authority section owned by the name asked (a referral).</param>
internal readonly record struct DnsReplyInfo(ushort Id, bool Truncated, int Rcode, int AnswerNs, int AuthorityNs)
{
    public const int NoError = 0;
    public const int ServFail = 2;
    public const int NxDomain = 3;

    /// <summary>The sweep's reading: NXDOMAIN → absent; an NS answer or referral for the name → delegated; else unknown.</summary>
    public DnsOutcome Outcome => Rcode switch
    {
        NxDomain => DnsOutcome.Absent,
        NoError when AnswerNs + AuthorityNs > 0 => DnsOutcome.Delegated,
        _ => DnsOutcome.Unknown,
    };
}
