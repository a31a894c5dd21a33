using System.Net;

namespace Landrush.Simulator.Whois;

/// <summary>
/// SIDN-like limits per client address: a token bucket (<c>rate</c> per second, <c>burst</c> tokens) that
/// forgives a query up to <c>tolerance</c> early (the bucket's debt then delays the next one, so the long-run rate
/// is still the rate), and a daily cap on answered queries per UTC day. A throttled query does not count toward
/// the daily cap. Thread-safe.
/// </summary>
internal sealed class ClientLimiter(double? ratePerSecond, int burst, TimeSpan tolerance, int? dailyLimit, TimeProvider clock)
{
    private readonly Dictionary<IPAddress, State> _clients = [];

    private sealed class State
    {
        public double Tokens;
        public long Stamp;
        public DateOnly Day;
        public int Count;
    }

    /// <summary>Throttle, Limit, or null when the query may be answered (and then it is counted).</summary>
    public WhoisAnswer? Admit(IPAddress client)
    {
        if (ratePerSecond is null && dailyLimit is null)
        {
            return null;
        }

        var now = clock.GetTimestamp();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        lock (_clients)
        {
            if (!_clients.TryGetValue(client, out var s))
            {
                s = new State { Tokens = burst, Stamp = now, Day = today };
                _clients[client] = s;
            }

            if (s.Day != today)
            {
                (s.Day, s.Count) = (today, 0);
            }

            if (dailyLimit is { } cap && s.Count >= cap)
            {
                return WhoisAnswer.Limit;
            }

            if (ratePerSecond is { } rate)
            {
                s.Tokens = Math.Min(burst, s.Tokens + (clock.GetElapsedTime(s.Stamp, now).TotalSeconds * rate));
                s.Stamp = now;
                if (s.Tokens < 1 - (tolerance.TotalSeconds * rate))
                {
                    return WhoisAnswer.Throttle;
                }

                s.Tokens -= 1;
            }

            s.Count++;
            return null;
        }
    }
}
