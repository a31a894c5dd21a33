namespace Landrush.Reports.Model;

/// <summary>How an indicator stands against a fair race (<see cref="Building.IndicatorMarks"/> gives the rule and the words).</summary>
public enum IndicatorMark
{
    /// <summary>Not tested: the indicator carries no fair-model reference or test (a description, or the models did not run).</summary>
    NotTested,

    /// <summary>Consistent with a fair race: within the 95% range of at least one fair model, or no party shown above k×.</summary>
    Consistent,

    /// <summary>Beyond it: above the 95% range of every fair model, or a party shown above k×.</summary>
    Beyond,

    /// <summary>Tested, not settled: the verdict is inconclusive.</summary>
    Undecided,
}
