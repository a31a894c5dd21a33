namespace Landrush.Analysis.Verdict;

/// <summary>Why the verdict's status is what it is: the branch the words of the verdict follow (Reports words them).</summary>
public enum VerdictReason
{
    /// <summary>Excess capacity: the parties in <see cref="CapacityVerdict.Parties"/> were flagged by closed testing.</summary>
    PartiesFlagged,

    /// <summary>No excess: parties were tested and none was shown above k×; the power says how hard it looked.</summary>
    NoPartyShown,

    /// <summary>No excess: no large holder sent a numeric range, so no party could be tested (power 0).</summary>
    NoPartyTestable,

    /// <summary>Inconclusive: a party's losses follow a pattern the race does not make at its best fit (<see cref="CapacityVerdict.Misfit"/>).</summary>
    RaceMisfit,

    /// <summary>Inconclusive: the test rejects k× for a party whose 95% interval still holds k× (<see cref="CapacityVerdict.Borderline"/>).</summary>
    BorderlineInterval,

    /// <summary>Inconclusive: a reading of demand the data do not contradict moves the answer across α.</summary>
    ReadingsDisagree,

    /// <summary>Undefined: no registered names.</summary>
    NoRegisteredNames,

    /// <summary>Undefined: a single participant holds every name.</summary>
    SingleParticipant,
}
