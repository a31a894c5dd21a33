using System.Diagnostics;
using System.Globalization;
using Landrush.Analysis.Verdict;
using Landrush.Benchmarks;

// The verdict's validation study (issue 18): synthetic landrushes with known truth under two demand
// generators, fair (every range party at 1×) and unfair (both range parties at 3×, 5×, 10×), each analysed
// by VerdictAnalysis as `landrush analyze` would (k = 2, α = 0.05), then the nl-2008 reconstruction set
// against its truth file. Prints Markdown tables for benchmarks/RESULTS.md.
// Usage: validate-verdict [SCALE] — SCALE multiplies the cases per cell (default 1: 30 fair, 15 at 3×,
// 20 at 5×, 10 at 10× per generator). Other modes: `information [N]`, `ablation [N]`, `debug`,
// `reconstruction`, `order [N]` (each described where it is handled below).
internal static class VerdictStudy
{
    public static void Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        // `validate-verdict information [N]`: how much evidence the landrushes carry, read from the analyzer's own
        // inferred demand: per range party, the names a party at the true multiple keeps that a 2× party would
        // lose (expected losses at 2× minus at the truth), in Poisson standard deviations of the losses at 2×.
        if (args.Length > 0 && args[0] == "information")
        {
            var per = args.Length > 1 ? int.Parse(args[1], inv) : 10;
            foreach (var kind in new[] { SyntheticDemand.Patterns, SyntheticDemand.Zipf, SyntheticDemand.LongLists })
            {
                foreach (var mult in new[] { 3.0, 5.0, 10.0 })
                {
                    var zs = new List<double>();
                    var saved = new List<double>();
                    for (var i = 0; i < per; i++)
                    {
                        var l = SyntheticLandrushes.Build(kind, mult, Seed0(kind) + (long)(mult * 1000) + i);
                        var d = DemandInference.Infer(l.Observed, DemandVariant.Base, 20, 1);
                        for (var r = 0; r < 2; r++)
                        {
                            if (d.RaceOf(l.RangeParties[r]) is not { } race)
                            {
                                continue;
                            }

                            var e2 = race.ExpectedLosses(CapacityFit.NearestGridIndex(2));
                            var et = race.ExpectedLosses(CapacityFit.NearestGridIndex(l.TrueMultiples[r]));
                            saved.Add(e2 - et);
                            zs.Add((e2 - et) / Math.Sqrt(Math.Max(e2, 1)));
                        }
                    }

                    Console.WriteLine(string.Create(inv,
                        $"| {kind} | {mult}× | {saved.Count} | {Median([.. saved.Order()]):0.0} | {Median([.. zs.Order()]):0.0} |"));
                }
            }

            return;
        }

        // `validate-verdict debug`: per range party of a few landrushes, the truth, the fit and the race inputs.
        if (args.Length > 0 && args[0] == "debug")
        {
            foreach (var kind in new[] { SyntheticDemand.Patterns, SyntheticDemand.Zipf, SyntheticDemand.LongLists })
            {
                foreach (var mult in new[] { 1.0, 3.0, 5.0, 10.0 })
                {
                    for (var i = 0; i < 3; i++)
                    {
                        var l = SyntheticLandrushes.Build(kind, mult, 10_000 + (long)(mult * 1000) + i);
                        var d = DemandInference.Infer(l.Observed, DemandVariant.Base, 20, 1);
                        for (var r = 0; r < 2; r++)
                        {
                            var race = d.RaceOf(l.RangeParties[r]);
                            if (race is null)
                            {
                                Console.WriteLine($"{kind} {mult} {i} range {r}: no race");
                                continue;
                            }

                            var fit = CapacityFit.Fit(race);
                            var list = d.WishLists[l.RangeParties[r]];
                            var holderOf = new Dictionary<int, int>();
                            for (var x = 0; x < l.Observed.Registered; x++)
                            {
                                holderOf[l.Observed.NameIndex[x]] = l.Observed.PartyOf[x];
                            }

                            var bins = new[] { 0, 25, 50, 100, 200, 400, 800, 100_000 };
                            Console.WriteLine("   bins " + string.Join("  ", bins.Zip(bins.Skip(1)).Select(b => string.Create(inv,
                                $"[{b.First},{b.Second}) obs {Enumerable.Range(b.First, Math.Max(0, Math.Min(b.Second, list.Length) - b.First)).Count(k => holderOf.GetValueOrDefault(list[k], -1) != l.RangeParties[r])} e1 {race.ExpectedLosses(8, b.First, b.Second):0.0} e5 {race.ExpectedLosses(CapacityFit.NearestGridIndex(5), b.First, b.Second):0.0}"))));
                            Console.WriteLine(string.Create(inv, $"{kind} {mult} {i} range {r}: truth {l.TrueMultiples[r]:0.00} fit {fit} p(2x) {CapacityFit.PValue(race, 2, 200, 1, 0):0.000} positions {race.Positions} observed losses {race.ObservedLosses} Σπ {race.ExpectedWanted:0.0} E[loss|truth] {race.ExpectedLosses(CapacityFit.NearestGridIndex(l.TrueMultiples[r])):0.0} mean J {race.MeanCompetitorPosition:0.0}; blocks {string.Join(" ", d.Ranges.Where(b => b.Party == l.RangeParties[r]).Select(b => $"{b.First}-{b.Last}:{b.Held}"))}"));
                        }
                    }
                }
            }

            return;
        }

