using Landrush.Core.Model.Demand;

namespace Landrush.Analysis.Indicators;

/// <summary>What the fraud indicators look at.</summary>
public sealed record IndicatorOptions
{
    private readonly int _topParties = 3;
    private readonly long _blockLow;
    private readonly long _blockHigh = 2100;
    private readonly double _attractiveWeight = 10;

    /// <summary>Per-party indicators are given for this many of the largest holders. Default 3; at least 1.</summary>
    public int TopParties
    {
        get => _topParties;
        init => _topParties = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(TopParties), value, "at least 1");
    }

    /// <summary>First number of the numeric block (names written without a leading zero). Default 0.</summary>
    public long BlockLow
    {
        get => _blockLow;
        init => _blockLow = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(BlockLow), value, "at least 0");
    }

    /// <summary>
    /// Last number of the numeric block, inclusive. Default 2100: the block <c>0.nl</c> … <c>2100.nl</c> that the
    /// trade association counted on 13 March 2008. At least <see cref="BlockLow"/> (checked where used).
    /// </summary>
    public long BlockHigh
    {
        get => _blockHigh;
        init => _blockHigh = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(BlockHigh), value, "at least 0");
    }

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
    /// The attractiveness weights that decide which names are contested. Default null: by the dataset's TLD,
    /// with the Dutch area codes under <c>nl</c> and no area codes elsewhere.
    /// </summary>
    public NameAttractiveness? Attractiveness { get; init; }
}
