namespace Landrush.Harvest.Pipeline;

/// <summary>A snapshot of a harvest's progress, for the progress line.</summary>
/// <param name="Stage"><c>dns</c> or <c>whois</c>.</param>
/// <param name="Done">Names finished in this stage (this run and earlier ones); in the DNS stage, names answered (or timed
/// out after retries) as they come, a moment before the store takes them in a batch.</param>
/// <param name="Total">Names this stage must finish.</param>
/// <param name="DoneThisRun">Names finished by this run (for the rate).</param>
/// <param name="Elapsed">Time spent in this stage by this run.</param>
/// <param name="Delegated">DNS: delegated names.</param>
/// <param name="Absent">DNS: absent names.</param>
/// <param name="Registered">WHOIS: registered (active, inactive, quarantine).</param>
/// <param name="Free">WHOIS: free.</param>
/// <param name="Throttled">WHOIS: throttle replies (waited and asked again).</param>
/// <param name="Failed">WHOIS: names failed after retries (asked again next run).</param>
/// <param name="Unknown">DNS: names no server answered usably after retries. DNS counts
/// (<paramref name="Delegated"/> + <paramref name="Absent"/> + this) never exceed <paramref name="Done"/>.</param>
public sealed record HarvestProgress(
    string Stage, long Done, long Total, long DoneThisRun, TimeSpan Elapsed,
    long Delegated, long Absent, long Registered, long Free, long Throttled, long Failed, long Unknown = 0)
{
    /// <summary>Names per second in this run.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? DoneThisRun / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left at the current rate; null when unknown.</summary>
    public TimeSpan? Eta => Rate > 0 ? TimeSpan.FromSeconds((Total - Done) / Rate) : null;
}
