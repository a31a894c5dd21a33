using System.Globalization;

namespace SpanRace;

/// <summary>
/// Who takes part in a landrush of each class, what each wants and how fast it sends. Fair: one to three range
/// parties at honest capacity among ordinary participants. Crowd: many ordinary participants with small lists.
/// Excess: as fair, with one or two parties designed at the class's multiple.
/// </summary>
internal static class Design
{
    /// <summary>Honest multiples stay below this (a fair landrush has none at 2 or more).</summary>
    private const double HonestCeiling = 1.9;

    /// <summary>A fair landrush; the number of range parties cycles 1, 2, 1, 2, 3 over the files so every suite
    /// has each situation.</summary>
    public static Plan Fair(Rng rng, string id, int k)
    {
        var parties = RangeParties(rng, (k % 5) switch { 0 or 2 => 1, 1 or 3 => 2, _ => 3 });
        if (rng.Chance(0.25))
        {
            parties.Add(CollectorParty(rng));
        }
        AddOrdinary(rng, parties, (int)rng.LogUniform(20, 250), minSize: 3, alpha: 1.1, cap: 400);
        return Finish(rng, id, "fair", null, parties);
    }

    public static Plan Crowd(Rng rng, string id)
    {
        var parties = new List<Participant>();
        AddOrdinary(rng, parties, (int)rng.LogUniform(120, 500), minSize: 2, alpha: 1.4, cap: 120);
        return Finish(rng, id, "crowd", null, parties);
    }

    /// <summary>
    /// A landrush with excess; the situation cycles over the files (k mod 10): six in ten have one range party at
    /// the multiple (among one to three), two in ten two range parties in excess (the second as fast or one step
    /// slower, 10 → 5, 5 → 3), and two in ten a fast party that is not a range party: an ordinary "domainer"
    /// with a large taste list, or a collector, beside one or two honest range parties or (one in ten) none.
    /// </summary>
    public static Plan Excess(Rng rng, string id, int multiple, int k)
    {
        int variant = k % 10;
        List<Participant> parties;
        if (variant >= 8)
        {
            parties = RangeParties(rng, variant == 9 ? 0 : rng.Between(1, 2));
            Participant fast = rng.Chance(0.75) ? Domainer(rng) : CollectorParty(rng);
            fast.DesignMultiple = multiple;
            parties.Add(fast);
        }
        else
        {
            bool two = variant >= 6;
            parties = RangeParties(rng, two ? rng.Between(2, 3) : rng.Between(1, 3));
            int first = rng.Below(parties.Count);
            parties[first].DesignMultiple = multiple;
            if (two)
            {
                int second = (first + 1 + rng.Below(parties.Count - 1)) % parties.Count;
                parties[second].DesignMultiple = multiple == 3 || rng.Chance(0.5) ? multiple : (multiple == 10 ? 5 : 3);
            }
        }
        if (rng.Chance(0.2))
        {
            parties.Add(CollectorParty(rng));
        }
        AddOrdinary(rng, parties, (int)rng.LogUniform(20, 250), minSize: 3, alpha: 1.1, cap: 400);
        return Finish(rng, id, "excess", multiple, parties);
    }

    /// <summary>Range parties; each after the first wants, half the time, a span overlapping the first's.</summary>
    private static List<Participant> RangeParties(Rng rng, int count)
    {
        var parties = new List<Participant>();
        Span? main = null;
        for (int i = 0; i < count; i++)
        {
            Span span = main is not null && rng.Chance(0.5) ? Spans.DrawOverlapping(rng, main) : Spans.Draw(rng);
            main ??= span;
            parties.Add(RangeParty(rng, span));
        }
        return parties;
    }

    /// <summary>A range party: one span (seven in ten) or two, sometimes (three in ten) after a few favourite
    /// short names. It sends from a prepared script or a fast stream, starting within half a unit of time.</summary>
    private static Participant RangeParty(Rng rng, Span span)
    {
        var spans = new List<Span> { span };
        if (rng.Chance(0.3))
        {
            spans.Add(Spans.DrawSecond(rng, span));
        }
        int[] favourites = rng.Chance(0.3) ? Taste.DrawShortLover(rng).List(rng, rng.Between(5, 40)) : [];
        string text = (favourites.Length > 0 ? $"{favourites.Length} favourites first, then " : "") + string.Join("; then ", spans);
        var party = new Participant("range", Spans.Concat(favourites, spans), text)
        {
            Start = rng.Uniform(0, 0.5),
            Regular = rng.Chance(0.6),
            Capacity = rng.Uniform(0.9, 1.8),
        };
        return party;
    }

    private static Participant CollectorParty(Rng rng)
    {
        (string text, int[] list) = Spans.Collector(rng);
        return new Participant("collector", list, text)
        {
            Start = rng.Uniform(0, 0.5),
            Regular = rng.Chance(0.6),
            Capacity = HonestCapacity(rng),
        };
    }

