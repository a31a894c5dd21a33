using System.Globalization;

namespace Collectors;

/// <summary>
/// One synthetic landrush: who takes part, with which lists and capacities, and the outcome of the blind
/// first-come-first-served race.
/// </summary>
internal sealed class Landrush
{
    public Landrush(string id, string klass, int? design, string situation, Space space, List<Participant> parties)
    {
        Id = id;
        Class = klass;
        DesignMultiple = design;
        Situation = situation;
        Space = space;
        Parties = parties;
        Owner = new int[space.Size];
        Array.Fill(Owner, -1);
    }

    public string Id { get; }

    public string Class { get; }

    public int? DesignMultiple { get; }

    public string Situation { get; }

    public Space Space { get; }

    public List<Participant> Parties { get; }

    /// <summary>For each name of the space, the index in Parties of its holder, or -1 if free.</summary>
    public int[] Owner { get; }

    public double Typical { get; set; }

    public int Registered { get; private set; }

    public double Multiple(Participant p) => Math.Round(p.Capacity / Typical, 6);

    /// <summary>
    /// The race exactly as the registry runs it: requests are handled in arrival order, the first request for a
    /// free name registers it, every later one fails, and nobody learns anything (each participant sends its
    /// whole list). The participants' streams are merged with a priority queue keyed by (arrival time, party
    /// index); each participant has its own random stream for its gaps, so the merge order cannot change the
    /// draws. Ties in time go to the lower party index, a fixed rule.
    /// </summary>
    public void Race(ulong seed)
    {
        var queue = new PriorityQueue<int, (double Time, int Party)>();
        var rngs = new Rng[Parties.Count];
        int[] position = new int[Parties.Count];
        for (int i = 0; i < Parties.Count; i++)
        {
            rngs[i] = new Rng(Rng.Derive(seed, 0x7ACE, (ulong)i));
            queue.Enqueue(i, (Parties[i].Start + Gap(Parties[i], rngs[i], 0), i));
        }

        while (queue.TryDequeue(out int i, out (double Time, int Party) at))
        {
            Participant p = Parties[i];
            int name = p.List[position[i]];
            if (Owner[name] < 0)
            {
                Owner[name] = i;
                p.Won++;
                Registered++;
            }

            position[i]++;
            if (position[i] < p.List.Length)
            {
                queue.Enqueue(i, (at.Time + Gap(p, rngs[i], position[i]), i));
            }
        }
    }

    /// <summary>The wait before request k (from 0): every mode has mean 1/c per request.</summary>
    private static double Gap(Participant p, Rng rng, int k) => p.Gaps switch
    {
        Gaps.Regular => 1.0 / p.Capacity,
        Gaps.Jittered => rng.Uniform(0.5, 1.5) / p.Capacity,
        Gaps.Bursts => k % p.Burst == 0 ? rng.Exponential() * p.Burst / p.Capacity : 0.0,
        _ => rng.Exponential() / p.Capacity,
    };

    /// <summary>The median of the capacities (the mean of the two middle ones for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        double[] v = [.. values.Order()];
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }

    /// <summary>
    /// Honest capacities are drawn around a landrush-wide scale (log-normal or uniform 0.5–1.5 around it). The
    /// typical capacity is the median over everybody, fast participants included; since they are faster than
    /// everyone it depends only on the honest draws, so it is found first (with the fast ones as +∞), honest
    /// draws at 1.9× or more are redrawn below 1.9× (above the median, which leaves it unchanged), and the fast
    /// ones get exactly the design multiple times the typical capacity.
    /// </summary>
    public void AssignCapacities(Rng rng)
    {
        double scale = rng.LogUniform(0.5, 20);
        bool lognormal = rng.Chance(0.7);
        double sigma = rng.Uniform(0.15, 0.5);
        foreach (Participant p in Parties)
        {
            double f = lognormal ? Math.Exp(sigma * rng.Normal()) : rng.Uniform(0.5, 1.5);
            p.Capacity = Math.Round(scale * f, 4);
        }

        double m = Median(Parties.Select(p => p.Fast ? double.PositiveInfinity : p.Capacity));
        double[] sorted = [.. Parties.Select(p => p.Fast ? double.PositiveInfinity : p.Capacity).Order()];
        double upperMiddle = sorted[sorted.Length / 2];
        foreach (Participant p in Parties.Where(p => !p.Fast && p.Capacity >= 1.9 * m))
        {
            p.Capacity = Math.Round(rng.Uniform(Math.Max(upperMiddle, 1.5 * m), 1.9 * m), 4);
        }

        foreach (Participant p in Parties.Where(p => p.Fast))
        {
            p.Capacity = DesignMultiple!.Value * m;
        }

        Typical = Median(Parties.Select(p => p.Capacity));
        if (Typical != m || Parties.Any(p => !p.Fast && p.Capacity >= 1.95 * Typical))
        {
            throw new InvalidOperationException(Id + ": capacity assignment broke the median");
        }

        // Starts and gaps: big participants are ready at the opening; ordinary ones sometimes a little late.
        foreach (Participant p in Parties)
        {
            p.Gaps = (Gaps)rng.PickWeighted([0.5, 0.15, 0.2, 0.15]);
            p.Burst = p.Gaps == Gaps.Bursts ? rng.Between(5, 50) : 1;
            double unit = 1.0 / Typical;
            p.Start = Math.Round(p.Kind == Kind.Ordinary && !p.Fast
                ? rng.PickWeighted([0.5, 0.4, 0.1]) switch
                {
                    0 => 0.0,
                    1 => rng.Uniform(0, 5 * unit),
                    _ => rng.Uniform(5 * unit, 50 * unit),
                }
                : rng.Chance(p.Fast ? 0.8 : 0.7) ? 0.0 : rng.Uniform(0, 3 * unit), 6);
            string start = p.Start == 0 ? "starts at 0" : string.Create(CultureInfo.InvariantCulture, $"starts at {p.Start:0.####}");
            p.Description += "; " + p.TimingWord + ", " + start;
        }
    }
}
