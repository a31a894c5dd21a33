namespace Landrush.Core.Model;

/// <summary>How a landrush hands out the names its participants ask for.</summary>
public enum Mechanism
{
    /// <summary>
    /// First come, first served with blind requests: each participant's requests form a Poisson stream of
    /// rate c_i from its start time plus latency; all streams are merged by arrival time and the first
    /// request for a free name wins. A request for a taken name is lost (the sender does not learn in time).
    /// </summary>
    Fcfs,

    /// <summary>Each name wanted by anyone goes to one of the participants who want it, uniformly.</summary>
    Lottery,

    /// <summary>
    /// Each name wanted by anyone goes to a uniformly random participant, whatever it asked for: the naive
    /// "neutral" expectation, not a mechanism any registry runs.
    /// </summary>
    Uniform,
}
