namespace Landrush.Simulator.Faults;

/// <summary>
/// Faults the DNS server injects per query: <see cref="Drop"/> (no answer at all) and
/// <see cref="ServFail"/> (SERVFAIL instead of the answer) exclude each other; latency comes on top.
/// All default to 0.
/// </summary>
public sealed record DnsFaults
{
    /// <summary>No fault at all.</summary>
    public static DnsFaults None { get; } = new();

    /// <summary>The query is dropped: no reply (<c>dns-drop</c>).</summary>
    public double Drop { get; init => field = FaultSpec.Check(value); }

    /// <summary>SERVFAIL instead of the answer (<c>dns-servfail</c>).</summary>
    public double ServFail { get; init => field = FaultSpec.Check(value); }

    /// <summary>Delay before the answer (<c>dns-latency</c>).</summary>
    public LatencyFault Latency { get; init; } = LatencyFault.None;
}
