namespace Landrush.Profiles.Nl2008;

/// <summary>
/// What the calibration of a reconstruction searched and what it fixed afterwards, so that the shipped
/// numbers can be told apart from what the model produced on its own.
/// </summary>
/// <param name="DemandDraw">Searched: the first demand draw (0, 1, …) for which every fix succeeded.</param>
/// <param name="RangeContinuation">Searched: names the first range party wants besides the block (its continuation).</param>
/// <param name="OffsetA">Searched: continuation names the first range party sends before the block.</param>
/// <param name="OffsetB">Searched: names of its numeric range the second range party sends before its attractive names.</param>
/// <param name="CapacityA">Searched: capacity of the first range party.</param>
/// <param name="CapacityB">Searched: capacity of the second range party.</param>
/// <param name="SimulatedTopTwo">Names the two range parties held after the Fcfs run, before fixes.</param>
/// <param name="SimulatedBlockCounts">Block holdings of the four block parties after the run, before fixes.</param>
/// <param name="SimulatedPartiesWithNames">Parties holding at least one name after the run, before fixes.</param>
/// <param name="ZeroHolderMoves">Names moved to parties the run left empty-handed.</param>
/// <param name="BlockMoves">Names moved by the block fix.</param>
/// <param name="TopTwoMoves">Names moved by the top-two fix.</param>
public sealed record CalibrationReport(
    int DemandDraw,
    int RangeContinuation,
    int OffsetA,
    int OffsetB,
    double CapacityA,
    double CapacityB,
    int SimulatedTopTwo,
    IReadOnlyList<int> SimulatedBlockCounts,
    int SimulatedPartiesWithNames,
    int ZeroHolderMoves,
    int BlockMoves,
    int TopTwoMoves)
{
    public int TotalMoves => BlockMoves + ZeroHolderMoves + TopTwoMoves;
}
