using Microsoft.Extensions.Time.Testing;

namespace Landrush.Testing;

/// <summary>
/// Moves a <see cref="FakeTimeProvider"/> on while a client or a server waits on a real loopback socket, so a test of a
/// timeout asserts how much clock time passed, which machine load cannot change, instead of wall-clock time. Linked
/// into the test projects that reference Microsoft.Extensions.TimeProvider.Testing.
/// </summary>
internal static class ClockDriver
{
    /// <summary>Only a hang guard, in real time: a case that needs longer than this is stuck.</summary>
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Awaits <paramref name="work"/> while moving <paramref name="clock"/> on in steps of <paramref name="step"/>, a few
    /// real milliseconds apart, once <paramref name="ready"/> holds (e.g. the server got the request, so the client
    /// waits on the socket). Returns how far the clock moved until <paramref name="work"/> ended; its outcome is the
    /// caller's to check.
    /// </summary>
    public static async Task<TimeSpan> RunAsync(FakeTimeProvider clock, Task work, TimeSpan step, Func<bool>? ready = null)
    {
        var start = clock.GetUtcNow();
        using var hang = new CancellationTokenSource(Hang);
        while (!work.IsCompleted && !hang.IsCancellationRequested)
        {
            if (ready is null || ready())
            {
                clock.Advance(step);
            }

            await Task.WhenAny(work, Task.Delay(5, CancellationToken.None));
        }

        Assert.True(work.IsCompleted, $"not done after {Hang} in real time (the fake clock moved {clock.GetUtcNow() - start})");
        return clock.GetUtcNow() - start;
    }
}