        // `validate-verdict ablation [N]`: where the evidence is lost. The analyzer's own race and test (RangeRace,
        // CapacityFit, base reading only, no sensitivity table) fed three demands: its inferred one; the true one
        // short of timing (per position of the true list, how many other lists want the name — kept names
        // included, which no allocation shows — and their positions pooled, level free); and the oracle's
        // (VerdictOracle: per name, where each competing request stood). Study only.
        if (args.Length > 0 && args[0] == "ablation")
        {
            var per = args.Length > 1 ? int.Parse(args[1], inv) : 10;
            Console.WriteLine("| generator | truth | landrushes | analyzer (inferred demand) | true wants, pooled timing | oracle (true wants and timing) | names of the true list others wanted (median) | analyzer's expected wanted (median) |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var kind in new[] { SyntheticDemand.Patterns, SyntheticDemand.Zipf, SyntheticDemand.LongLists })
            {
                foreach (var mult in new[] { 1.0, 3.0, 5.0, 10.0 })
                {
                    int flagFree = 0, flagAnalyzer = 0, flagOracle = 0;
                    var trueWanted = new List<double>();
                    var inferredWanted = new List<double>();
                    for (var i = 0; i < per; i++)
                    {
                        var seed = Seed0(kind) + (long)(mult * 1000) + i;
                        var l = SyntheticLandrushes.Build(kind, mult, seed);
                        var d = DemandInference.Infer(l.Observed, DemandVariant.Base, 20, 1);
                        var holder = new Dictionary<int, int>();
                        for (var x = 0; x < l.Observed.Registered; x++)
                        {
                            holder[l.Observed.NameIndex[x]] = l.Observed.PartyOf[x];
                        }

                        var pFree = new List<double>();
                        var pAnalyzer = new List<double>();
                        for (var r = 0; r < 2; r++)
                        {
                            var list = l.TrueLists[r];
                            var at = new Dictionary<int, List<int>>();
                            for (var q = 0; q < l.TrueLists.Length; q++)
                            {
                                if (q == r)
                                {
                                    continue;
                                }

                                for (var j = 0; j < l.TrueLists[q].Length; j++)
                                {
                                    if (!at.TryGetValue(l.TrueLists[q][j], out var js))
                                    {
                                        at[l.TrueLists[q][j]] = js = [];
                                    }

                                    js.Add(j);
                                }
                            }

                            var rate = list.Select(n => (double)(at.TryGetValue(n, out var js) ? js.Count : 0)).ToArray();
                            var lost = list.Select(n => holder.GetValueOrDefault(n, -1) != l.RangeParties[r]).ToArray();
                            var positions = list.SelectMany(n => at.TryGetValue(n, out var js) ? js.Select(j => (double)j) : []).ToArray();
                            var freeRace = new RangeRace(rate, lost, positions);
                            pFree.Add(CapacityFit.PValue(freeRace, 2, 300, 1, (ulong)r));
                            trueWanted.Add(rate.Count(x => x > 0));
                            if (d.RaceOf(l.RangeParties[r]) is { } race)
                            {
                                inferredWanted.Add(race.ExpectedWanted);
                                pAnalyzer.Add(CapacityFit.PValue(race, 2, 300, 1, (ulong)r));
                            }
                        }

                        flagFree += CapacityFit.ClosedTest(pFree, 0.05).Flagged.Any(f => f) ? 1 : 0;
                        flagAnalyzer += pAnalyzer.Count > 0 && CapacityFit.ClosedTest(pAnalyzer, 0.05).Flagged.Any(f => f) ? 1 : 0;
                        flagOracle += VerdictOracle.Run(l, StudyOptions(), seed).Excess ? 1 : 0;
                    }

                    Console.WriteLine(string.Create(inv,
                        $"| {kind} | {(mult == 1 ? "fair (1×)" : $"both at {mult}×")} | {per} | {flagAnalyzer}/{per} | {flagFree}/{per} | {flagOracle}/{per} | {Median([.. trueWanted.Order()]):0} | {Median([.. inferredWanted.Order()]):0} |"));
                }
            }

            return;
        }

        // `validate-verdict reconstruction`: only the nl-2008 reconstruction part.
        if (args.Length > 0 && args[0] == "reconstruction")
        {
            Reconstruction(StudyOptions());
            return;
        }

        if (args.Length > 0 && args[0] == "order")
        {
            OrderDebug(args.Length > 1 ? int.Parse(args[1], inv) : 4);
            return;
        }

        var scale = args.Length > 0 ? double.Parse(args[0], inv) : 1.0;
        var options = StudyOptions();
        Console.WriteLine(string.Create(inv,
            $"verdict validation study: k = {options.ExcessThreshold}, α = {options.Alpha}, test {options.TestSims} runs, sensitivity {options.SensitivitySims} runs per variant; space {SyntheticLandrushes.SpaceSpec}"));
        Console.WriteLine();
        Console.WriteLine("| generator | truth | landrushes | demand-alone CR2 (min–max) | excess_capacity | of which base only | inconclusive | implied multiple: median ratio to truth | median abs. error | not identified | oracle: excess_capacity | oracle: median ratio | oracle: median abs. error |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var total = Stopwatch.StartNew();
        var notes = new List<string>();
        foreach (var kind in new[] { SyntheticDemand.Patterns, SyntheticDemand.Zipf, SyntheticDemand.LongLists })
        {
            foreach (var (multiple, count) in new[] { (1.0, 30), (3.0, 15), (5.0, 20), (10.0, 10) })
            {
                var cases = Math.Max(1, (int)Math.Round(count * scale));
                VariantNotes.Clear();
                var flagged = 0;
                var baseFlagged = 0;
                var inconclusive = 0;
                var ratios = new List<double>();
                var cr2 = new List<double>();
                var unidentified = 0;
                var oracleFlagged = 0;
                var oracleRatios = new List<double>();
                for (var i = 0; i < cases; i++)
                {
                    var seed = Seed0(kind) + (long)(multiple * 1000) + i;
                    var (excess, baseExcess, status, caseRatios, expected) = Analyse(kind, multiple, seed, options);
                    unidentified += 2 - caseRatios.Count;
                    var (oracleExcess, caseOracleRatios) = VerdictOracle.Run(SyntheticLandrushes.Build(kind, multiple, seed), options, seed);
                    oracleFlagged += oracleExcess ? 1 : 0;
                    oracleRatios.AddRange(caseOracleRatios);
                    flagged += excess ? 1 : 0;
                    baseFlagged += baseExcess ? 1 : 0;
                    inconclusive += status == VerdictStatus.Inconclusive ? 1 : 0;
                    ratios.AddRange(caseRatios);
                    cr2.Add(expected);
                }

                notes.Add($"{kind} {multiple}×: " + string.Join(", ", VariantNotes.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")));
                ratios.Sort();
                var abs = ratios.Select(r => Math.Abs(r - 1)).Order().ToArray();
                oracleRatios.Sort();
                var oracleAbs = oracleRatios.Select(r => Math.Abs(r - 1)).Order().ToArray();
                Console.WriteLine(string.Create(inv,
                    $"| {kind} | {(multiple == 1 ? "fair (1×)" : $"both ranges at {multiple}×")} | {cases} | {cr2.Min():0.00}–{cr2.Max():0.00} | {flagged}/{cases} | {baseFlagged}/{cases} | {inconclusive} | {Median(ratios):0.00} | {Median(abs):P0} | {unidentified}/{2 * cases} | {oracleFlagged}/{cases} | {Median(oracleRatios):0.00} | {Median(oracleAbs):P0} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"synthetic part: {total.Elapsed.TotalSeconds:N0} s"));
        Console.WriteLine();
        Console.WriteLine("Sensitivity variants per cell (set aside: contradicted by the data; flips: differs from the base verdict):");
        Console.WriteLine();
        foreach (var note in notes)
        {
            Console.WriteLine("- " + note);
        }
        Reconstruction(options);
    }

    /// <summary>Per variant, how often the data set it aside and how often it flipped the base verdict (study-wide counts).</summary>
    public static Dictionary<string, int> VariantNotes { get; } = [];

    /// <summary>The options of the study: production k and α, fewer runs per fit and test.</summary>
    public static VerdictOptions StudyOptions() => new()
    {
        Sims = 200,
        FitSims = 100,
        TestSims = 500,
        SensitivitySims = 200,
        Seed = 1,
    };

    /// <summary>One landrush: the verdict, the base-demand verdict, the status, est/truth of each range party found among the tested, and the demand-alone CR2.</summary>
    public static (bool Excess, bool BaseExcess, VerdictStatus Status, List<double> Ratios, double ExpectedCr2) Analyse(
        SyntheticDemand kind, double multiple, long seed, VerdictOptions options)
    {
        var landrush = SyntheticLandrushes.Build(kind, multiple, seed);
        var result = VerdictAnalysis.Run(landrush.Observed, options);
        var ratios = new List<double>();
        for (var r = 0; r < 2; r++)
        {
            var fit = result.ImpliedCapacities.FirstOrDefault(c => c.Party == landrush.RangeParties[r]);
            if (fit?.Multiple is { } m)
            {
                ratios.Add(m / landrush.TrueMultiples[r]);
            }
        }

        foreach (var r in result.Sensitivity.Skip(1))
        {
            var key = r.Contradicted is not null ? r.Variant + " (set aside)" : r.ExcessCapacity != result.Sensitivity[0].ExcessCapacity ? r.Variant + " (flips)" : null;
            if (key is not null)
            {
                VariantNotes[key] = VariantNotes.GetValueOrDefault(key) + 1;
            }
        }

        return (result.Verdict.Status == VerdictStatus.ExcessCapacity, result.Sensitivity[0].ExcessCapacity, result.Verdict.Status, ratios,
            result.Verdict.ExpectedCr2 ?? double.NaN);
    }

    private static void Reconstruction(VerdictOptions studyOptions)
    {
        var inv = CultureInfo.InvariantCulture;
        var dataDir = ReconstructionAllocation.FindDataDir();
        var observed = ReconstructionAllocation.Load(dataDir);
        var truth = File.ReadLines(Path.Combine(dataDir, "nl-2008-reconstruction.parties.csv")).Skip(2)
            .Select(l => l.Split(',')).ToDictionary(f => int.Parse(f[0], inv) - 1, f => (Role: f[1], Capacity: double.Parse(f[3], inv)));
        var ordinary = truth.Values.Where(t => t.Role == "ordinary").Select(t => t.Capacity).Order().ToArray();
        var median = (ordinary[(ordinary.Length - 1) / 2] + ordinary[ordinary.Length / 2]) / 2;
        var sw = Stopwatch.StartNew();
        var options = new VerdictOptions { Seed = 1 };
        var result = VerdictAnalysis.Run(observed, options);
        Console.WriteLine();
        Console.WriteLine(string.Create(inv,
            $"nl-2008 reconstruction (synthetic; parties from its truth file), default options (sims {options.Sims}, test {options.TestSims}, seed {options.Seed}): {sw.Elapsed.TotalSeconds:N1} s"));
        Console.WriteLine();
        Console.WriteLine("| model | CR2 mean | 95% interval | observed | p |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var m in result.NullModels)
        {
            Console.WriteLine(string.Create(inv, $"| {m.Model} | {m.Cr2.Mean:0.000} | {m.Cr2.Low:0.000}–{m.Cr2.High:0.000} | {m.Cr2.Observed:0.000} | {m.Cr2.PValue:0.0000} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| party | holdings | block names lost / listed (others expected to want) | implied multiple | 95% (base demand) | 95% (all variants) | truth (capacity / median ordinary) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var c in result.ImpliedCapacities)
        {
            Console.WriteLine(string.Create(inv,
                $"| {c.Label} | {c.Holdings:N0} | {c.BlockLosses}/{c.BlockNames:N0} ({c.ExpectedContested:0}) | {(c.Multiple is { } m ? m.ToString("0.0", inv) : "not identified")} | {c.FitLow:0.0}–{Show(c.FitHigh)} | {c.Low:0.0}–{Show(c.High)} | {truth[c.Party].Capacity / median:0.0} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| variant | excess_capacity | p | multiples | contested names | equal-capacity E[CR2] | contradicted by the data |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var r in result.Sensitivity)
        {
            Console.WriteLine(string.Create(inv,
                $"| {r.Variant} | {r.ExcessCapacity} | {r.PValue:0.0000} | {string.Join(" / ", r.Multiples.Select(x => x is { } v ? v.ToString("0.0", inv) : "n/a"))} | {r.ContestedNames:N0} | {r.ExpectedCr2:0.000} | {r.Contradicted ?? "no"} |"));
        }

        // Each reading's own 95% interval per party, set against the truth (the study's check; the analyzer never reads it).
        Console.WriteLine();
        Console.WriteLine("| variant | party | send order read | 95% interval | truth | covered |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var baseOrder = DemandInference.Infer(observed, DemandVariant.Base, options.MinRangeLength, options.Seed).OrderChecks;
        foreach (var variant in DemandVariant.All)
        {
            var demand = DemandInference.Infer(observed, variant, options.MinRangeLength, options.Seed, baseOrder);
            foreach (var c in result.ImpliedCapacities)
            {
                var race = demand.RaceOf(c.Party);
                var fit = race is null ? null : CapacityFit.Fit(race);
                var (low, high) = fit is { } f ? (f.Low, f.High) : (CapacityFit.MinMultiple, (double?)null);
                var t = truth[c.Party].Capacity / median;
                Console.WriteLine(string.Create(inv,
                    $"| {variant.Name} | {c.Label} | {(race is null ? "no block" : race.AnyOrder ? "unknown (level only)" : "index")} | {low:0.0}–{Show(high)}{(fit is null ? " (not identified)" : "")} | {t:0.0} | {(t >= low && t <= (high ?? double.PositiveInfinity) ? "yes" : "NO")} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"verdict: {result.Verdict.Status}; explained by demand {result.Verdict.ExplainedByDemand:P0}");
        Console.WriteLine(result.Verdict.Plain);
        _ = studyOptions;
    }

    private static void OrderDebug(int per)
    {
        var inv = CultureInfo.InvariantCulture;
        var any = new DemandVariant("range-any-order", true, true, false, true);
        void Show(string what, Landrush.Analysis.ObservedAllocation observed, int[] parties, double[] truth)
        {
            var d = DemandInference.Infer(observed, DemandVariant.Base, 20, 1);
            var a = DemandInference.Infer(observed, any, 20, 1);
            for (var r = 0; r < parties.Length; r++)
            {
                if (d.RaceOf(parties[r]) is not { } race || a.RaceOf(parties[r]) is not { } raceAny)
                {
                    continue;
                }

                var li = race.LogLikelihood();
                var la = raceAny.LogLikelihood();
                var check = d.OrderCheckOf(parties[r])!;
                var classes = race.LevelSigmas.Select((s, c) => string.Create(inv, $"c{c}:n{race.LevelClasses.Count(x => x == c)} σ{s:0.00}")).ToArray();
                Console.WriteLine(string.Create(inv,
                    $"{what} p{r}: truth {truth[r]:0.0} idx {CapacityFit.Estimate(li)} any {CapacityFit.Estimate(la)} LR {check.LogLikelihoodRatio:0.00} index {check.IndexOrder} lost {race.ObservedLosses}/{race.Positions} wanted {race.ExpectedWanted:0} {string.Join(' ', classes)}"));
            }
        }

        var dataDir = ReconstructionAllocation.FindDataDir();
        var recon = ReconstructionAllocation.Load(dataDir);
        var truthRows = File.ReadLines(Path.Combine(dataDir, "nl-2008-reconstruction.parties.csv")).Skip(2).Select(l => l.Split(',')).ToArray();
        var caps = truthRows.Select(f => double.Parse(f[3], inv)).ToArray();
        var med = caps.Skip(2).Order().ElementAt((caps.Length - 2) / 2);
        Show("recon", recon, [0, 1], [caps[0] / med, caps[1] / med]);
        foreach (var order in new[] { RangeSendOrder.AsBuilt, RangeSendOrder.Reversed, RangeSendOrder.Shuffled })
        {
            foreach (var kind in new[] { SyntheticDemand.Patterns, SyntheticDemand.Zipf, SyntheticDemand.LongLists })
            {
                foreach (var mult in new[] { 1.0, 5.0 })
                {
                    for (var i = 0; i < per; i++)
                    {
                        var l = SyntheticLandrushes.Build(kind, mult, Seed0(kind) + (long)(mult * 1000) + i, order);
                        Show($"{order} {kind} {mult} {i}", l.Observed, l.RangeParties, l.TrueMultiples);
                    }
                }
            }
        }
    }

    private static long Seed0(SyntheticDemand kind) => kind switch
    {
        SyntheticDemand.Patterns => 10_000,
        SyntheticDemand.Zipf => 20_000,
        _ => 40_000,
    };

    private static string Show(double? high) => high is { } h ? h.ToString("0.0", CultureInfo.InvariantCulture) : "∞";

    private static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
