namespace Landrush.Harvest.Dns;

/// <summary>Counts of one sweep.</summary>
/// <param name="Names">Names swept.</param>
/// <param name="Delegated">Names with a referral or NS answer.</param>
/// <param name="Absent">Names with NXDOMAIN.</param>
/// <param name="Unknown">Names with no usable answer after every retry.</param>
/// <param name="Sent">UDP queries sent, retries included.</param>
/// <param name="Retries">Queries sent again after a timeout or a server failure.</param>
/// <param name="Rejected">Replies dropped: unknown or stale id, a question that was not ours, or malformed.</param>
/// <param name="TcpFallbacks">Names asked again over TCP after a truncated UDP reply.</param>
/// <param name="Elapsed">Wall time of the sweep.</param>
public sealed record DnsSweepStats(
    int Names, int Delegated, int Absent, int Unknown, long Sent, long Retries, long Rejected, int TcpFallbacks, TimeSpan Elapsed)
{
    /// <summary>Names decided per second.</summary>
    public double NamesPerSecond => Elapsed > TimeSpan.Zero ? Names / Elapsed.TotalSeconds : 0;
}
