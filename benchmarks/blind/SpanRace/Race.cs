namespace SpanRace;

/// <summary>
/// The blind first-come-first-served race. Every participant sends its whole list in order; the registry handles
/// requests strictly in arrival order, and the first request for a free name registers it. The participants'
/// streams are merged in time order with a priority queue holding each one's next request, so a landrush costs
/// O(requests · log participants).
/// </summary>
internal static class Race
{
    /// <summary>Runs the race; returns the holder (index into parties) of every label, -1 for a free one, and
    /// sets each participant's Won.</summary>
    public static int[] Run(IReadOnlyList<Participant> parties, Rng rng)
    {
        int[] holder = new int[Space.Count];
        Array.Fill(holder, -1);
        // Each participant draws its gaps from its own stream, so its timing does not depend on the others.
        Rng[] gaps = parties.Select(p => rng.Fork(p.Id)).ToArray();
        int[] sent = new int[parties.Count];
        // Ties in time (practically never with continuous gaps) go to the lower participant index.
        var queue = new PriorityQueue<int, (double Time, int Party)>(parties.Count);
        for (int i = 0; i < parties.Count; i++)
        {
            parties[i].Won = 0;
            if (parties[i].List.Count > 0)
            {
                queue.Enqueue(i, (parties[i].Start + Gap(parties[i], gaps[i]), i));
            }
        }
        while (queue.TryDequeue(out int i, out var at))
        {
            Participant p = parties[i];
            int label = p.List[sent[i]++];
            if (holder[label] < 0)
            {
                holder[label] = i;
                p.Won++;
            }
            if (sent[i] < p.List.Count)
            {
                queue.Enqueue(i, (at.Time + Gap(p, gaps[i]), i));
            }
        }
        return holder;
    }

    /// <summary>Time to the next request: 1/c on average, either exponential (a Poisson stream) or 1/c jittered
    /// by ±20% (a script sending at a steady rate).</summary>
    private static double Gap(Participant p, Rng rng) =>
        p.Regular ? rng.Uniform(0.8, 1.2) / p.Capacity : rng.Exponential(1 / p.Capacity);
}
