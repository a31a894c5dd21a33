namespace Landrush.Analysis.Indicators;

/// <summary>
/// One fraud indicator for one party (or the whole allocation): its value, its reference under a fair model
/// and a plain-words reading. A reference that only the null models can give is left null with
/// <see cref="ReferenceModel"/> saying so; the verdict fills it (<c>indicator with { Reference = …, ReferenceModel = … }</c>).
/// </summary>
/// <param name="Name">What is measured, e.g. <c>range.block_share</c>.</param>
/// <param name="Party">The party's label, or null for an allocation-wide figure.</param>
/// <param name="Value">The observed value; null when undefined (the reading says why).</param>
/// <param name="Reference">The value expected under <see cref="ReferenceModel"/>; null when none is computed here.</param>
/// <param name="ReferenceModel">The fair model behind <see cref="Reference"/>, in words.</param>
/// <param name="PValue">Where a test applies, its p-value; otherwise null.</param>
/// <param name="Reading">One sentence for a reader.</param>
public sealed record Indicator(string Name, string? Party, double? Value, double? Reference, string ReferenceModel, double? PValue, string Reading);
