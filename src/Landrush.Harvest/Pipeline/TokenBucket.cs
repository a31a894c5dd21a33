using Landrush.Harvest.Sources;

namespace Landrush.Harvest.Pipeline;

/// <summary>
/// Paces queries to one server whose limit is <see cref="Limit"/> per second: slots one paced interval apart
/// (1 / (limit × pace)) on an absolute timeline, and no send ever closer than 1 / limit to the previous one.
/// <list type="bullet">
/// <item>Never above the limit, even between two sends: the sends as they actually happen conform to the
/// strictest server bucket of the limit (one token), so over any stretch W at most W × limit + 1 go out. A
/// server that checks the gap between two queries sees none too short, except by its own or the network's
/// jitter in when it sees them.</item>
/// <item>Never systematically below the pace: a send that goes out late (a timer firing late on a busy machine)
/// does not push the timeline; the sends after it trail their slots and catch up by the slack between the two
/// intervals (1% of an interval at a pace of 99%) each, so bounded lateness costs no rate in the long run. A
/// gap longer than an interval with no caller waiting (idleness, a stall) starts the timeline anew from now, so
/// the past is never made up as a burst.</item>
/// </list>
/// Waits sleep until just before the slot, then (on the system clock) spin the last stretch, so a timer's
/// granularity does not show as jitter at the server. A server's throttle reply calls <see cref="Pause"/>.
/// </summary>
public sealed class TokenBucket : IRateLimiter, IDisposable
{
    private static readonly TimeSpan SpinBelow = TimeSpan.FromMilliseconds(3);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly TimeProvider _clock;
    private readonly long _interval;
    private readonly long _gap;
    private long _last = long.MinValue;
    private long _next;
    private long _pausedUntil = long.MinValue;
    private bool _started;

    /// <param name="limit">The server's limit in queries per second; 0 or less is no limit.</param>
    /// <param name="pace">Share of the limit the slots are spaced at, in (0, 1]: below 1 leaves slack to catch up
    /// late sends without ever sending two closer than 1 / limit.</param>
    /// <param name="clock">The clock (tests pass a fake one). Default is the system's.</param>
    public TokenBucket(double limit, double pace = 1, TimeProvider? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pace);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pace, 1);
        Limit = limit;
        _clock = clock ?? TimeProvider.System;
        _gap = limit > 0 ? Math.Max(1, (long)Math.Ceiling(_clock.TimestampFrequency / limit)) : 0;
        _interval = limit > 0 ? Math.Max(_gap, (long)Math.Ceiling(_clock.TimestampFrequency / (limit * pace))) : 0;
    }

    /// <inheritdoc/>
    public void Dispose() => _writing.Dispose();

    /// <summary>The server's limit, queries per second.</summary>
    public double Limit { get; }

    /// <summary>The interval between slots, in <see cref="TimeProvider.GetTimestamp"/> ticks of the bucket's clock.</summary>
    internal long Interval => _interval;

    /// <summary>The shortest gap between two sends (one over the limit), in clock ticks.</summary>
    internal long Gap => _gap;

    /// <summary>
    /// Counts a send now if the timeline's next slot has come and one gap has passed since the previous send; a caller
    /// that must wait reserves nothing.
    /// </summary>
    public bool TryAcquire()
    {
        if (_interval == 0)
        {
            return true;
        }

        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            Restart(now);
            if (_next > now || (_last != long.MinValue && now < _last + _gap))
            {
                return false;
            }

            _next += _interval;
            _last = now;
            return true;
        }
    }

    /// <summary>Waits for this caller's slot, then counts its send.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _interval == 0 ? Task.CompletedTask : WaitAsync(Reserve(), cancellationToken);

    /// <summary>
    /// Takes this caller's slot and waits until <paramref name="lead"/> before it (to connect in the meantime);
    /// <see cref="WaitAsync(long, CancellationToken)"/> with the slot then waits for the slot itself. A slot
    /// never waited for is simply unused: nothing was sent in it.
    /// </summary>
    public async Task<long> ApproachAsync(TimeSpan lead, CancellationToken cancellationToken)
    {
        if (_interval == 0)
        {
            return 0;
        }

        var slot = Reserve();
        var early = slot - (long)(lead.TotalSeconds * _clock.TimestampFrequency);
        var wait = _clock.GetElapsedTime(_clock.GetTimestamp(), early);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
        }

        return slot;
    }

    /// <summary>Waits for <paramref name="slot"/> (from <see cref="ApproachAsync"/>), then counts the send.</summary>
    public async Task WaitAsync(long slot, CancellationToken cancellationToken)
    {
        if (_interval == 0)
        {
            return;
        }

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

    /// <summary>
    /// The gate through which the query of <paramref name="slot"/> (from <see cref="ApproachAsync"/>) is written:
    /// entering waits for the slot (and one gap after the previous entry) and for the previous query's write to
    /// finish, so that writes never overtake each other. (Spacing from the end of the previous write instead
    /// cost ~1% of the rate at 50/s, the write's own time, for no fewer throttles.)
    /// </summary>
    public ISendGate Gate(long slot) => new SlotGate(this, slot);

    private sealed class SlotGate(TokenBucket bucket, long slot) : ISendGate
    {
        public async Task EnterAsync(CancellationToken cancellationToken)
        {
            await bucket._writing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await bucket.WaitAsync(slot, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                bucket._writing.Release();
                throw;
            }
        }

        public void Sent() => bucket._writing.Release();
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
            Restart(_clock.GetTimestamp());
            var slot = _next;
            _next += _interval;
            return slot;
        }
    }

    /// <summary>More than an interval behind with no one waiting: idle or stalled. The timeline starts anew rather than burst.</summary>
    private void Restart(long now)
    {
        if (!_started || _next < now - _interval)
        {
            _next = Math.Max(_next, now);
            _started = true;
        }
    }

    /// <summary>
    /// Counts a send for <paramref name="slot"/> if it may go now, and returns null; otherwise returns the
    /// timestamp to try again at (the slot, or one gap after the previous send). A slot that a
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

            // The actual sends keep one over the limit apart, whatever the slots say.
            var open = _last == long.MinValue ? slot : Math.Max(slot, _last + _gap);
            if (now < open)
            {
                return open;
            }

            _last = now;
            return null;
        }
    }
}
