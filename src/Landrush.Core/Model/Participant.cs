namespace Landrush.Core.Model;

/// <summary>
/// One landrush participant: its capacity c_i (requests per unit of time — in 2008, parallel SMTP
/// connections and sending machines), when it starts, a fixed latency added to every request, and the
/// ordered wish list of name indices (into a <see cref="Enumeration.NameSpace"/>) it sends, first wanted first.
/// </summary>
public sealed class Participant
{
    private readonly int[] _wishes;

    /// <param name="id">Caller's identifier, carried into the outcome.</param>
    /// <param name="capacity">Requests per unit of time; finite and &gt; 0.</param>
    /// <param name="wishList">Distinct name indices ≥ 0, in the order the participant sends them.</param>
    /// <param name="startTime">When its first request may go out. Default 0.</param>
    /// <param name="latency">Fixed delay added to every request (e.g. a refused mail connection). Default 0.</param>
    public Participant(int id, double capacity, IEnumerable<int> wishList, double startTime = 0, double latency = 0)
    {
        ArgumentNullException.ThrowIfNull(wishList);
        if (!double.IsFinite(capacity) || capacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be finite and > 0");
        }

        if (!double.IsFinite(startTime) || startTime < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startTime), startTime, "start time must be finite and >= 0");
        }

        if (!double.IsFinite(latency) || latency < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(latency), latency, "latency must be finite and >= 0");
        }

        _wishes = [.. wishList];
        // A duplicate would be a request the participant loses to itself: meaningless, so refused.
        var seen = new HashSet<int>(_wishes.Length);
        foreach (var name in _wishes)
        {
            if (name < 0 || !seen.Add(name))
            {
                throw new ArgumentException($"wish list of participant {id} has a negative or repeated name index {name}", nameof(wishList));
            }
        }

        Id = id;
        Capacity = capacity;
        StartTime = startTime;
        Latency = latency;
    }

    public int Id { get; }

    public double Capacity { get; }

    public double StartTime { get; }

    public double Latency { get; }

    public IReadOnlyList<int> WishList => _wishes;

    // The hot loop reads the array directly.
    internal int[] Wishes => _wishes;
}
