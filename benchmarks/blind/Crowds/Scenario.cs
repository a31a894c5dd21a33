using System.Globalization;

namespace Crowds;

/// <summary>One generated landrush: its participants (with outcomes after the race) and the holder of each name.</summary>
internal sealed class Landrush
{
    public required string Id { get; init; }
    public required string Class { get; init; }
    public int? DesignMultiple { get; init; }
    public required List<Participant> Participants { get; init; }
    public double TypicalCapacity { get; set; }
    public int[] Holder { get; set; } = [];
}

/// <summary>Who takes part in a landrush, what each wants, how fast and when each sends.</summary>
internal static class Scenario
{
    private static readonly double[] RangeSending = [0.3, 0, 0.35, 0.35]; // Poisson, jittered, regular, bursts
    private static readonly double[] FairCollectors = [0.65, 0.25, 0.1];  // 0, 1 or 2 collectors
    private static readonly double[] ExcessCollectors = [0.8, 0.2, 0];

    /// <summary>Builds and runs one landrush. `multiple` is 0 for fair and crowd files, else 3, 5 or 10.</summary>
    public static Landrush Build(string id, string cls, int multiple, int index, ulong fileSeed)
    {
        var rng = Rng.Derive(fileSeed, 1);
        var people = new List<Participant>();
        var fast = new List<(Participant Who, int Multiple)>();

        // The landrush's culture: how popular each taste is here, and how its crowd sends.
        double[] culture = [.. Catalog.Prior.Select(p => p * Math.Exp(0.6 * rng.Normal()))];
        double[] sendingMix = [rng.Uniform(0.2, 1), rng.Uniform(0.2, 1), rng.Uniform(0, 0.5), rng.Uniform(0.1, 1)];
        double startSpread = rng.Uniform(0, 4), lateShare = rng.Uniform(0, 0.15);

        // Range parties and collectors come first in the party numbering, so the truth reads top down.
        bool fastCrowdMember = multiple > 0 && index % 7 == 4;
        int rangeParties = cls == "crowd" || fastCrowdMember ? 0 : rng.Chance(0.55) ? 1 : 2;
        List<Span>? firstSpans = null;
        for (int r = 0; r < rangeParties; r++)
        {
            List<Span> spans = BigLists.DrawSpans(rng);
            if (firstSpans is not null && rng.Chance(0.45))
            {
                // Overlap the first party's spans; drop own spans the new one would duplicate.
                Span shared = BigLists.OverlappingSpan(rng, rng.Pick(firstSpans));
                spans = [shared, .. spans.Skip(1).Where(s => !s.Names().Intersect(shared.Names()).Any())];
            }

            firstSpans ??= spans;
            (int[] list, string what) = BigLists.RangeList(rng, spans);
            Participant p = New(people, "range", list, what, rng);
            p.Start = rng.Chance(0.5) ? 0 : Math.Round(rng.Uniform(0, 1), 4);
            p.Sending = (Sending)rng.Pick(RangeSending);
            if (multiple > 0 && (r == 0 || rng.Chance(0.5)))
            {
                fast.Add((p, r > 0 && multiple > 3 && rng.Chance(0.35) ? 3 : multiple));
            }
        }

        int collectors = cls == "crowd" ? 0 : rng.Pick(cls == "fair" ? FairCollectors : ExcessCollectors);
        for (int c = 0; c < collectors; c++)
        {
            (int[] list, string what) = BigLists.CollectorList(rng);
            New(people, "collector", list, what, rng).Sending = (Sending)rng.Pick(sendingMix);
        }

        // The crowd: heavy-tailed list sizes, a few enthusiasts with long lists, and in some excess files one
        // crowd member that is the fast party.
        int crowd = (int)Math.Round(Math.Exp(rng.Uniform(Math.Log(40), Math.Log(cls == "crowd" ? 700 : 500))));
        int minSize = rng.Int(1, 2), cap = rng.Int(100, 400);
        double alpha = rng.Uniform(0.9, 1.5);
        int enthusiasts = rng.Int(0, 2), first = fastCrowdMember ? 1 : 0;
        for (int m = 0; m < crowd; m++)
        {
            bool isFast = fastCrowdMember && m == 0;
            bool keen = isFast || (m >= first && m < first + enthusiasts);
            int size = isFast ? rng.Int(500, 2500) : keen ? rng.Int(200, 1200) : rng.Pareto(minSize, alpha, cap);
            TasteProfile taste = TasteProfile.Draw(rng, culture);
            int[] list = Ordinary.BuildList(Rng.Derive(fileSeed, 2, (ulong)m), taste, size);
            string what = (isFast ? "fast crowd member, long list: " : keen ? "enthusiast, long list: " : "") + taste.Describe();
            Participant p = New(people, "ordinary", list, what, rng);
            p.Start = Math.Round(rng.Chance(lateShare) ? startSpread + rng.Exponential(20) : rng.Uniform(0, startSpread), 4);
            p.Sending = (Sending)rng.Pick(sendingMix);
            if (isFast)
            {
                fast.Add((p, multiple));
            }
        }

        double typical = AssignCapacities(rng, people, fast);
        int[] tieRank = [.. Enumerable.Range(0, people.Count)];
        rng.Shuffle(tieRank);
        var landrush = new Landrush
        {
            Id = id,
            Class = cls,
            DesignMultiple = multiple > 0 ? multiple : null,
            Participants = people,
            TypicalCapacity = typical,
            Holder = Race.Run(people, tieRank),
        };
        Identities.Assign(Rng.Derive(fileSeed, 3), landrush);
        return landrush;
    }

