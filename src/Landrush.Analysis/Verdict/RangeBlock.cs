namespace Landrush.Analysis.Verdict;

/// <summary>
/// A block of consecutive names (indices <see cref="First"/>..<see cref="Last"/> of the space, inclusive)
/// inferred as one range party's demand: a dense run of its holdings, widened over the registered names
/// around it up to the first free name or another party's block. Names in it held by others are names
/// the range party asked for and lost.
/// </summary>
public sealed record RangeBlock(int Party, int First, int Last, int Held)
{
    public int Length => Last - First + 1;
}
