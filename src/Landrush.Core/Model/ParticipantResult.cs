namespace Landrush.Core.Model;

/// <summary>
/// The truth about one participant after a run: what it brought and what it got. Every wish-list entry
/// is either won or lost, so <see cref="Wins"/> + <see cref="LostRequests"/> = <see cref="WishListSize"/>.
/// </summary>
public sealed record ParticipantResult(
    int Id,
    double Capacity,
    double StartTime,
    double Latency,
    int WishListSize,
    int Wins,
    int LostRequests);
