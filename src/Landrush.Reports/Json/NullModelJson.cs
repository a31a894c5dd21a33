using Landrush.Analysis.NullModels;

namespace Landrush.Reports.Json;

/// <summary>A null model in <c>analyze --json</c>'s <c>null_models</c> (keyed by the model's word).</summary>
public sealed record NullModelJson(int Runs, int Participants, StatisticJson Cr2, StatisticJson Hhi, StatisticJson Gini)
{
    public static NullModelJson From(NullModelSummary m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Runs, m.Participants, StatisticJson.From(m.Cr2), StatisticJson.From(m.Hhi), StatisticJson.From(m.Gini));
    }
}
