using System.Globalization;

namespace Collectors;

/// <summary>
/// What goes into each landrush. Classes: fair (collectors and/or range parties among ordinary participants,
/// all honest), crowd (ordinary participants with small lists only), excess (like fair, but one or two big
/// participants send at exactly 3, 5 or 10 times the typical capacity).
/// </summary>
internal static class Suite
{
    /// <summary>The classes of a suite: file prefix, class word, design multiple, files at scale 1.</summary>
    public static readonly (string Prefix, string Class, int? Design, int Count)[] Plan =
    [
        ("fair", "fair", null, 20),
        ("crowd", "crowd", null, 10),
        ("x3", "excess", 3, 15),
        ("x5", "excess", 5, 15),
        ("x10", "excess", 10, 10),
    ];

    // The demand situations of fair and excess files, taken in turn so every class gets a mix.
    private static readonly string[] Situations = ["collectors", "one range", "two ranges", "mixed", "heavy tail"];

    // Which kind of big participant is the fast one in an excess file: every kind can be (a collector at 10x is
    // as much an excess as a range party). Taken in turn, shifted every five files so that each situation
    // meets each fast kind.
    private static readonly Kind[] FastKinds = [Kind.Range, Kind.Collector, Kind.Ordinary];

    public static Landrush Build(string id, string klass, int? design, int index, ulong seed)
    {
        var rng = new Rng(seed);

        // Most files use the spec's default space; every seventh a smaller or shifted one.
        Space space = (index % 7) switch
        {
            6 => index % 2 == 0 ? Space.Get(1, 4) : Space.Get(2, 5),
            _ => Space.Get(1, 5),
        };
        Demand demand = Demand.For(space);
        var parties = new List<Participant>();
        string situation;
        int ordinaries;
        Func<int> listSize;

        if (klass == "crowd")
        {
            situation = "crowd";
            ordinaries = rng.Between(120, 400);
            int xmin = rng.Between(1, 3);
            double alpha = rng.Uniform(1.4, 1.9);
            listSize = () => rng.ParetoInt(xmin, alpha, 150);
        }
        else
        {
            situation = Situations[index % Situations.Length];
            ordinaries = rng.Between(40, 220);
            bool heavy = situation == "heavy tail";
            int xmin = rng.Between(2, 4);
            double alpha = heavy ? rng.Uniform(0.85, 1.0) : rng.Uniform(1.0, 1.4);
            int cap = heavy ? 5000 : 3000;
            listSize = () => rng.ParetoInt(xmin, alpha, cap);
            (int ranges, int collectors) = situation switch
            {
                "collectors" => (0, rng.Between(2, 5)),
                "one range" => (1, rng.Between(0, 2)),
                "two ranges" => (2, rng.Between(0, 1)),
                "mixed" => (1, rng.Between(2, 3)),
                _ => (rng.Between(0, 1), 1),
            };
            for (int i = 0; i < ranges; i++)
            {
                parties.Add(Ranges.Party(space, demand, rng));
            }

            for (int i = 0; i < collectors; i++)
            {
                parties.Add(demand.Collector(rng, large: false));
            }
        }

        for (int i = 0; i < ordinaries; i++)
        {
            parties.Add(demand.Ordinary(rng, Math.Max(1, listSize())));
        }

        if (design is int multiple)
        {
            Kind kind = FastKinds[(index + (2 * (index / Situations.Length))) % FastKinds.Length];
            string fast = MakeFast(parties, space, demand, rng, kind, index % 3 == 2 ? 2 : 1);
            situation += string.Create(CultureInfo.InvariantCulture, $", {multiple}x {fast}");
        }

        // Party numbers say nothing about kind: the order is shuffled before numbering.
        rng.Shuffle(parties);
        string width = parties.Count >= 1000 ? "D4" : "D3";
        for (int i = 0; i < parties.Count; i++)
        {
            parties[i].Id = "P" + (i + 1).ToString(width, CultureInfo.InvariantCulture);
        }

        var landrush = new Landrush(id, klass, design, situation, space, parties);
        landrush.AssignCapacities(rng);
        landrush.Race(Rng.Derive(seed, 1, 1));
        return landrush;
    }

    /// <summary>Makes one big participant of the given kind fast (adding one if there is none), and a second
    /// big one of any kind when asked for two. Returns which kinds were made fast.</summary>
    private static string MakeFast(List<Participant> parties, Space space, Demand demand, Rng rng, Kind kind, int count)
    {
        var candidates = parties.Where(p => p.Kind == kind && p.IsLarge).ToList();
        Participant first;
        if (candidates.Count > 0)
        {
            first = rng.Pick(candidates);
        }
        else
        {
            first = kind switch
            {
                Kind.Range => Ranges.Party(space, demand, rng),
                Kind.Collector => demand.Collector(rng, large: true),
                _ => demand.Ordinary(rng, (int)rng.LogUniform(300, 3000)),
            };
            parties.Add(first);
        }

        first.Fast = true;
        if (count == 2)
        {
            var others = parties.Where(p => !p.Fast && p.IsLarge).ToList();
            Participant second = others.Count > 0 ? rng.Pick(others) : demand.Ordinary(rng, (int)rng.LogUniform(300, 3000));
            if (others.Count == 0)
            {
                parties.Add(second);
            }

            second.Fast = true;
            return first.KindWord + " and " + second.KindWord;
        }

        return first.KindWord;
    }
}
