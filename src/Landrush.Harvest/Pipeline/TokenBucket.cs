using System.Diagnostics;

namespace Landrush.Harvest.Pipeline;

/// <summary>
/// Paces queries to one server: at most <see cref="Rate"/> per second, evenly spaced (a bucket of one), never
/// a burst to catch up after a pause. Waits sleep until just before the slot, then spin the last stretch,
/// so that the achieved rate is the configured one and not a timer's granularity below it.
/// A server's throttle reply calls <see cref="Pause"/>: no one asks until it ends.
/// </summary>
public sealed class TokenBucket
{
    private readonly object _gate = new();
    private readonly long _interval;
    private long _next;
    private long _lastSent;

    /// <param name="rate">Queries per second; 0 or less is no limit.</param>
    public TokenBucket(double rate)
    {
        Rate = rate;
        _interval = rate > 0 ? (long)(Stopwatch.Frequency / rate) : 0;
        _next = Stopwatch.GetTimestamp();
    }

    public double Rate { get; }

    /// <summary>
    /// Waits for this caller's slot. Sends are also kept at least one interval apart as they actually
    /// happen: a caller that wakes late (a busy machine) does not go out right behind another one, which a
    /// server's own bucket would count as a burst.
    /// </summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (_interval == 0)
        {
            return;
        }

        long slot;
        lock (_gate)
        {
            slot = Math.Max(Stopwatch.GetTimestamp(), _next);
            _next = slot + _interval;
        }

        while (true)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), slot);
            if (wait > TimeSpan.FromMilliseconds(3))
            {
                await Task.Delay(wait - TimeSpan.FromMilliseconds(2), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (wait > TimeSpan.Zero)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Thread.Yield();
                continue;
            }

            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                if (now - _lastSent >= _interval)
                {
                    _lastSent = now;
                    return;
                }

                // Someone went out less than an interval ago: take the next free slot after it.
                slot = Math.Max(_lastSent + _interval, _next);
                _next = slot + _interval;
            }
        }
    }

    /// <summary>Nobody gets a slot before <paramref name="duration"/> from now.</summary>
    public void Pause(TimeSpan duration)
    {
        lock (_gate)
        {
            _next = Math.Max(_next, Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency));
        }
    }
}
