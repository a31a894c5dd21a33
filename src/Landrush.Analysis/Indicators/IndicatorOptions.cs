using Landrush.Core.Model.Demand;

namespace Landrush.Analysis.Indicators;

/// <summary>What the fraud indicators look at.</summary>
public sealed record IndicatorOptions
{
    private readonly int _topParties = 3;
    private readonly double _attractiveWeight = 10;

    /// <summary>Per-party indicators are given for this many of the largest holders. Default 3; at least 1.</summary>
    public int TopParties
    {
        get => _topParties;
        init => _topParties = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(TopParties), value, "at least 1");
    }

    /// <summary>
    /// The numeric block of the range indicator (<c>range.block_share</c>). Default null: no block, and that indicator
    /// is not computed; a profile or the user names the block (the nl-2008 profile: 0–2100, the block the trade
    /// association counted on 13 March 2008).
    /// </summary>
    public NumericBlock? Block { get; init; }

    /// <summary>
    /// A name is attractive (contested) when its <c>NameAttractiveness</c> weight is at least this. Default 10:
    /// every name of one to three digits and the patterned four-digit names (repeated, run, round, area code, year,
    /// repeated pair), not plain four- or five-digit names.
    /// </summary>
    public double AttractiveWeight
    {
        get => _attractiveWeight;
        init => _attractiveWeight = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(AttractiveWeight), value, "positive");
    }

    /// <summary>
    /// The attractiveness weights that decide which names are contested. Default null: the generic patterns with no
    /// area codes (a profile gives its own, e.g. the nl-2008 profile's Dutch area codes).
    /// </summary>
    public NameAttractiveness? Attractiveness { get; init; }
}
