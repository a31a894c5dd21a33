using Landrush.Analysis.Concentration;
using Landrush.Analysis.Indicators;
using Landrush.Analysis.Parties;

namespace Landrush.Analysis;

/// <summary>
/// Every measure of one resolved allocation that needs no simulation: the concentration figures, shares by
/// name length and numeric block, and the fraud indicators. What <c>landrush analyze</c> prints before the
/// null models and the verdict, and what a report draws from.
/// </summary>
/// <param name="Resolved">The allocation with its party audit.</param>
/// <param name="Concentration">CR-k, HHI, Gini, Theil, Lorenz.</param>
/// <param name="ByLength">Shares per label length.</param>
/// <param name="ByBlock">Shares per numeric block of <see cref="BlockSize"/> (empty for non-numeric spaces).</param>
/// <param name="BlockSize">Width of the numeric blocks.</param>
/// <param name="Indicators">Fraud indicators, per party for the largest holders.</param>
public sealed record AllocationMeasures(
    ResolvedAllocation Resolved,
    ConcentrationSummary Concentration,
    IReadOnlyList<GroupShare> ByLength,
    IReadOnlyList<GroupShare> ByBlock,
    int BlockSize,
    IReadOnlyList<Indicator> Indicators)
{
    /// <summary>Computes every measure of <paramref name="resolved"/>.</summary>
    public static AllocationMeasures Of(ResolvedAllocation resolved, IndicatorOptions? options = null, int blockSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var a = resolved.Allocation;
        return new AllocationMeasures(
            resolved,
            ConcentrationSummary.Of(a),
            GroupShares.ByLength(a, resolved.HolderUnknownNames),
            GroupShares.ByNumericBlock(a, blockSize, resolved.HolderUnknownNames),
            blockSize,
            FraudIndicators.Of(resolved, options));
    }
}
