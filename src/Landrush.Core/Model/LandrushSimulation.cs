namespace Landrush.Core.Model;

/// <summary>
/// A landrush over a name space of <see cref="NameCount"/> names with a fixed set of participants, run under
/// any <see cref="Mechanism"/> with any seed. Pure and deterministic: the same seed gives the same outcome.
/// </summary>
public sealed class LandrushSimulation
{
    private readonly Participant[] _participants;

    /// <param name="nameCount">Names in the space; every wish-list index must be below it.</param>
    /// <param name="participants">At least one; their positions in this list identify them in the outcome.</param>
    public LandrushSimulation(int nameCount, IEnumerable<Participant> participants)
    {
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentOutOfRangeException.ThrowIfNegative(nameCount);
        _participants = [.. participants];
        if (_participants.Length == 0)
        {
            throw new ArgumentException("a landrush needs at least one participant", nameof(participants));
        }

        foreach (var p in _participants)
        {
            foreach (var name in p.Wishes)
            {
                if (name >= nameCount)
                {
                    throw new ArgumentException($"participant {p.Id} wants name index {name}, outside a space of {nameCount}", nameof(participants));
                }
            }
        }

        NameCount = nameCount;
    }

    public int NameCount { get; }

    public IReadOnlyList<Participant> Participants => _participants;

    /// <summary>Total wish-list entries: the number of requests an Fcfs run processes.</summary>
    public long TotalRequests => _participants.Sum(p => (long)p.Wishes.Length);

    public AllocationOutcome Run(Mechanism mechanism, long seed)
    {
        var rng = new SeededRandom(seed);
        var winner = new int[NameCount];
        var runnerUp = new int[NameCount];
        var rank = new int[NameCount];
        var time = new double[NameCount];
        Array.Fill(winner, -1);
        Array.Fill(runnerUp, -1);
        Array.Fill(rank, -1);
        Array.Fill(time, double.NaN);
        var wins = new int[_participants.Length];
        var losses = new int[_participants.Length];
        var registered = mechanism switch
        {
            Mechanism.Fcfs => RunFcfs(rng, winner, runnerUp, rank, time, wins, losses),
            Mechanism.Lottery => RunLottery(rng, winner, rank, wins, losses),
            Mechanism.Uniform => RunUniform(rng, winner, rank, wins, losses),
            _ => throw new ArgumentOutOfRangeException(nameof(mechanism), mechanism, "unknown mechanism"),
        };
        return new AllocationOutcome(mechanism, seed, _participants, winner, runnerUp, rank, time, wins, losses, registered);
    }

    // Merges the participants' Poisson streams with a binary min-heap over participants keyed by the
    // arrival time of each one's next request: O(total requests · log participants), arrays only.
    private int RunFcfs(SeededRandom rng, int[] winner, int[] runnerUp, int[] rank, double[] time, int[] wins, int[] losses)
    {
        var n = _participants.Length;
        var next = new double[n];
        var position = new int[n];
        var heap = new int[n];
        var size = 0;
        for (var i = 0; i < n; i++)
        {
            var p = _participants[i];
            if (p.Wishes.Length == 0)
            {
                continue;
            }

            next[i] = p.StartTime + p.Latency + rng.NextExponential(p.Capacity);
            heap[size] = i;
            SiftUp(heap, size, next);
            size++;
        }

        var registered = 0;
        while (size > 0)
        {
            var i = heap[0];
            var t = next[i];
            var wishes = _participants[i].Wishes;
            var name = wishes[position[i]];
            if (winner[name] < 0)
            {
                winner[name] = i;
                rank[name] = registered++;
                time[name] = t;
                wins[i]++;
            }
            else
            {
                losses[i]++;
                if (runnerUp[name] < 0)
                {
                    runnerUp[name] = i;
                }
            }

            if (++position[i] < wishes.Length)
            {
                next[i] = t + rng.NextExponential(_participants[i].Capacity);
            }
            else
            {
                heap[0] = heap[--size];
            }

            SiftDown(heap, size, next);
        }

        return registered;
    }

    // Reservoir sampling of size one per name: the k-th participant found wanting a name replaces the
    // current holder with probability 1/k, so each of the K who want it ends with probability 1/K.
    private int RunLottery(SeededRandom rng, int[] winner, int[] rank, int[] wins, int[] losses)
    {
        var wanted = new int[NameCount];
        for (var i = 0; i < _participants.Length; i++)
        {
            foreach (var name in _participants[i].Wishes)
            {
                if (rng.NextInt(++wanted[name]) == 0)
                {
                    winner[name] = i;
                }
            }
        }

        var registered = 0;
        for (var name = 0; name < NameCount; name++)
        {
            if (winner[name] >= 0)
            {
                rank[name] = registered++;
                wins[winner[name]]++;
            }
        }

        for (var i = 0; i < _participants.Length; i++)
        {
            losses[i] = _participants[i].Wishes.Length - wins[i];
        }

        return registered;
    }

    // The names registered are those anyone wanted (as under the other mechanisms); each then goes to
    // any participant with equal probability, wanted or not.
    private int RunUniform(SeededRandom rng, int[] winner, int[] rank, int[] wins, int[] losses)
    {
        var wanted = new bool[NameCount];
        foreach (var p in _participants)
        {
            foreach (var name in p.Wishes)
            {
                wanted[name] = true;
            }
        }

        var registered = 0;
        for (var name = 0; name < NameCount; name++)
        {
            if (wanted[name])
            {
                var i = rng.NextInt(_participants.Length);
                winner[name] = i;
                rank[name] = registered++;
                wins[i]++;
            }
        }

        for (var i = 0; i < _participants.Length; i++)
        {
            var got = 0;
            foreach (var name in _participants[i].Wishes)
            {
                if (winner[name] == i)
                {
                    got++;
                }
            }

            losses[i] = _participants[i].Wishes.Length - got;
        }

        return registered;
    }

    // Ties in time (probability zero with continuous draws) go to the lower position, so order is total.
    private static bool Before(int a, int b, double[] key) => key[a] < key[b] || (key[a] == key[b] && a < b);

    private static void SiftUp(int[] heap, int index, double[] key)
    {
        var item = heap[index];
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!Before(item, heap[parent], key))
            {
                break;
            }

            heap[index] = heap[parent];
            index = parent;
        }

        heap[index] = item;
    }

    private static void SiftDown(int[] heap, int size, double[] key)
    {
        if (size == 0)
        {
            return;
        }

        var index = 0;
        var item = heap[0];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= size)
            {
                break;
            }

            if (child + 1 < size && Before(heap[child + 1], heap[child], key))
            {
                child++;
            }

            if (!Before(heap[child], item, key))
            {
                break;
            }

            heap[index] = heap[child];
            index = child;
        }

        heap[index] = item;
    }
}
