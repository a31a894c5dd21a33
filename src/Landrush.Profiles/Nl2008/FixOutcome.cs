namespace Landrush.Profiles.Nl2008;

/// <summary>What the calibration's fix sequence did to one run: the moves of each fix and what still misses its target.</summary>
/// <param name="ZeroHolderMoves">Names given to parties the run left empty-handed; −1 when some could be given none.</param>
/// <param name="BlockMoves">Names moved to bring the block counts to target.</param>
/// <param name="TopTwoMoves">Names moved to bring the two range parties' total to target.</param>
/// <param name="Problems">Targets still missed after the fixes; empty when all hold.</param>
internal sealed record FixOutcome(int ZeroHolderMoves, int BlockMoves, int TopTwoMoves, IReadOnlyList<string> Problems)
{
    public bool Ok => ZeroHolderMoves >= 0 && Problems.Count == 0;

    public int TotalMoves => ZeroHolderMoves + BlockMoves + TopTwoMoves;
}
