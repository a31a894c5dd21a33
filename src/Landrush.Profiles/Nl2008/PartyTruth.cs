namespace Landrush.Profiles.Nl2008;

/// <summary>
/// Ground truth about one party of a reconstruction: how the model treated it and what it ended with.
/// <see cref="SimulatedWins"/> is what the Fcfs run gave it; <see cref="Wins"/> what it holds after the
/// calibration's deterministic fixes. Every request not won was lost (requests are blind), so
/// <see cref="LostRequests"/> = <see cref="WishListSize"/> − <see cref="Wins"/>.
/// </summary>
/// <param name="Party">Party number, 1-based.</param>
/// <param name="Role">How its wish list was built.</param>
/// <param name="Registrar">The registrar its names are registered through (synthetic name).</param>
/// <param name="Capacity">Requests per unit of model time.</param>
/// <param name="StartTime">Model time its first request could go out.</param>
/// <param name="Latency">Fixed delay on each of its requests.</param>
/// <param name="WishListSize">Names it asked for.</param>
/// <param name="SimulatedWins">Names the Fcfs run gave it.</param>
/// <param name="Wins">Names it holds in the dataset.</param>
/// <param name="LostRequests">Requests that did not get it the name.</param>
/// <param name="RegistrantHandles">Distinct registrant handles its names carry.</param>
public sealed record PartyTruth(
    int Party,
    PartyRole Role,
    string Registrar,
    double Capacity,
    double StartTime,
    double Latency,
    int WishListSize,
    int SimulatedWins,
    int Wins,
    int LostRequests,
    int RegistrantHandles);