    /// <summary>An ordinary participant with a big list, 500-3,000 names by its taste.</summary>
    private static Participant Domainer(Rng rng)
    {
        var taste = Taste.Draw(rng);
        int[] list = taste.List(rng, (int)rng.LogUniform(500, 3000));
        return new Participant("ordinary", list, $"large list (domainer), {taste.Description}")
        {
            Start = rng.Uniform(0, 0.5),
            Regular = rng.Chance(0.6),
            Capacity = HonestCapacity(rng),
        };
    }

    /// <summary>Ordinary participants: heavy-tailed list sizes; most start within two units of time, one in ten
    /// late (2-20); most send as a Poisson stream.</summary>
    private static void AddOrdinary(Rng rng, List<Participant> parties, int count, int minSize, double alpha, int cap)
    {
        for (int i = 0; i < count; i++)
        {
            var taste = Taste.Draw(rng);
            int[] list = taste.List(rng, rng.Pareto(minSize, alpha, cap));
            parties.Add(new Participant("ordinary", list, taste.Description)
            {
                Start = rng.Chance(0.9) ? rng.Uniform(0, 2) : rng.Uniform(2, 20),
                Regular = rng.Chance(0.2),
                Capacity = HonestCapacity(rng),
            });
        }
    }

    /// <summary>Log-normal around 1 (σ = 0.35), redrawn outside [0.4, 1.8]: honest machines differ, not wildly.</summary>
    private static double HonestCapacity(Rng rng)
    {
        double c;
        do
        {
            c = Math.Exp(0.35 * rng.Normal());
        }
        while (c is < 0.4 or > 1.8);
        return c;
    }

    /// <summary>Numbers the participants in a shuffled order (so a range party is not always P001), sets the
    /// excess capacities from the typical one, and describes the landrush.</summary>
    private static Plan Finish(Rng rng, string id, string cls, int? multiple, List<Participant> parties)
    {
        rng.Shuffle(parties);
        for (int i = 0; i < parties.Count; i++)
        {
            parties[i].Id = "P" + (i + 1).ToString("D3", CultureInfo.InvariantCulture);
        }
        double typical = Settle(parties);
        var plan = new Plan(id, cls, multiple, Describe(parties), parties) { Typical = typical };
        return plan;
    }

    /// <summary>
    /// The typical capacity is the median over everyone, the fast parties included; they sit above the median
    /// whatever their value, so the median is that of the honest capacities with the fast ones counted as
    /// +infinity. Fast parties get exactly their multiple of it; an honest one at 1.9 or more is brought down
    /// to 1.9 (it stays above the median, so the median does not move; the loop only guards the even case,
    /// where a middle value could in principle be clipped).
    /// </summary>
    private static double Settle(List<Participant> parties)
    {
        while (true)
        {
            var honest = parties.Where(p => p.DesignMultiple is null).Select(p => p.Capacity).Order().ToList();
            int fast = parties.Count - honest.Count;
            honest.AddRange(Enumerable.Repeat(double.PositiveInfinity, fast));
            int n = honest.Count;
            double typical = n % 2 == 1 ? honest[n / 2] : (honest[(n / 2) - 1] + honest[n / 2]) / 2;
            bool changed = false;
            foreach (Participant p in parties)
            {
                if (p.DesignMultiple is int m)
                {
                    p.Capacity = m * typical;
                }
                else if (p.Capacity > HonestCeiling * typical)
                {
                    p.Capacity = HonestCeiling * typical;
                    changed = true;
                }
            }
            if (!changed)
            {
                foreach (Participant p in parties)
                {
                    // A designed multiple is recorded exactly, not as the quotient's last-bit rounding.
                    p.Multiple = p.DesignMultiple ?? (p.Capacity / typical);
                }
                return typical;
            }
        }
    }

    private static string Describe(List<Participant> parties)
    {
        var ranges = parties.Where(p => p.Kind == "range").ToList();
        var wantedByRange = new Dictionary<int, int>();
        foreach (int label in ranges.SelectMany(p => p.List))
        {
            wantedByRange[label] = wantedByRange.GetValueOrDefault(label) + 1;
        }
        int shared = wantedByRange.Count(kv => kv.Value > 1);
        int liked = parties.Where(p => p.Kind == "ordinary").SelectMany(p => p.List).Distinct().Count(wantedByRange.ContainsKey);
        int ordinary = parties.Count(p => p.Kind == "ordinary");
        int collectors = parties.Count(p => p.Kind == "collector");
        string fast = string.Join(", ", parties.Where(p => p.DesignMultiple is not null).Select(p => $"{p.Id} ({p.Kind}) at {p.DesignMultiple}x"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{ranges.Count} range, {collectors} collector, {ordinary} ordinary; range spans overlap each other on {shared} names, "
            + $"ordinary lists touch range spans on {liked} names; excess: {(fast.Length == 0 ? "none" : fast)}");
    }
}
