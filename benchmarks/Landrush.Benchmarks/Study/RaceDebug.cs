using System.Globalization;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Analysis.Verdict.Demand;
using Landrush.Analysis.Verdict.Race;
using Landrush.Core.Dataset;

namespace Landrush.Benchmarks.Study;

/// <summary>
/// `validate-verdict debug FILE.csv`: how the verdict reads each tested party of one landrush — its spans, the send
/// order and setting chosen, the profile likelihood at a few multiples, and per band of send positions the names,
/// the losses seen and the losses expected at those multiples. For looking into a wrong answer. Where a generator's
/// lists and truth lie beside the file, it also sets the demand model beside them (<c>demand check</c>): how many of
/// the race's names others truly requested, and by when, against what the fitted demand expects at each β and list length; and the
/// true number and length of the non-range lists against the estimated ones. That is the only truth it prints.
/// </summary>
internal static class RaceDebug
{
    private static readonly int[] Bands = [0, 10, 30, 100, 300, 1000, 3000, 10000, 30000, int.MaxValue];
    private static readonly double[] Probe = [0.5, 1, 2, 5, 20, 100, 1000];

    public static void Run(string path)
    {
        var inv = CultureInfo.InvariantCulture;
        RegistryDataset dataset;
        using (var stream = File.OpenRead(path))
        {
            dataset = RegistryCsv.Read(stream, path);
        }

        var observed = AllocationBuilder.Build(dataset.Header, dataset.Records, new PartyResolutionOptions()).Allocation;
        var options = new VerdictOptions { Seed = 1 };
        var participants = observed.PartiesHolding();
        var world = VerdictWorld.Read(observed, options, participants);
        Console.WriteLine(string.Create(inv, $"list factor {world.Demand.ListFactor:0.00}, {world.Demand.Lists} lists, {world.Spans.Count} spans"));
        {
            var sums = new SortedDictionary<int, (double Sum, double Max, int N)>();
            for (var i = 0; i < world.LabelLength.Length; i++)
            {
                var l = world.LabelLength[i];
                var r = world.Demand.WantRate[i];
                var cur = sums.GetValueOrDefault(l);
                sums[l] = (cur.Sum + r, Math.Max(cur.Max, r), cur.N + 1);
            }

            Console.WriteLine("  Σλ by length: " + string.Join(" ", sums.Select(kv => string.Create(inv, $"{kv.Key}:{kv.Value.Sum:0.0}(max {kv.Value.Max:0.00})"))));
        }

        foreach (var s in world.Spans.OrderBy(s => s.Party))
        {
            Console.WriteLine(string.Create(inv, $"  span {observed.PartyLabels[s.Party]} {s.Describe()} ({s.AxisName}) held {s.Held}/{s.Length}"));
        }

        foreach (var party in world.Tested(options.TestedParties))
        {
            var (race, fit, demand) = world.ReadRace(party, patternFeatures: true);
            var best = fit.BestSetting;
            Console.WriteLine(string.Create(inv,
                $"{observed.PartyLabels[party]}: {race.Names} names read of {race.Positions} sent, lost {race.Lost}, expected wanted {race.ExpectedWanted:0.0}; estimate {fit.Estimate()}; order '{fit.ChosenOrder}', β {race.Timing(best.Timing).Beta}, lists ×{race.Timing(best.Timing).ListScale}, offset {race.Offsets[best.Offset]:0} of {string.Join("/", race.Offsets.Select(o => o.ToString("0", inv)))}"));
            var bandSigma = race.BandSigma.ToArray();
            Console.WriteLine(string.Create(inv, $"   band σ (size:σ): {string.Join(' ', race.CellsOf(0).BandSize.Select((n, b) => $"{n}:{bandSigma[b]:0.00}").Distinct())}"));
            Console.WriteLine(string.Create(inv, $"   screen (trend allowed, penalty off): {string.Join(' ', race.ScreenValues.Select(v => v.ToString("0.00", inv)))} of {race.OrdersCompared} orders"));
            for (var order = 0; order < race.OrderCount; order++)
            {
                var oc = race.CellsOf(order);
                var per = SpanRace.Multiples.Select((m, g) => Enumerable.Range(0, race.TimingCount).SelectMany(b => race.Offsets.Select(o =>
                    race.LogLikelihood(order, b, o, m, new double[race.Levels]))).Max()).ToArray();
                var bestG = Array.IndexOf(per, per.Max());
                Console.WriteLine(string.Create(inv,
                    $"   order {order} '{race.OrderDescriptions[order]}': max ℓ {per.Max():0.00} at {SpanRace.Multiples[bestG]:0.##}; ℓ at ≤2: {per.Where((_, g) => SpanRace.Multiples[g] <= 2).Max():0.00}"));
            }

            var test = RaceTest.Run(race, fit, 2, 500, [3, 5, 10], 100, 0.05, 1, 0x7_0000_0000UL, CancellationToken.None);
            Console.WriteLine(string.Create(inv, $"   test: statistic {test.Statistic:0.00}, p {test.PValue:0.0000}, check {test.FitCheck:0.000}, power {string.Join('/', test.Power.Select(x => x.ToString("0.00", inv)))}"));
            var table = new StatisticTable(race, fit, 2);
            var observedStatistic = table.Statistic(null, out var nullSetting, out var nullScales, out _, out _);
            var nulls = RaceTest.Simulate(table, nullSetting, nullScales, 300, 1, 0x7_0000_0000UL, CancellationToken.None).Order().ToArray();
            Console.WriteLine(string.Create(inv, $"   null statistics at {SpanRace.Multiples[nullSetting.Multiple]:0.##}×: median {nulls[150]:0.00}, 90% {nulls[270]:0.00}, 99% {nulls[297]:0.00}, max {nulls[^1]:0.00}; observed {observedStatistic:0.00}"));
            {
                var settings = new[] { fit.BestSetting, fit.BestAtMost(2) };
                var perLevel = new double[2][];
                var scaleAt = new double[2][];
                for (var si = 0; si < 2; si++)
                {
                    var st = settings[si];
                    var oc = race.CellsOf(st.Order);
                    var xs = new double[oc.Count];
                    race.Expected(oc, race.Timing(st.Timing), race.Offsets[st.Offset], SpanRace.Multiples[st.Multiple], xs);
                    perLevel[si] = new double[race.Levels];
                    scaleAt[si] = new double[race.Levels];
                    for (var l = 0; l < race.Levels; l++)
                    {
                        double u = 0;
                        perLevel[si][l] = LevelProfile.Maximize(oc, xs, race.Weights(st.Order), oc.LevelCells[l], race.Sigma[l], ref u);
                        scaleAt[si][l] = u;
                    }
                }

                var c0 = race.CellsOf(settings[0].Order);
                Console.WriteLine(string.Create(inv, $"   per level, fast {SpanRace.Multiples[settings[0].Multiple]:0.##}× (β {race.Timing(settings[0].Timing).Beta} ×{race.Timing(settings[0].Timing).ListScale}, o {race.Offsets[settings[0].Offset]:0}) vs slow {SpanRace.Multiples[settings[1].Multiple]:0.##}× (β {race.Timing(settings[1].Timing).Beta} ×{race.Timing(settings[1].Timing).ListScale}, o {race.Offsets[settings[1].Offset]:0}): total Δℓ {perLevel[0].Sum() - perLevel[1].Sum():0.00}"));
                foreach (var l in Enumerable.Range(0, race.Levels).OrderByDescending(l => Math.Abs(perLevel[0][l] - perLevel[1][l])).Take(8))
                {
                    var members = c0.LevelCells[l];
                    Console.WriteLine(string.Create(inv,
                        $"     level {l}: names {members.Sum(c => c0.All[c])}, lost {members.Sum(c => c0.Lost[c])}, σ {race.Sigma[l]:0.00}, Δℓ {perLevel[0][l] - perLevel[1][l]:0.00}, u fast {scaleAt[0][l]:0.00} slow {scaleAt[1][l]:0.00}, mean pos {members.Sum(c => c0.MeanPosition[c] * c0.All[c]) / Math.Max(1, members.Sum(c => c0.All[c])):0}, lost pos {members.Where(c => c0.Lost[c] > 0).Sum(c => c0.MeanPosition[c] * c0.Lost[c]) / Math.Max(1, members.Sum(c => c0.Lost[c])):0}"));
                }
            }

            var cells = race.CellsOf(best.Order);
            Console.Write("   band      names lost");
            foreach (var m in Probe)
            {
                Console.Write(string.Create(inv, $"  E@{m,-5}"));
            }

            Console.WriteLine();
            var expected = new double[Probe.Length][];
            var levels = new double[Probe.Length][];
            var profile = new double[Probe.Length];
            for (var i = 0; i < Probe.Length; i++)
            {
                var g = NearestIndex(Probe[i]);
                var at = fit.At[g];
                levels[i] = new double[race.Levels];
                profile[i] = race.LogLikelihood(at.Order, at.Timing, race.Offsets[at.Offset], SpanRace.Multiples[g], levels[i]);
                var x = new double[cells.Count];
                race.Expected(cells, race.Timing(at.Timing), race.Offsets[at.Offset], SpanRace.Multiples[g], x);
                expected[i] = [.. x.Select((v, c) => cells.All[c] * -double.ExpM1(-Math.Exp(levels[i][cells.Level[c]]) * v))];
            }

            for (var b = 0; b + 1 < Bands.Length; b++)
            {
                var inBand = Enumerable.Range(0, cells.Count).Where(c => cells.MeanPosition[c] >= Bands[b] && cells.MeanPosition[c] < Bands[b + 1]).ToArray();
                if (inBand.Length == 0)
                {
                    continue;
                }

                Console.Write(string.Create(inv, $"   {Bands[b],5}+ {inBand.Sum(c => cells.All[c]),7} {inBand.Sum(c => cells.Lost[c]),5}"));
                for (var i = 0; i < Probe.Length; i++)
                {
                    Console.Write(string.Create(inv, $"  {inBand.Sum(c => expected[i][c]),7:0.0}"));
                }

                Console.WriteLine();
            }

            Row("   ℓ            ", profile.Select(l => string.Create(inv, $"  {l,7:0.0}")));
            Row("   level scales ", levels.Select(l => "  " + string.Join('/', l.Select(u => Math.Exp(u).ToString("0.00", inv)))));
            DemandCheck(path, world, demand, race, observed.PartyLabels[party]);
        }
    }

