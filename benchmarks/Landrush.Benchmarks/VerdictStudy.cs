using System.Diagnostics;
using System.Globalization;
using Landrush.Analysis.Verdict;
using Landrush.Benchmarks;
using Landrush.Benchmarks.Study;
using Landrush.Reports.Verdict;

// The verdict's validation study (issue 24). Modes:
// - `validate-verdict write-own DIR [SCALE]`: this project's three generators as suites (DIR/Patterns, DIR/Zipf, DIR/LongLists).
// - `validate-verdict oracles DIR...`: the two oracles alone (true lists; true demand by class), per generator and class.
// - `validate-verdict study [--details FILE] [--seed S] [--test-sims N] [--alpha A] [--limit N] [--only CLASSES] DIR...`: every landrush of each suite
//   analysed as `landrush analyze` does, scored against its truth, one row per generator (Study/BlindStudy.cs).
// - `validate-verdict reconstruction`: the nl-2008 reconstruction (synthetic) read with default options, set against its truth file.
// - `validate-verdict debug FILE.csv`: how the verdict reads each tested party of one landrush (Study/RaceDebug.cs); beside a
//   generator's lists and truth, also the demand model against them.
internal static class VerdictStudy
{
    public static void Run(string[] args)
    {
        try
        {
            Dispatch(args);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or ArgumentException)
        {
            // A missing, empty or unreadable path, a full disk: one line and a non-zero exit, as the CLI does.
            Console.Error.WriteLine($"validate-verdict: {e.Message}");
            Environment.Exit(1);
        }
    }

    private static void Dispatch(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        if (args.Length > 0 && args[0] == "study")
        {
            BlindStudy.Run(args[1..]);
            return;
        }

        if (args.Length > 1 && args[0] == "oracles")
        {
            BlindStudy.Oracles(args[1..]);
            return;
        }

        if (args.Length > 1 && args[0] == "write-own")
        {
            OwnSuites.Write(args[1], args.Length > 2 ? double.Parse(args[2], inv) : 1.0);
            return;
        }

        if (args.Length > 1 && args[0] == "debug")
        {
            RaceDebug.Run(args[1]);
            return;
        }

        if (args.Length > 0 && args[0] == "fair-ramps")
        {
            // Seeds per demand shape: 1 to 10,000 (each race takes about a second and a half).
            var seeds = 40;
            if (args.Length > 1 && !(int.TryParse(args[1], NumberStyles.None, inv, out seeds) && seeds is >= 1 and <= 10_000))
            {
                throw new ArgumentException($"fair-ramps: SEEDS must be a whole number from 1 to 10000, not '{args[1]}'");
            }

            FairRamps.Run(seeds);
            return;
        }

        if (args.Length > 0 && args[0] == "reconstruction")
        {
            Reconstruction();
            return;
        }

        Console.Error.WriteLine("usage: validate-verdict write-own DIR [SCALE] | study [--details FILE] [--seed S] [--test-sims N] [--alpha A] [--limit N] [--only CLASSES] DIR... | oracles DIR... | reconstruction | debug FILE.csv | fair-ramps [SEEDS]");
        Environment.Exit(2);
    }

    private static void Reconstruction()
    {
        var inv = CultureInfo.InvariantCulture;
        var dataDir = ReconstructionAllocation.FindDataDir();
        var observed = ReconstructionAllocation.Load(dataDir);
        var truth = File.ReadLines(Path.Combine(dataDir, "nl-2008-reconstruction.parties.csv")).Skip(2)
            .Select(l => l.Split(',')).ToDictionary(f => int.Parse(f[0], inv) - 1, f => (Role: f[1], Capacity: double.Parse(f[3], inv)));
        var all = truth.Values.Select(t => t.Capacity).Order().ToArray();
        var median = (all[(all.Length - 1) / 2] + all[all.Length / 2]) / 2;
        var sw = Stopwatch.StartNew();
        var options = new VerdictOptions { Seed = 1 };
        var result = VerdictAnalysis.Run(observed, options);
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
        Console.WriteLine("| party | holdings | spans | send order read | lost / race names (others expected to want) | multiple | 95% interval | p (at most k×) | truth (capacity / median) | covered |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var c in result.ImpliedCapacities)
        {
            var t = truth[c.Party].Capacity / median;
            var covered = c.Tested && t >= c.Low * 0.999 && t <= (c.High ?? double.PositiveInfinity) * 1.001;
            Console.WriteLine(string.Create(inv,
                $"| {c.Label} | {c.Holdings:N0} | {string.Join("; ", c.Spans.Select(s => s.Describe()))} | {c.SendOrder ?? "no race"} | {c.RaceLosses}/{c.RaceNames:N0} ({c.ExpectedWanted:0}) | {MultipleWords.Reading(c.Range, "0.0", "", "n/a")} | {(c.Identified ? $"{c.Low:0.0}–{(c.High is { } h ? h.ToString("0.0", inv) : "∞")}" : "—")} | {c.PValue:0.####} | {t:0.0} | {(c.Tested ? covered ? "yes" : "NO" : "—")} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"verdict: {result.Verdict.Status}; explained by demand {result.Verdict.ExplainedByDemand:P0}");
        Console.WriteLine(Landrush.Reports.Verdict.VerdictWords.Plain(result));
    }
}
