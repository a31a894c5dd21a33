using System.Globalization;

namespace TwoFleets;

/// <summary>How a participant's requests are spaced (mean gap 1/capacity in every case).</summary>
internal enum Pacing
{
    Poisson,
    Jittered,
    Bursty,
}

internal sealed class Participant(string kind, int[] list, string description)
{
    public string Kind { get; } = kind;
    public int[] List { get; } = list;
    public string Description { get; } = description;
    public string Party { get; set; } = "";
    public double Capacity { get; set; }
    public double Start { get; set; }
    public Pacing Pacing { get; set; }
    public double Jitter { get; set; }
    public int Burst { get; set; }
    public int Won { get; set; }
    public string Registrar { get; set; } = "";
    public string Handle { get; set; } = "";
    public string Name { get; set; } = "";
    public string Admin { get; set; } = "";
    public string NameServers { get; set; } = "";
}

/// <summary>One synthetic landrush: its participants, the race, the outcome.</summary>
internal sealed class Landrush
{
    public required string Id { get; init; }
    public required string Class { get; init; }
    public int? DesignMultiple { get; init; }
    public required List<Participant> Participants { get; init; }
    public double Typical { get; private set; }
    public int[] Winner { get; private set; } = [];
    public int Registered { get; private set; }

    /// <summary>Builds and runs one landrush of class fair, crowd or excess (designMultiple 3, 5 or 10).</summary>
    public static Landrush Build(string id, string cls, int? designMultiple, Rng rng)
    {
        double scale = Math.Exp(rng.Uniform(Math.Log(0.5), Math.Log(2.0)));   // the typical capacity, roughly
        bool crowd = cls == "crowd";
        var participants = new List<Participant>();

        // range parties: two fleets in excess files, one to three honest ones in fair files, none in a crowd
        var plans = new List<RangePlan>();
        if (!crowd)
        {
            (RangePlan a, RangePlan b) = Layouts.Pair(rng);
            int count = designMultiple is null ? rng.Pick(1, 1, 2, 2, 2, 3, 3) : 2;
            plans.Add(a);
            if (count >= 2)
            {
                plans.Add(b);
                Layouts.TopUp(a, b, rng);
            }
            if (count == 3)
            {
                plans.Add(Layouts.Third(rng));
            }
        }
        foreach (RangePlan plan in plans)
        {
            var p = new Participant("range", plan.BuildList(rng), plan.Describe())
            {
                Start = plan.StartDelay / scale,
                Pacing = rng.Chance(0.6) ? Pacing.Jittered : Pacing.Poisson,
                Jitter = rng.Uniform(0.02, 0.3),
            };
            participants.Add(p);
        }

        // ordinary participants: about a hundred (a crowd: 100-260), heavy-tailed list sizes
        int ordinaries = crowd ? rng.Between(120, 300) : rng.Between(90, 112);
        double alpha = rng.Uniform(1.05, 1.4);
        int minimum = 3, cap = crowd ? 200 : 300;
        double sigma = rng.Uniform(0.25, 0.45);
        bool uniform = crowd && rng.Chance(0.5);
        for (int k = 0; k < ordinaries; k++)
        {
            var taste = new Taste(rng);
            int size = (int)Math.Min(cap, Math.Floor(minimum * Math.Pow(rng.Open(), -1.0 / alpha)));
            double noise = rng.Uniform(0.3, 1.0);
            var p = new Participant("ordinary", taste.DrawList(size, noise, rng),
                string.Create(CultureInfo.InvariantCulture, $"ordinary list of {size}"))
            {
                Capacity = scale * (uniform ? rng.Uniform(0.5, 1.5) : TruncatedLogNormal(sigma, rng)),
                Start = OrdinaryDelay(rng) / scale,
            };
            double u = rng.Open();
            p.Pacing = u < 0.5 ? Pacing.Poisson : u < 0.8 ? Pacing.Jittered : Pacing.Bursty;
            p.Jitter = rng.Uniform(0.1, 0.5);
            p.Burst = rng.Between(2, 6);
            participants.Add(p);
        }

        var landrush = new Landrush { Id = id, Class = cls, DesignMultiple = designMultiple, Participants = participants };
        landrush.SetCapacities(plans.Count, rng);
        rng.Shuffle(participants);
        for (int k = 0; k < participants.Count; k++)
        {
            participants[k].Party = string.Create(CultureInfo.InvariantCulture, $"P{k + 1:D3}");
        }
        landrush.Run(rng);
        Identities.Assign(participants, rng);
        return landrush;
    }

