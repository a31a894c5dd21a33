namespace Landrush.Harvest.Store;

/// <summary>A store's figures by stage, counted in the store (never by loading every name).</summary>
/// <param name="Names">Names with a state.</param>
/// <param name="Delegated">DNS delegated.</param>
/// <param name="Absent">DNS absent.</param>
/// <param name="Unknown">DNS unknown.</param>
/// <param name="WhoisNeeded">Names the WHOIS stage must answer (delegated, unknown, or in the verify sample).</param>
/// <param name="WhoisAnswered">Of those, answered (a fact stored).</param>
/// <param name="WhoisFailed">Of those, failed in their last attempt (asked again by the next run).</param>
/// <param name="Registered">Records of registered names (active, inactive, quarantine).</param>
/// <param name="Free">Records of free names.</param>
/// <param name="WhoisReplies">WHOIS/RDAP replies kept (throttles and failures included).</param>
/// <param name="Throttles">Throttle replies kept.</param>
public sealed record HarvestCounts(
    long Names, long Delegated, long Absent, long Unknown, long WhoisNeeded, long WhoisAnswered, long WhoisFailed,
    long Registered, long Free, long WhoisReplies, long Throttles)
{
    /// <summary>Names swept by DNS.</summary>
    public long Swept => Delegated + Absent + Unknown;
}
