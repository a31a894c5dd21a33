using Landrush.Analysis.NullModels;

namespace Landrush.Reports.Json;

/// <summary>One statistic under a null model: the observed value, the model's mean and 95% range, where the observed value falls.</summary>
public sealed record StatisticJson(double? Observed, double? Mean, double? Low, double? High, double? Percentile, double? PValue)
{
    public static StatisticJson From(StatisticSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(JsonOutput.Finite(s.Observed), JsonOutput.Finite(s.Mean), JsonOutput.Finite(s.Low), JsonOutput.Finite(s.High),
            JsonOutput.Finite(s.Percentile), JsonOutput.Finite(s.PValue));
    }
}
