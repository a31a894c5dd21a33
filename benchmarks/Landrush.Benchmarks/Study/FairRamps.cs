using System.Globalization;
using Landrush.Analysis;
using Landrush.Analysis.Verdict;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;

namespace Landrush.Benchmarks.Study;

/// <summary>
/// `validate-verdict fair-ramps [SEEDS]`: how often the verdict flags a fair range party, in simple blind races whose
/// four-digit demand is flat or falls along the numbers. Over digits:1-4, party 0 sends the plain numbers 0–4999
/// upwards at a typical pace (1, start 0.1); 60 ordinary participants send 10–60 names each (a tenth one-digit, three
/// tenths two-digit, 15% three-digit, the rest four-digit), shorter labels first with noise, at a pace of 0.7–1.3
/// starting in [0, 1]; a name goes to the first request. Four-digit numbers are drawn uniformly, with a density
/// falling linearly threefold from 0000 to 9999, or log-uniformly on 1000–9999 (numbers in use). The same race as
/// the tests' <c>SendOrderTests</c>. Prints per demand shape how many of the party's p-values fall at or below 0.01,
/// 0.05 and 0.1, the verdicts, and how many 95% intervals hold 1×.
/// </summary>
internal static class FairRamps
{
    private static readonly NameSpace Space = NameSpace.Parse("digits:1-4");

    public static void Run(int seeds)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"fair-ramps: simulated blind races (synthetic), seeds 100–{99 + seeds} per shape, verdict seed 1"));
        Console.WriteLine("| four-digit demand | races | p ≤ 0.01 | p ≤ 0.05 | p ≤ 0.1 | excess_capacity | inconclusive | interval holds 1× |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        string[] shapes = ["flat", "falling linearly 3→1", "log-uniform"];
        for (var shape = 0; shape < shapes.Length; shape++)
        {
            var (p01, p05, p10, flagged, inconclusive, holds) = (0, 0, 0, 0, 0, 0);
            for (long seed = 100; seed < 100 + seeds; seed++)
            {
                var result = VerdictAnalysis.Run(Race(seed, shape), new VerdictOptions { Seed = 1 });
                var party = result.ImpliedCapacities.Single(c => c.Label == "p0");
                var p = party.PValue ?? 1;
                (p01, p05, p10) = (p01 + (p <= 0.01 ? 1 : 0), p05 + (p <= 0.05 ? 1 : 0), p10 + (p <= 0.1 ? 1 : 0));
                flagged += result.Verdict.Status == VerdictStatus.ExcessCapacity ? 1 : 0;
                inconclusive += result.Verdict.Status == VerdictStatus.Inconclusive ? 1 : 0;
                holds += party.Low <= 1 && (party.High is null || party.High >= 1) ? 1 : 0;
            }

            Console.WriteLine(string.Create(inv, $"| {shapes[shape]} | {seeds} | {p01} | {p05} | {p10} | {flagged} | {inconclusive} | {holds} |"));
        }
    }

    private static ObservedAllocation Race(long seed, int shape)
    {
        var inv = CultureInfo.InvariantCulture;
        var rng = new SeededRandom(seed);
        var first = new double[(int)Space.Count];
        var holder = new int[(int)Space.Count];
        Array.Fill(first, double.PositiveInfinity);
        Array.Fill(holder, -1);
        void Send(int party, IEnumerable<string> list, double pace, double start)
        {
            var k = 0;
            foreach (var label in list)
            {
                var t = start + (++k / pace);
                var name = (int)Space.IndexOf(label);
                if (t < first[name])
                {
                    (first[name], holder[name]) = (t, party);
                }
            }
        }

        Send(0, Enumerable.Range(0, 5000).Select(v => v.ToString(inv)), 1, 0.1);
        for (var p = 1; p <= 60; p++)
        {
            var length = 10 + rng.NextInt(51);
            var picks = new HashSet<string>();
            while (picks.Count < length)
            {
                var u = rng.NextDouble();
                var digits = u < 0.1 ? 1 : u < 0.4 ? 2 : u < 0.55 ? 3 : 4;
                var value = digits < 4 || shape == 0 ? rng.NextInt((int)Math.Pow(10, digits))
                    : shape == 1 ? (int)(10_000 * Math.Min(0.9999, (3 - Math.Sqrt(9 - (8 * rng.NextDouble()))) / 2))
                    : (int)Math.Pow(10, 3 + (0.9999 * rng.NextDouble()));
                picks.Add(value.ToString(inv).PadLeft(digits, '0'));
            }

            var list = picks.OrderBy(l => l.Length + (2 * rng.NextDouble())).ToArray();
            Send(p, list, 0.7 + (0.6 * rng.NextDouble()), rng.NextDouble());
        }

        var names = Enumerable.Range(0, holder.Length).Where(n => holder[n] >= 0).ToArray();
        return new ObservedAllocation(Space, "nl", names, [.. names.Select(n => holder[n])], [.. Enumerable.Range(0, 61).Select(p => $"p{p}")]);
    }
}
