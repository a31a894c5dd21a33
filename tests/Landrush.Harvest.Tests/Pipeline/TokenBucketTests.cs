using Landrush.Harvest.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace Landrush.Harvest.Tests.Pipeline;

/// <summary>
/// The bucket on a fake clock: callers that wake late, in any order, counted send by send (no wall clock). A
/// small event loop plays the harvester's workers: each reserves a slot when it is ready, wakes (maybe late),
/// sends, and is ready again after its query's latency.
/// </summary>
public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Send times (clock timestamps) of <paramref name="sends"/> sends by <paramref name="workers"/> workers.</summary>
    private static List<long> Play(FakeTimeProvider clock, TokenBucket bucket, int workers, int sends, Func<long> lateness, Func<long> latency, Func<long>? retryLateness = null)
    {
        retryLateness ??= lateness;
        var events = new PriorityQueue<(bool Wake, long Slot), long>();
        for (var w = 0; w < workers; w++)
        {
            events.Enqueue((false, 0), clock.GetTimestamp());
        }

        var sent = new List<long>();
        while (sent.Count < sends)
        {
            events.TryDequeue(out var e, out var at);
            var now = clock.GetTimestamp();
            if (at > now)
            {
                clock.Advance(TimeSpan.FromSeconds((double)(at - now) / clock.TimestampFrequency));
            }

            if (!e.Wake)
            {
                var slot = bucket.Reserve();
                events.Enqueue((true, slot), Math.Max(slot, clock.GetTimestamp()) + lateness());
                continue;
            }

            var s = e.Slot;
            if (bucket.TryCommit(ref s) is { } retry)
            {
                events.Enqueue((true, s), retry + retryLateness());
                continue;
            }

            sent.Add(clock.GetTimestamp());
            events.Enqueue((false, 0), clock.GetTimestamp() + latency());
        }

        return sent;
    }

    [Theory]
    [InlineData(50.0, 0.99, 4, 1)]
    [InlineData(50.0, 0.99, 16, 2)]
    [InlineData(7.5, 1.0, 4, 3)]
    [InlineData(1.0, 0.99, 4, 4)]
    public void No_two_sends_are_closer_than_one_over_the_limit_however_late_the_callers_wake(double limit, double pace, int workers, int seed)
    {
        var clock = new FakeTimeProvider(Start);
        var bucket = new TokenBucket(limit, pace, clock);
        var interval = (long)(clock.TimestampFrequency / limit);
        var random = new Random(seed);
        // Most wake on time, some late by up to an interval, a few by up to five; queries take up to three intervals.
        long Lateness() => random.NextDouble() switch
        {
            < 0.7 => 0,
            < 0.9 => (long)(random.NextDouble() * interval),
            _ => (long)(random.NextDouble() * 5 * interval),
        };
        var sent = Play(clock, bucket, workers, 5000, Lateness, () => (long)(random.NextDouble() * 3 * interval));

        // Replayed through the strictest server bucket of the limit (one token, credit counted in clock ticks,
        // exact): every send finds its token.
        var credit = interval;
        for (var i = 0; i < sent.Count; i++)
        {
            credit = i == 0 ? credit : Math.Min(interval, credit + (sent[i] - sent[i - 1]));
            Assert.True(credit >= interval, $"send {i} finds no token ({credit / (double)interval:0.000})");
            credit -= interval;
        }

        // So over any stretch W, at most W × limit + 1 sends, checked directly on every window that starts at a send.
        for (int i = 0, j = 0; i < sent.Count; i++)
        {
            j = Math.Max(j, i);
            while (j + 1 < sent.Count && sent[j + 1] - sent[i] < clock.TimestampFrequency)
            {
                j++;
            }

            Assert.True(j - i + 1 <= limit + 1, $"{j - i + 1} sends in one second from send {i}");
        }
    }

    [Theory]
    [InlineData(50.0, 1, 5)]
    [InlineData(50.0, 4, 6)]
    [InlineData(200.0, 8, 7)]
    public void A_late_tick_loses_no_token(double limit, int workers, int seed)
    {
        var clock = new FakeTimeProvider(Start);
        var bucket = new TokenBucket(limit, 0.99, clock);
        var interval = bucket.Interval;
        var random = new Random(seed);
        // Every wake late by up to 90% of an interval (a busy machine's timers), queries instant.
        var sent = Play(clock, bucket, workers, 3000, () => (long)(random.NextDouble() * 0.9 * interval), () => 0, () => 0);

        // On the absolute timeline of the pace the 3,000 sends take 2,999 intervals give or take the first and last
        // one's lateness: the sends trail their slots by at most the lateness and catch up by the slack. A bucket
        // that spaced each send one interval from the previous one's actual time would take about 45% longer.
        var span = sent[^1] - sent[0];
        Assert.True(span <= 3000 * interval, $"{span / (double)interval:0.0} intervals for 3,000 sends");
        Assert.True(span >= 2998 * interval);
    }

    [Fact]
    public void Without_slack_a_late_send_is_not_made_up()
    {
        var clock = new FakeTimeProvider(Start);
        var bucket = new TokenBucket(10, 1, clock);
        var interval = bucket.Interval;
        long[] slots = [bucket.Reserve(), bucket.Reserve()];
        Assert.Null(bucket.TryCommit(ref slots[0]));
        // The second slot's caller wakes half an interval late and sends; the third may not go at its own slot,
        // only a whole interval after the late one.
        clock.Advance(TimeSpan.FromSeconds(0.15));
        Assert.Null(bucket.TryCommit(ref slots[1]));
        var third = bucket.Reserve();
        Assert.Equal(slots[1] + interval, third);
        Assert.Equal(clock.GetTimestamp() + interval, bucket.TryCommit(ref third));
    }

    [Fact]
    public void After_idleness_the_timeline_starts_anew_without_a_burst()
    {
        var clock = new FakeTimeProvider(Start);
        var bucket = new TokenBucket(10, clock: clock);
        var interval = clock.TimestampFrequency / 10;
        var first = bucket.Reserve();
        Assert.Null(bucket.TryCommit(ref first));
        clock.Advance(TimeSpan.FromSeconds(60));
        var now = clock.GetTimestamp();
        Assert.Equal([now, now + interval, now + (2 * interval)], [bucket.Reserve(), bucket.Reserve(), bucket.Reserve()]);
    }

    [Fact]
    public void A_pause_moves_every_waiting_slot_past_it_one_interval_apart()
    {
        var clock = new FakeTimeProvider(Start);
        var bucket = new TokenBucket(10, clock: clock);
        var interval = clock.TimestampFrequency / 10;
        long[] slots = [bucket.Reserve(), bucket.Reserve(), bucket.Reserve()];
        Assert.Null(bucket.TryCommit(ref slots[0]));
        bucket.Pause(TimeSpan.FromSeconds(1));
        var end = clock.GetTimestamp() + clock.TimestampFrequency;
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var wake1 = bucket.TryCommit(ref slots[1]);
        var wake2 = bucket.TryCommit(ref slots[2]);
        Assert.Equal(end, wake1);
        Assert.Equal(end + interval, wake2);
        clock.Advance(TimeSpan.FromSeconds(0.9));
        Assert.Null(bucket.TryCommit(ref slots[1]));
        Assert.NotNull(bucket.TryCommit(ref slots[2]));
        Assert.Equal(end + (2 * interval), bucket.Reserve());
    }

    [Fact]
    public void TryAcquire_tried_often_sends_one_an_interval_never_closer_than_the_gap()
    {
        var clock = new FakeTimeProvider(Start);
        var bucket = new TokenBucket(10, clock: clock);
        Assert.True(bucket.TryAcquire());

        // Tried every millisecond for ten seconds: one send an interval, never two in one.
        var sent = new List<long>();
        for (var ms = 0; ms < 10_000; ms++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            if (bucket.TryAcquire())
            {
                sent.Add(clock.GetTimestamp());
            }
        }

        Assert.Equal(100, sent.Count);
        Assert.All(sent.Zip(sent.Skip(1)), p => Assert.True(p.Second - p.First >= bucket.Gap));
    }

    [Fact]
    public void TryAcquire_waits_out_a_pause_and_leaves_reserved_slots_their_turn()
    {
        var clock = new FakeTimeProvider(Start);
        var bucket = new TokenBucket(10, clock: clock);
        var reserved = bucket.Reserve();
        Assert.Null(bucket.TryCommit(ref reserved));
        bucket.Pause(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.False(bucket.TryAcquire());
        clock.Advance(TimeSpan.FromSeconds(0.5));
        // A waiting caller's slot comes first; a try in it finds the next one not yet come.
        var waiting = bucket.Reserve();
        Assert.Null(bucket.TryCommit(ref waiting));
        Assert.False(bucket.TryAcquire());
        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(bucket.TryAcquire());
    }
}