    private static double TruncatedLogNormal(double sigma, Rng rng)
    {
        while (true)
        {
            double c = Math.Exp(sigma * rng.Normal());
            if (c is >= 0.4 and <= 1.75)
            {
                return c;
            }
        }
    }

    // most start at once, some a few request-times late, a few much later
    private static double OrdinaryDelay(Rng rng)
    {
        double u = rng.Open();
        return u < 0.65 ? rng.Uniform(0, 1) : u < 0.92 ? rng.Uniform(1, 8) : rng.Uniform(8, 40);
    }

    /// <summary>
    /// Range parties' capacities as multiples of the typical capacity (the median of all participants). Fleets sit
    /// above the median, so the median is the ordinary participants' median with two values above it added.
    /// Excess: both fleets at the design multiple, or one of them one step slower (10 and 5, 5 and 3).
    /// Fair: honest range parties between 0.8 and 1.9 times the typical capacity.
    /// </summary>
    private void SetCapacities(int rangeParties, Rng rng)
    {
        List<Participant> range = [.. Participants.Where(p => p.Kind == "range")];
        var ordinary = Participants.Where(p => p.Kind == "ordinary").Select(p => Round6(p.Capacity)).ToList();
        foreach (Participant p in Participants.Where(p => p.Kind == "ordinary"))
        {
            p.Capacity = Round6(p.Capacity);
        }
        if (DesignMultiple is int m)
        {
            double typical = Median([.. ordinary, double.MaxValue, double.MaxValue]);
            int slower = m == 10 ? 5 : m == 5 ? 3 : 3;
            int slow = rng.Chance(0.4) ? rng.Below(2) : -1;
            for (int k = 0; k < range.Count; k++)
            {
                range[k].Capacity = (k == slow ? slower : m) * typical;
            }
        }
        else if (rangeParties > 0)
        {
            double typical = Median(ordinary);
            foreach (Participant p in range)
            {
                p.Capacity = Round6(rng.Uniform(0.8, 1.9) * typical);
            }
        }
        Typical = Median([.. Participants.Select(p => p.Capacity)]);
        foreach (Participant p in Participants)
        {
            // nobody but a fleet reaches 2x: clamp the honest (values above the median, so the median stays)
            if (p.Capacity >= 1.95 * Typical && !(p.Kind == "range" && DesignMultiple is not null))
            {
                p.Capacity = Math.Floor(1.95 * Typical * 1e6) / 1e6;
            }
        }
        Typical = Median([.. Participants.Select(p => p.Capacity)]);
    }

    public static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    private static double Round6(double x) => Math.Round(x, 6);

    /// <summary>The blind race: every request's arrival time; the earliest request for a name registers it.</summary>
    private void Run(Rng rng)
    {
        var best = new double[Space.Count];
        Array.Fill(best, double.PositiveInfinity);
        Winner = new int[Space.Count];
        Array.Fill(Winner, -1);
        for (int who = 0; who < Participants.Count; who++)
        {
            Participant p = Participants[who];
            double t = p.Start;
            for (int k = 0; k < p.List.Length; k++)
            {
                t += Gap(p, k, rng);
                int name = p.List[k];
                if (t < best[name])
                {
                    best[name] = t;
                    Winner[name] = who;
                }
            }
        }
        foreach (int who in Winner.Where(w => w >= 0))
        {
            Participants[who].Won++;
        }
        Registered = Winner.Count(w => w >= 0);
    }

