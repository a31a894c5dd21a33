using System.Net;
using Landrush.Simulator.Whois;

namespace Landrush.Simulator.Tests;

/// <summary>The token bucket and the daily cap against a hand-driven clock.</summary>
public class ClientLimiterTests
{
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks;

        public DateTimeOffset Now => start.AddTicks(_ticks);

        public void Advance(TimeSpan by) => _ticks += by.Ticks;

        public override DateTimeOffset GetUtcNow() => Now;

        public override long GetTimestamp() => _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }

    private static readonly IPAddress A = IPAddress.Parse("127.0.0.1");
    private static readonly IPAddress B = IPAddress.Parse("127.0.0.2");

    [Fact]
    public void A_rate_of_two_per_second_admits_exactly_the_tokens_earned()
    {
        var clock = new ManualClock(new DateTimeOffset(2008, 2, 28, 12, 0, 0, TimeSpan.Zero));
        var limiter = new ClientLimiter(2, burst: 1, TimeSpan.Zero, dailyLimit: null, clock);
        Assert.Null(limiter.Admit(A));
        Assert.Equal(WhoisAnswer.Throttle, limiter.Admit(A));
        Assert.Null(limiter.Admit(B)); // per address
        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(WhoisAnswer.Throttle, limiter.Admit(A));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(limiter.Admit(A));

        // Over 100 simulated seconds at one query every 10 ms, exactly rate × time (+ the first) get through.
        var admitted = 0;
        for (var i = 0; i < 10_000; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            admitted += limiter.Admit(A) is null ? 1 : 0;
        }

        Assert.Equal(200, admitted);
    }

    [Fact]
    public void A_query_within_the_tolerance_is_answered_and_the_next_one_waits_for_the_debt()
    {
        var clock = new ManualClock(new DateTimeOffset(2008, 2, 28, 12, 0, 0, TimeSpan.Zero));
        var limiter = new ClientLimiter(50, burst: 1, TimeSpan.FromMilliseconds(5), dailyLimit: null, clock);
        Assert.Null(limiter.Admit(A));
        clock.Advance(TimeSpan.FromMilliseconds(14.9)); // 5.1 ms early: beyond the tolerance
        Assert.Equal(WhoisAnswer.Throttle, limiter.Admit(A));
        clock.Advance(TimeSpan.FromMilliseconds(0.1)); // 5 ms early: forgiven
        Assert.Null(limiter.Admit(A));
        // The early one borrowed 5 ms: the next is due 20 ms after its due time (40 ms), 5 ms early at 35 ms at most.
        clock.Advance(TimeSpan.FromMilliseconds(19.9)); // 34.9 ms
        Assert.Equal(WhoisAnswer.Throttle, limiter.Admit(A));
        clock.Advance(TimeSpan.FromMilliseconds(0.1)); // 35 ms
        Assert.Null(limiter.Admit(A));

        // A client that tries every millisecond gets the rate and no more: the tolerance is borrowed, never a gain.
        var admitted = 0;
        for (var i = 0; i < 100_000; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            admitted += limiter.Admit(A) is null ? 1 : 0;
        }

        Assert.InRange(admitted, 5000, 5001);
    }

    [Fact]
    public void The_daily_cap_counts_answered_queries_and_resets_at_utc_midnight()
    {
        var clock = new ManualClock(new DateTimeOffset(2008, 2, 28, 23, 59, 0, TimeSpan.Zero));
        var limiter = new ClientLimiter(1, burst: 1, TimeSpan.Zero, dailyLimit: 2, clock);
        Assert.Null(limiter.Admit(A));
        Assert.Equal(WhoisAnswer.Throttle, limiter.Admit(A)); // throttled: not counted
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(limiter.Admit(A));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(WhoisAnswer.Limit, limiter.Admit(A));
        clock.Advance(TimeSpan.FromSeconds(58)); // 2008-02-29 00:00:00 UTC
        Assert.Null(limiter.Admit(A));
    }

    [Fact]
    public void With_both_limits_off_everything_is_admitted()
    {
        var limiter = new ClientLimiter(null, 1, TimeSpan.Zero, null, TimeProvider.System);
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.Null(limiter.Admit(A)));
    }
}
