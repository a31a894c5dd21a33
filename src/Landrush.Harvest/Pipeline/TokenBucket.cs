namespace Landrush.Harvest.Pipeline;

/// <summary>
/// Paces queries to one server at <see cref="Rate"/> per second on an absolute timeline: the k-th query's slot
/// is one interval after the (k−1)-th's, whenever the callers actually wake.
/// <list type="bullet">
/// <item>Never above the rate: the sends as they actually happen conform to a token bucket of the rate holding
/// two tokens (GCRA with a tolerance of one interval), so over any stretch of time W at most W × rate + 2 go
/// out, and the long-run rate is the rate. A send goes earlier than one interval after the previous one only to
/// make up a tick that went out late.</item>
/// <item>Never systematically below: a send that goes out late (a timer firing late on a busy machine, by up to
/// an interval) does not push the timeline, so the next caller still goes at its own slot. A gap longer than
/// an interval with no caller waiting (idleness, a stall) starts the timeline anew from now, so the past is
/// never made up as a burst.</item>
/// </list>
/// Waits sleep until just before the slot, then (on the system clock) spin the last stretch, so a timer's
/// granularity does not show as jitter at the server. A server's throttle reply calls <see cref="Pause"/>.
/// </summary>
public sealed class TokenBucket
{
    private static readonly TimeSpan SpinBelow = TimeSpan.FromMilliseconds(3);
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly long _interval;
    private long _tat = long.MinValue;
    private long _next;
    private long _pausedUntil = long.MinValue;
    private bool _started;

    /// <param name="rate">Queries per second; 0 or less is no limit.</param>
    /// <param name="clock">The clock (tests pass a fake one). Default is the system's.</param>
    public TokenBucket(double rate, TimeProvider? clock = null)
    {
        Rate = rate;
        _clock = clock ?? TimeProvider.System;
        _interval = rate > 0 ? Math.Max(1, (long)(_clock.TimestampFrequency / rate)) : 0;
    }

    public double Rate { get; }

    /// <summary>The interval between slots, in <see cref="TimeProvider.GetTimestamp"/> ticks of the bucket's clock.</summary>
    internal long Interval => _interval;

    /// <summary>Waits for this caller's slot, then counts its send.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (_interval == 0)
        {
            return;
        }

        var slot = Reserve();
        while (TryCommit(ref slot) is { } wake)
        {
            var wait = _clock.GetElapsedTime(_clock.GetTimestamp(), wake);
            if (wait > SpinBelow || _clock != TimeProvider.System)
            {
                await Task.Delay(_clock == TimeProvider.System ? wait - TimeSpan.FromMilliseconds(2) : wait, _clock, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                cancellationToken.ThrowIfCancellationRequested();
                Thread.Yield();
            }
        }
    }

    /// <summary>Nobody gets a slot before <paramref name="duration"/> from now.</summary>
    public void Pause(TimeSpan duration)
    {
        lock (_gate)
        {
            var until = _clock.GetTimestamp() + (long)(duration.TotalSeconds * _clock.TimestampFrequency);
            _next = Math.Max(_next, until);
            _pausedUntil = Math.Max(_pausedUntil, until);
            _started = true;
        }
    }

    /// <summary>Takes the next slot of the timeline (a clock timestamp). Slots are one interval apart.</summary>
    internal long Reserve()
    {
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            // More than an interval behind with no one waiting: idle or stalled. Start anew rather than burst.
            if (!_started || _next < now - _interval)
            {
                _next = Math.Max(_next, now);
                _started = true;
            }

            var slot = _next;
            _next += _interval;
            return slot;
        }
    }

    /// <summary>
    /// Counts a send for <paramref name="slot"/> if it may go now, and returns null; otherwise returns the
    /// timestamp to try again at (the slot, or when the sends so far leave room for one more). A slot that a
    /// <see cref="Pause"/> covered is exchanged for the next free one after the pause, so that the callers that
    /// held slots in it do not all go at once when it ends.
    /// </summary>
    internal long? TryCommit(ref long slot)
    {
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            if (slot < _pausedUntil)
            {
                slot = _next;
                _next += _interval;
            }

            // Conformance of the actual sends: the theoretical arrival time of the next one, less one interval of tolerance.
            var open = _tat == long.MinValue ? slot : Math.Max(slot, _tat - _interval);
            if (now < open)
            {
                return open;
            }

            _tat = Math.Max(_tat, now) + _interval;
            return null;
        }
    }
}
