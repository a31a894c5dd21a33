namespace Landrush.Analysis.NullModels;

/// <summary>
/// CR2, HHI (0–10,000) and Gini under one null model over <see cref="Runs"/> seeded runs, each against the
/// observed value. All three are computed over the model's participants, those left with no name included.
/// </summary>
public sealed record NullModelSummary(NullModelKind Model, int Runs, int Participants, StatisticSummary Cr2, StatisticSummary Hhi, StatisticSummary Gini);
