namespace Landrush.Analysis.Indicators;

/// <summary>
/// A block of names written as numbers without a leading zero, <see cref="Low"/> to <see cref="High"/> inclusive
/// (e.g. 0–2100): the range indicator measures each party's share of it. Which block matters is a launch's
/// knowledge (a profile's or the user's), never a default of the indicator.
/// </summary>
public sealed record NumericBlock
{
    public NumericBlock(long low, long high)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(low);
        ArgumentOutOfRangeException.ThrowIfLessThan(high, low);
        Low = low;
        High = high;
    }

    /// <summary>First number of the block, at least 0.</summary>
    public long Low { get; }

    /// <summary>Last number of the block, inclusive, at least <see cref="Low"/>.</summary>
    public long High { get; }
}
