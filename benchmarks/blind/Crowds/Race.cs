namespace Crowds;

/// <summary>How a participant spaces its requests; every model averages one request per 1/c.</summary>
internal enum Sending
{
    /// <summary>Exponential gaps of mean 1/c (a Poisson stream).</summary>
    Poisson,

    /// <summary>Gaps of 1/c times a uniform factor in [0.5, 1.5].</summary>
    Jittered,

    /// <summary>Exactly 1/c apart, like a script on a timer.</summary>
    Regular,

    /// <summary>Bursts of B requests with short exponential gaps (mean 0.1/c), then an exponential pause of mean
    /// 0.9·B/c: batches pushed through a mail gateway or a pipelined connection.</summary>
    Bursts,
}

internal sealed class Participant
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Description { get; init; }
    public required int[] List { get; init; }
    public double Capacity { get; set; }
    public double Start { get; set; }
    public Sending Sending { get; set; }
    public int BurstSize { get; set; }

    /// <summary>Seed of this participant's own gap stream, so its timing does not depend on the others.</summary>
    public ulong StreamSeed { get; set; }

    public int Won { get; set; }
    public double Multiple { get; set; }

    // Identity as the registry shows it (filled in after the race).
    public string Registrar { get; set; } = "";
    public string Handle { get; set; } = "";
    public string HolderName { get; set; } = "";
    public string AdminHandle { get; set; } = "";
    public string NameServers { get; set; } = "";
}

internal static class Race
{
    /// <summary>
    /// The blind first-come-first-served race. Every participant sends its whole list in order; the registry
    /// handles requests in arrival order and the first request for a free name wins. The participants' streams
    /// are merged by a priority queue holding each one's next request; equal times are broken by a fixed random
    /// rank (tieRank) so that the order is total and the run deterministic.
    /// </summary>
    /// <returns>For every name of the space the index of its holder, or -1 when nobody asked for it.</returns>
    public static int[] Run(IReadOnlyList<Participant> participants, int[] tieRank)
    {
        var holder = new int[Space.Count];
        Array.Fill(holder, -1);
        var queue = new PriorityQueue<int, (double Time, int Rank)>();
        var position = new int[participants.Count];
        var time = new double[participants.Count];
        var streams = new Rng[participants.Count];
        for (int p = 0; p < participants.Count; p++)
        {
            Participant who = participants[p];
            who.Won = 0;
            streams[p] = new Rng(who.StreamSeed);
            time[p] = who.Start;
            if (who.List.Length > 0)
            {
                queue.Enqueue(p, (time[p], tieRank[p]));
            }
        }

        while (queue.TryDequeue(out int p, out _))
        {
            Participant who = participants[p];
            int name = who.List[position[p]];
            if (holder[name] < 0)
            {
                holder[name] = p;
                who.Won++;
            }

            position[p]++;
            if (position[p] < who.List.Length)
            {
                time[p] += Gap(who, position[p], streams[p]);
                queue.Enqueue(p, (time[p], tieRank[p]));
            }
        }

        return holder;
    }

    /// <summary>The wait before request number `next` (from 0) leaves, after request next-1.</summary>
    private static double Gap(Participant who, int next, Rng rng)
    {
        double mean = 1 / who.Capacity;
        return who.Sending switch
        {
            Sending.Poisson => rng.Exponential(mean),
            Sending.Jittered => mean * rng.Uniform(0.5, 1.5),
            Sending.Regular => mean,
            Sending.Bursts => next % who.BurstSize == 0
                ? rng.Exponential(0.9 * who.BurstSize * mean)
                : rng.Exponential(0.1 * mean),
            _ => throw new InvalidOperationException("unknown sending model"),
        };
    }
}
