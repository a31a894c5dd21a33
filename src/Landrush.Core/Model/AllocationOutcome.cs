namespace Landrush.Core.Model;

/// <summary>
/// The result of one simulated landrush. Per name (by index): the winning participant (its position in
/// the simulation's participant list, or −1 when nobody asked for it), the first participant whose request
/// for it was lost (Fcfs only), its registration rank and, under Fcfs, the arrival time of the winning
/// request. Per participant: the truth (<see cref="ParticipantResult"/>).
/// </summary>
public sealed class AllocationOutcome
{
    private readonly int[] _winner;
    private readonly int[] _runnerUp;
    private readonly int[] _rank;
    private readonly double[] _time;
    private readonly int[] _wins;
    private readonly int[] _losses;
    private readonly IReadOnlyList<Participant> _participants;
    private ParticipantResult[]? _results;

    internal AllocationOutcome(
        Mechanism mechanism, long seed, IReadOnlyList<Participant> participants,
        int[] winner, int[] runnerUp, int[] rank, double[] time, int[] wins, int[] losses, int registered)
    {
        Mechanism = mechanism;
        Seed = seed;
        _participants = participants;
        _winner = winner;
        _runnerUp = runnerUp;
        _rank = rank;
        _time = time;
        _wins = wins;
        _losses = losses;
        RegisteredCount = registered;
    }

    public Mechanism Mechanism { get; }

    public long Seed { get; }

    /// <summary>Size of the name space the indices refer to.</summary>
    public int NameCount => _winner.Length;

    /// <summary>Names that went to someone.</summary>
    public int RegisteredCount { get; }

    public int ParticipantCount => _wins.Length;

    /// <summary>Position of the participant holding name <paramref name="name"/>, or −1 if it stayed free.</summary>
    public int WinnerOf(int name) => _winner[name];

    /// <summary>
    /// Under Fcfs, position of the participant whose request for the name arrived second (the first one
    /// lost), or −1. Always −1 under the other mechanisms, which have no arrival order.
    /// </summary>
    public int RunnerUpOf(int name) => _runnerUp[name];

    /// <summary>
    /// 0-based order in which the name was registered, or −1 if it stayed free. Under Fcfs the order of the
    /// winning requests' arrivals; under Lottery and Uniform names are decided in index order.
    /// </summary>
    public int RegistrationRank(int name) => _rank[name];

    /// <summary>Arrival time of the winning request under Fcfs; NaN for free names and other mechanisms.</summary>
    public double ArrivalTime(int name) => _time[name];

    /// <summary>Names won by the participant at <paramref name="participant"/>.</summary>
    public int WinsOf(int participant) => _wins[participant];

    /// <summary>Wish-list entries of that participant it did not get.</summary>
    public int LossesOf(int participant) => _losses[participant];

    /// <summary>Per-participant truth, in the simulation's participant order.</summary>
    public IReadOnlyList<ParticipantResult> Participants => _results ??= BuildResults();

    private ParticipantResult[] BuildResults()
    {
        var results = new ParticipantResult[_wins.Length];
        for (var i = 0; i < results.Length; i++)
        {
            var p = _participants[i];
            results[i] = new ParticipantResult(p.Id, p.Capacity, p.StartTime, p.Latency, p.Wishes.Length, _wins[i], _losses[i]);
        }

        return results;
    }
}
