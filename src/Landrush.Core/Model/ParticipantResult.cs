namespace Landrush.Core.Model;

/// <summary>
/// The truth about one participant after a run: what it brought and what it got. <see cref="Wins"/> counts
/// every name it holds; <see cref="LostRequests"/> the wish-list entries it did not get. Under Fcfs and
/// Lottery names go only to participants that asked for them, so <see cref="Wins"/> + <see cref="LostRequests"/>
/// = <see cref="WishListSize"/>. Under Uniform a participant can be handed names it never asked for, so
/// <see cref="Wins"/> + <see cref="LostRequests"/> = <see cref="WishListSize"/> + (names won unasked): a
/// participant with an empty list can still win names.
/// </summary>
public sealed record ParticipantResult(
    int Id,
    double Capacity,
    double StartTime,
    double Latency,
    int WishListSize,
    int Wins,
    int LostRequests);
