namespace Landrush.Harvest.Pipeline;

/// <summary>How a harvest run ended, and what it found.</summary>
/// <param name="Completed">Every name has a DNS outcome and every name WHOIS must answer has its fact.</param>
/// <param name="DailyLimit">The server's daily limit stopped the run cleanly; the next run resumes.</param>
/// <param name="DailyLimitMessage">The server's limit line.</param>
/// <param name="Names">Names in the plan.</param>
/// <param name="Delegated">DNS delegated.</param>
/// <param name="Absent">DNS absent.</param>
/// <param name="Unknown">DNS unknown.</param>
/// <param name="WhoisAsked">WHOIS queries sent by this run (throttled and retried ones included).</param>
/// <param name="Registered">Names WHOIS says are registered.</param>
/// <param name="Free">Names WHOIS says are free.</param>
/// <param name="Throttled">Throttle replies this run.</param>
/// <param name="Failed">Names whose WHOIS stage failed (the next run asks again), with the first reason.</param>
/// <param name="FirstFailure">One failure's reason, for the message.</param>
/// <param name="Missed">The verify sample's estimate of registered names DNS called absent.</param>
public sealed record HarvestResult(
    bool Completed, bool DailyLimit, string? DailyLimitMessage, long Names, long Delegated, long Absent, long Unknown,
    long WhoisAsked, long Registered, long Free, long Throttled, long Failed, string? FirstFailure, MissedEstimate Missed);