    private static double Gap(Participant p, int k, Rng rng)
    {
        double mean = 1 / p.Capacity;
        const double inBurst = 0.05;
        return p.Pacing switch
        {
            Pacing.Poisson => mean * rng.Exponential(),
            Pacing.Jittered => mean * (1 + rng.Uniform(-p.Jitter, p.Jitter)),
            // a burst of requests close together, then a pause: still one request per 1/c on average
            _ => k % p.Burst == 0 ? mean * (p.Burst - ((p.Burst - 1) * inBurst)) * rng.Exponential() : mean * inBurst,
        };
    }
}

/// <summary>WHOIS-style identities: handles, names and admin handles unique per participant; registrars and name servers.</summary>
internal static class Identities
{
    public static void Assign(List<Participant> participants, Rng rng)
    {
        // thirty synthetic registrars, most participants at one of a few big ones (Zipf-like)
        string[] codes = [.. Enumerable.Range(0, 30).Select(_ => rng.Letters(5).ToUpperInvariant())];
        double[] weight = [.. Enumerable.Range(1, 30).Select(r => 1 / Math.Pow(r, 1.1))];
        var usedNumbers = new HashSet<int>();
        var names = Enumerable.Range(1, 999).ToList();
        rng.Shuffle(names);
        var fleetRegistrars = new HashSet<int>();
        var hostNames = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < participants.Count; k++)
        {
            Participant p = participants[k];
            int registrar;
            if (p.Kind == "range")
            {
                // range parties are registrars running scripts: each its own
                do
                {
                    registrar = rng.Below(30);
                }
                while (!fleetRegistrars.Add(registrar));
            }
            else
            {
                registrar = WeightedPick(weight, rng);
            }
            p.Registrar = string.Create(CultureInfo.InvariantCulture, $"Registrar {registrar + 1:D2} (synthetic)");
            p.Handle = NewHandle(codes[registrar], usedNumbers, rng);
            p.Admin = NewHandle(codes[registrar], usedNumbers, rng);
            p.Name = string.Create(CultureInfo.InvariantCulture, $"Registrant {names[k]:D3} (synthetic)");
            string own;
            do
            {
                own = rng.Letters(7);
            }
            while (!hostNames.Add(own));
            p.NameServers = $"ns1.{own}.example;ns2.{own}.example";
        }

        // shared hosting: some ordinary winners use one of a few shared sets, each set used by ten or more of them
        var winners = participants.Where(p => p.Kind == "ordinary" && p.Won > 0).ToList();
        int sharing = (int)(winners.Count * rng.Uniform(0.3, 0.6));
        int sets = Math.Min(4, sharing / 10);
        if (sets > 0)
        {
            rng.Shuffle(winners);
            string[] hosts = [.. Enumerable.Range(0, sets).Select(_ => "hosting-" + rng.Letters(5))];
            for (int k = 0; k < sets * (sharing / sets); k++)
            {
                string host = hosts[k % sets];
                winners[k].NameServers = $"ns1.{host}.example;ns2.{host}.example";
            }
        }
    }

    private static int WeightedPick(double[] weight, Rng rng)
    {
        double u = rng.Open() * weight.Sum();
        for (int k = 0; k < weight.Length; k++)
        {
            u -= weight[k];
            if (u < 0)
            {
                return k;
            }
        }
        return weight.Length - 1;
    }

    private static string NewHandle(string registrarCode, HashSet<int> used, Rng rng)
    {
        int number;
        do
        {
            number = rng.Below(1_000_000);
        }
        while (!used.Add(number));
        string prefix = rng.Letters(3).ToUpperInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{number:D6}-{registrarCode}");
    }
}