    private static readonly double[] Taus = [1, 3, 10, 30, 100, 300, 1000, 3000];

    // With the generator's lists beside the file: the race's span names others truly requested by τ (competitors at pace 1,
    // request J+1 at τ = J+1) beside what the demand model expects (Σ 1 − e^(−λ·G(τ)) per β and list length). Truth printed: debug only.
    private static void DemandCheck(string path, VerdictWorld world, OthersDemand d, SpanRace race, string label)
    {
        var stem = path.EndsWith(".csv", StringComparison.Ordinal) ? path[..^".csv".Length] : path;
        if (!File.Exists(stem + ".lists.csv") || !File.Exists(stem + ".truth.json"))
        {
            return;
        }

        var inv = CultureInfo.InvariantCulture;
        using var truth = System.Text.Json.JsonDocument.Parse(File.ReadAllText(stem + ".truth.json"));
        // The party's own list is left out; a label the truth does not know (resolved into another party) has no check.
        if (truth.RootElement.GetProperty("parties").EnumerateArray().FirstOrDefault(p => p.GetProperty("registrant_handle").GetString() == label) is not
            { ValueKind: System.Text.Json.JsonValueKind.Object } ownEntry)
        {
            Console.WriteLine($"   demand check: {label} is not a party of the truth");
            return;
        }

        var own = ownEntry.GetProperty("party").GetString();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var rangeParties = truth.RootElement.GetProperty("parties").EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "range")
            .Select(p => p.GetProperty("party").GetString()).ToHashSet();
        var requests = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(stem + ".lists.csv").Skip(1))
        {
            var f = line.Split(',');
            if (!rangeParties.Contains(f[0]))
            {
                requests[f[0]] = requests.GetValueOrDefault(f[0]) + 1;
            }

            if (f[0] == own)
            {
                continue;
            }

            var j = int.Parse(f[1], inv);
            first[f[2]] = first.TryGetValue(f[2], out var was) ? Math.Min(was, j) : j;
        }

        var names = race.Spans.SelectMany(s => s.Names(world.Axes, false)).ToArray();
        var space = world.Observed.Space;
        var js = names.Select(n => first.TryGetValue(space.NameAt(n), out var j) ? j : -1).ToArray();
        Console.WriteLine(string.Create(inv, $"   demand check: wanted by others truly {js.Count(j => j >= 0)}, model {names.Sum(n => -double.ExpM1(-d.WantRate[n])):0.0}; non-range lists truly {requests.Count}, {requests.Values.Sum()} requests (longest {requests.Values.DefaultIfEmpty().Max()}), model {d.Lists}, {d.ListLengths.Sum():0} (longest {d.ListLengths.DefaultIfEmpty().Max():0})"));
        Row("     τ        ", Taus.Select(t => string.Create(inv, $" {t,7}")));
        Row("     truth    ", Taus.Select(t => string.Create(inv, $" {js.Count(j => j >= 0 && j + 1 <= t),7}")));
        foreach (var timing in d.Timings)
        {
            Row(string.Create(inv, $"     β {timing.Beta,-3} ×{timing.ListScale,-2}"),
                Taus.Select(t => string.Create(inv, $" {names.Sum(n => -double.ExpM1(-d.ClassRates[d.RateClass[n]] * timing.G(d.RateClass[n], t))),7:0.0}")));
        }
    }

    // One line of a table: its label, then its cells.
    private static void Row(string label, IEnumerable<string> cells) => Console.WriteLine(label + string.Concat(cells));

    private static int NearestIndex(double multiple)
    {
        var g = 0;
        for (var i = 1; i < SpanRace.Multiples.Count; i++)
        {
            g = Math.Abs(Math.Log(SpanRace.Multiples[i] / multiple)) < Math.Abs(Math.Log(SpanRace.Multiples[g] / multiple)) ? i : g;
        }

        return g;
    }
}