    private static Participant New(List<Participant> people, string kind, int[] list, string what, Rng rng)
    {
        var p = new Participant
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"P{people.Count + 1:D3}"),
            Kind = kind,
            Description = what,
            List = list,
            BurstSize = rng.Int(5, 40),
            StreamSeed = rng.NextULong(),
        };
        people.Add(p);
        return p;
    }

    /// <summary>
    /// Honest capacities from a log-normal (σ 0.15-0.4) or uniform (0.5-1.5) spread around a scale of this
    /// landrush's own (0.5-4 requests per unit of time), rounded to 4 decimals. Honest ones at 1.8 × the median or
    /// more are drawn again between 1.4 × and 1.8 × (still above the median, so it does not move); a fast party
    /// gets exactly its multiple of the median. Fast parties sit above the median, so their placeholders
    /// (infinity) give the median before they are set.
    /// </summary>
    private static double AssignCapacities(Rng rng, List<Participant> people, List<(Participant Who, int Multiple)> fast)
    {
        double scale = Math.Exp(rng.Uniform(Math.Log(0.5), Math.Log(4)));
        bool logNormal = rng.Chance(0.7);
        double sigma = rng.Uniform(0.15, 0.4);
        foreach (Participant p in people)
        {
            double c = logNormal ? scale * Math.Exp(sigma * rng.Normal()) : scale * rng.Uniform(0.5, 1.5);
            p.Capacity = fast.Any(f => f.Who == p) ? double.PositiveInfinity : Math.Max(0.0001, Math.Round(c, 4));
        }

        double median = Median(people);
        foreach (Participant p in people.Where(p => p.Capacity >= 1.8 * median && !double.IsInfinity(p.Capacity)))
        {
            p.Capacity = Math.Round(median * rng.Uniform(1.4, 1.8), 4);
        }

        foreach ((Participant who, int multiple) in fast)
        {
            who.Capacity = Math.Round(multiple * median, 4);
        }

        double typical = Median(people);
        foreach (Participant p in people)
        {
            p.Multiple = Math.Round(p.Capacity / typical, 4);
        }

        return typical;
    }

    /// <summary>The median capacity of all participants (all send at least one request).</summary>
    private static double Median(List<Participant> people)
    {
        double[] c = [.. people.Select(p => p.Capacity).Order()];
        int n = c.Length;
        return n % 2 == 1 ? c[n / 2] : (c[(n / 2) - 1] + c[n / 2]) / 2;
    }
}
