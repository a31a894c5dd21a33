using Landrush.Analysis.Verdict;
using Landrush.Reports.Model;

namespace Landrush.Reports.Building;

/// <summary>
/// The one rule that marks an indicator against a fair race, from what the indicator carries. A measure with fair-model runs
/// (CR2, HHI, Gini) is beyond a fair race when it lies above the upper end of the 95% range (the 97.5% point) of every fair
/// model, and consistent with one when at least one fair model reaches it: a fair race that concentrates names this much
/// is enough to explain it (concentration alone proves nothing). The capacity verdict marks by its status: a party shown
/// above k× is beyond, no party shown is consistent, inconclusive is undecided. Anything else (no runs, an undefined
/// verdict, a share that is not a test) is not tested.
/// </summary>
public static class IndicatorMarks
{
    /// <summary>Against fair models' 95% upper ends: <paramref name="fairUpper"/> empty (no model ran) is not tested.</summary>
    public static IndicatorMark AgainstFairModels(double observed, IEnumerable<double> fairUpper)
    {
        ArgumentNullException.ThrowIfNull(fairUpper);
        var upper = fairUpper.ToList();
        if (upper.Count == 0 || !double.IsFinite(observed) || upper.Any(u => !double.IsFinite(u)))
        {
            return IndicatorMark.NotTested;
        }

        return upper.All(u => observed > u) ? IndicatorMark.Beyond : IndicatorMark.Consistent;
    }

    /// <summary>The capacity verdict's mark.</summary>
    public static IndicatorMark OfVerdict(VerdictStatus status) => status switch
    {
        VerdictStatus.ExcessCapacity => IndicatorMark.Beyond,
        VerdictStatus.NoExcessCapacity => IndicatorMark.Consistent,
        VerdictStatus.Inconclusive => IndicatorMark.Undecided,
        _ => IndicatorMark.NotTested,
    };

    /// <summary>The mark in the report's words.</summary>
    public static string Word(IndicatorMark mark) => mark switch
    {
        IndicatorMark.Consistent => "consistent with a fair race",
        IndicatorMark.Beyond => "beyond it",
        IndicatorMark.Undecided => "undecided: the data do not settle it",
        _ => "not tested",
    };
}
