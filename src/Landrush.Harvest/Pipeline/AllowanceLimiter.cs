namespace Landrush.Harvest.Pipeline;

/// <summary>
/// The DNS sweep's limiter: an allowance that grows with the time since it was made at <see cref="Limit"/> per
/// second, plus a start burst. Over any stretch from the start T at most T × limit + burst queries go out.
/// </summary>
/// <remarks>
/// Unlike <see cref="TokenBucket"/> it does not space single sends: a lane that waited two milliseconds for replies
/// sends what the allowance grew by meanwhile at once, which keeps a sweep at its rate in the tens of thousands a
/// second. Lock-free: every query of the sweep passes here.
/// </remarks>
public sealed class AllowanceLimiter : IRateLimiter
{
    private readonly TimeProvider _clock;
    private readonly long _start;
    private readonly int _burst;
    private long _issued;

    /// <param name="limit">Queries per second; 0 is no limit.</param>
    /// <param name="burst">Queries allowed at once at the start (the sweep gives one per socket, to smooth the start).</param>
    /// <param name="clock">The clock (tests pass a fake one). Default is the system's.</param>
    public AllowanceLimiter(double limit, int burst = 1, TimeProvider? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(burst);
        Limit = limit;
        _burst = burst;
        _clock = clock ?? TimeProvider.System;
        _start = _clock.GetTimestamp();
    }

    /// <inheritdoc/>
    public double Limit { get; }

    /// <inheritdoc/>
    public bool TryAcquire()
    {
        if (Limit <= 0)
        {
            return true;
        }

        var allowed = (long)(_clock.GetElapsedTime(_start).TotalSeconds * Limit) + _burst;
        if (Interlocked.Increment(ref _issued) <= allowed)
        {
            return true;
        }

        Interlocked.Decrement(ref _issued);
        return false;
    }

    /// <inheritdoc/>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (!TryAcquire())
        {
            // The allowance covers the next query once (issued + 1 − burst) / limit seconds have passed since the start.
            var due = TimeSpan.FromSeconds((Volatile.Read(ref _issued) + 1 - _burst) / Limit) - _clock.GetElapsedTime(_start);
            await Task.Delay(due > TimeSpan.Zero ? due : TimeSpan.FromMilliseconds(1), _clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
