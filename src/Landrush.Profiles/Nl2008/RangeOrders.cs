namespace Landrush.Profiles.Nl2008;

/// <summary>
/// The parts of the two range parties' wish lists whose order the nl-2008 calibration searches: A sends
/// the first <c>offset</c> names of its continuation, then the block in numeric order, then the rest; B
/// sends the first <c>offset</c> names of 5000–9999, then its attractive names, then the rest of 5000–9999.
/// </summary>
internal sealed record RangeOrders(int[] Block, int[] Continuation, int[] AttractiveB, int[] HighB)
{
    public int[] A(int offset) => [.. Continuation.AsSpan(0, offset), .. Block, .. Continuation.AsSpan(offset)];

    public int[] B(int offset) => [.. HighB.AsSpan(0, offset), .. AttractiveB, .. HighB.AsSpan(offset)];
}
