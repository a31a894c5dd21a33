using Landrush.Harvest.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace Landrush.Harvest.Tests.Pipeline;

/// <summary>What every <see cref="IRateLimiter"/> promises, on a fake clock: at 10 a second, the second query waits 100 ms.</summary>
public sealed class RateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Kinds => ["token bucket", "allowance"];

    private static IRateLimiter Make(string kind, FakeTimeProvider clock) =>
        kind == "token bucket" ? new TokenBucket(10, clock: clock) : new AllowanceLimiter(10, burst: 1, clock);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TryAcquire_grants_at_the_rate_and_not_before(string kind)
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = Make(kind, clock);
        Assert.True(limiter.TryAcquire());
        Assert.False(limiter.TryAcquire());
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(limiter.TryAcquire());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.TryAcquire());
        Assert.False(limiter.TryAcquire());
        (limiter as IDisposable)?.Dispose();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task WaitAsync_returns_at_the_rate_and_not_before(string kind)
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = Make(kind, clock);
        await limiter.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var second = limiter.WaitAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(30)); // a hang guard, not a timing
        (limiter as IDisposable)?.Dispose();
    }
}
