namespace Landrush.Harvest.Pipeline;

/// <summary>
/// Paces the queries to one server so that they never exceed its limit: the one seam through which every stage of a
/// harvest is held to a rate (<see cref="TokenBucket"/> for WHOIS, <see cref="AllowanceLimiter"/> for the DNS sweep).
/// </summary>
public interface IRateLimiter
{
    /// <summary>The limit, queries per second; 0 or less is none.</summary>
    double Limit { get; }

    /// <summary>
    /// Counts one query if it may go now, and returns true; false (nothing counted) if it must wait. For callers that
    /// have other work meanwhile: the DNS sweep's lanes read replies between tries.
    /// </summary>
    bool TryAcquire();

    /// <summary>Waits until one query may go, then counts it.</summary>
    Task WaitAsync(CancellationToken cancellationToken);
}
