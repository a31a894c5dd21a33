using Landrush.Harvest.Dns;

namespace Landrush.Harvest.Store;

/// <summary>One name's progress through the harvest.</summary>
/// <param name="Index">Index of the name in the space.</param>
/// <param name="Name">The full name, e.g. <c>0123.nl</c>.</param>
/// <param name="Dns">The DNS sweep's outcome; null when not swept yet.</param>
/// <param name="DnsReplyId">The DNS reply that decided it (null after a timeout).</param>
/// <param name="Verify">In the seeded sample of DNS-absent names that WHOIS is asked about too.</param>
/// <param name="Whois">The WHOIS stage's state.</param>
/// <param name="Reason">Why the WHOIS stage failed, when it did.</param>
public sealed record NameState(long Index, string Name, DnsOutcome? Dns, long? DnsReplyId, bool Verify, WhoisState Whois, string? Reason)
{
    /// <summary>True when the WHOIS stage must ask about this name: delegated, unknown, or in the verify sample.</summary>
    public bool NeedsWhois => Whois != WhoisState.Answered && Dns is { } d && (d != DnsOutcome.Absent || Verify);
}
