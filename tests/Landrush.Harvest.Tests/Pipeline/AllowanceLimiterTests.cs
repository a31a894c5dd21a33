using Landrush.Harvest.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace Landrush.Harvest.Tests.Pipeline;

public sealed class AllowanceLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_burst_goes_at_once_then_the_allowance_grows_with_time()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new AllowanceLimiter(100, burst: 2, clock);
        Assert.True(limiter.TryAcquire());
        Assert.True(limiter.TryAcquire());
        Assert.False(limiter.TryAcquire());
        clock.Advance(TimeSpan.FromMilliseconds(9));
        Assert.False(limiter.TryAcquire());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.TryAcquire());

        // What a lane finds after waiting 50 ms for replies goes at once: 5 more, not one.
        clock.Advance(TimeSpan.FromMilliseconds(50));
        var granted = 0;
        while (limiter.TryAcquire())
        {
            granted++;
        }

        Assert.Equal(5, granted);
    }

    [Fact]
    public void Over_any_time_from_the_start_at_most_time_times_limit_plus_burst()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new AllowanceLimiter(250, burst: 3, clock);
        var granted = 0;
        for (var ms = 1; ms <= 4000; ms++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            while (limiter.TryAcquire())
            {
                granted++;
            }

            // Never above the allowance; below it by at most the one that rounding of the elapsed time may hold back.
            Assert.InRange(granted, (ms * 250 / 1000) + 2, (ms * 250 / 1000) + 3);
        }
    }

    [Fact]
    public void No_limit_grants_everything()
    {
        var limiter = new AllowanceLimiter(0);
        Assert.All(Enumerable.Range(0, 10_000), _ => Assert.True(limiter.TryAcquire()));
    }
}
