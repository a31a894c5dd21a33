namespace Landrush.Simulator.Faults;

/// <summary>
/// Faults the WHOIS server injects, each with a probability per answered query (after the rate and daily
/// limits let the query through). The six answer faults exclude each other (one draw picks at most one),
/// so their sum must be at most 1; latency is drawn on its own and comes on top. All default to 0.
/// </summary>
public sealed record WhoisFaults
{
    /// <summary>No fault at all.</summary>
    public static WhoisFaults None { get; } = new();

    /// <summary>Part of the reply, then a TCP reset (<c>reset</c>).</summary>
    public double Reset { get; init => field = FaultSpec.Check(value); }

    /// <summary>A reply that never ends: one byte at a time until the client gives up (<c>trickle</c>).</summary>
    public double Trickle { get; init => field = FaultSpec.Check(value); }

    /// <summary>The connection closed without a byte (<c>empty</c>).</summary>
    public double Empty { get; init => field = FaultSpec.Check(value); }

    /// <summary>The reply with a stretch of its bytes scrambled (<c>garbled</c>).</summary>
    public double Garbled { get; init => field = FaultSpec.Check(value); }

    /// <summary>The reply cut before its <c>Record maintained by</c> line, then a normal close (<c>truncated</c>).</summary>
    public double Truncated { get; init => field = FaultSpec.Check(value); }

    /// <summary>The real "Server too busy" line instead of the reply (<c>busy</c>).</summary>
    public double Busy { get; init => field = FaultSpec.Check(value); }

    /// <summary>Delay before the answer (<c>latency</c>).</summary>
    public LatencyFault Latency { get; init; } = LatencyFault.None;

    /// <summary>Sum of the exclusive answer faults.</summary>
    public double Total => Reset + Trickle + Empty + Garbled + Truncated + Busy;

    /// <summary>The fault a uniform draw picks, or null for a normal answer.</summary>
    internal WhoisFault? Pick(double u)
    {
        foreach (var (fault, p) in new[]
                 {
                     (WhoisFault.Reset, Reset), (WhoisFault.Trickle, Trickle), (WhoisFault.Empty, Empty),
                     (WhoisFault.Garbled, Garbled), (WhoisFault.Truncated, Truncated), (WhoisFault.Busy, Busy),
                 })
        {
            if (u < p)
            {
                return fault;
            }

            u -= p;
        }

        return null;
    }
}
