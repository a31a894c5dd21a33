namespace Landrush.Harvest.Pipeline;

/// <summary>A worker's WHOIS counts, written by the <see cref="WhoisStage"/>'s tasks (Interlocked) and read for the result.</summary>
internal sealed class WhoisTally
{
    public long Asked;
    public long Throttled;
    public long Registered;
    public long Free;
    public long Failed;

    /// <summary>Names settled (answered, or failed for this run).</summary>
    public long Done;

    /// <summary>The registry's daily-limit message, once it said so: nothing more is asked.</summary>
    public volatile string? DailyLimit;

    public string? FirstFailure;
}
