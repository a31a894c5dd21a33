using Landrush.Core.Whois;
using Landrush.Simulator.Faults;

namespace Landrush.Simulator.Whois;

/// <summary>Settings of a <see cref="WhoisServer"/>. Every value is checked when set.</summary>
public sealed record WhoisServerOptions
{
    /// <summary>Reply layout. Default is <see cref="FormatEra.Indented2008"/> (the format of the 2008 landrush).</summary>
    public FormatEra Era
    {
        get;
        init => field = WhoisRenderer.Eras.Contains(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "2008, 2010s or current");
    } = FormatEra.Indented2008;

    /// <summary>
    /// Queries per second each client address may send (token bucket); a query over it gets the real
    /// throttle line. Null switches the limit off. Default is 1, as SIDN's server.
    /// </summary>
    public double? RatePerSecond
    {
        get;
        init => field = value is null or (> 0 and <= 1e6) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "a rate is above 0 and at most 1e6, or null");
    } = 1;

    /// <summary>Queries a client may send at once before the rate applies (bucket size). Default is 1.</summary>
    public int Burst
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "at least 1");
    } = 1;

    /// <summary>
    /// How much earlier than its bucket allows a query may arrive and still be answered. Default is 10 ms: the
    /// server sees a query when its handler runs, which lags the packet by its own scheduling delay (ms on a busy
    /// machine), so a check to the microsecond would blame a client that sends exactly on the beat for the
    /// server's lateness with the previous query. An early query leaves the bucket in debt, so the long-run rate
    /// stays the rate. SIDN's own tolerance is not published. Zero is the strictest server.
    /// </summary>
    public TimeSpan Tolerance
    {
        get;
        init => field = value >= TimeSpan.Zero && value <= TimeSpan.FromMinutes(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "0 to 1 minute");
    } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Answered queries per client address per UTC day; past it the real daily-limit line. Null switches
    /// the cap off. Default is 10,000 (the simulator's choice: SIDN does not publish its figure).
    /// </summary>
    public int? DailyLimit
    {
        get;
        init => field = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "0 or more, or null");
    } = 10_000;

    /// <summary>Injected faults. Default is none.</summary>
    public WhoisFaults Faults { get; init; } = WhoisFaults.None;

    /// <summary>Longest a client may take to send its query line (slowloris guard). Default is 10 seconds.</summary>
    public TimeSpan ReadTimeout { get; init => field = Positive(value); } = TimeSpan.FromSeconds(10);

    /// <summary>Longest the server waits for a reply to be taken by a client that does not read. Default is 30 seconds.</summary>
    public TimeSpan WriteTimeout { get; init => field = Positive(value); } = TimeSpan.FromSeconds(30);

    /// <summary>Longest query line accepted, in bytes; a longer one is answered with an error line. Default is 1,024.</summary>
    public int MaxQueryBytes
    {
        get;
        init => field = value is >= 16 and <= 65_536 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "16 to 65,536");
    } = 1024;

    /// <summary>Connections served at once; one more is answered with the busy line and closed. Default is 4,096.</summary>
    public int MaxConnections
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "at least 1");
    } = 4096;

    /// <summary>Pause between the bytes of a trickling reply. Default is 1 second.</summary>
    public TimeSpan TrickleInterval { get; init => field = Positive(value); } = TimeSpan.FromSeconds(1);

    /// <summary>Longest a trickle goes on before the server resets the connection. Default is 10 minutes.</summary>
    public TimeSpan TrickleLimit { get; init => field = Positive(value); } = TimeSpan.FromMinutes(10);

    private static TimeSpan Positive(TimeSpan t) =>
        t > TimeSpan.Zero ? t : throw new ArgumentOutOfRangeException(nameof(t), t, "must be positive");
}
