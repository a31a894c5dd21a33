namespace Landrush.Core.Reconstruction;

/// <summary>
/// What the calibration of a reconstruction searched and what it fixed afterwards, so that the shipped
/// numbers can be told apart from what the model produced on its own.
/// </summary>
/// <param name="RangeContinuation">Searched: length of the first range party's continuation past the block.</param>
/// <param name="CapacityA">Searched: capacity of the first range party.</param>
/// <param name="CapacityB">Searched: capacity of the second range party.</param>
/// <param name="SimulatedTopTwo">Names the two range parties held after the Fcfs run, before fixes.</param>
/// <param name="SimulatedBlockCounts">Block holdings of the four block parties after the run, before fixes.</param>
/// <param name="SimulatedPartiesWithNames">Parties holding at least one name after the run, before fixes.</param>
/// <param name="BlockMoves">Names moved by the block fix.</param>
/// <param name="ZeroHolderMoves">Names moved to parties the run left empty-handed.</param>
/// <param name="TopTwoMoves">Names moved by the top-two fix.</param>
public sealed record CalibrationReport(
    int RangeContinuation,
    double CapacityA,
    double CapacityB,
    int SimulatedTopTwo,
    IReadOnlyList<int> SimulatedBlockCounts,
    int SimulatedPartiesWithNames,
    int BlockMoves,
    int ZeroHolderMoves,
    int TopTwoMoves)
{
    public int TotalMoves => BlockMoves + ZeroHolderMoves + TopTwoMoves;
}
