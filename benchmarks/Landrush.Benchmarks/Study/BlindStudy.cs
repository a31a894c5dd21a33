using System.Diagnostics;
using System.Globalization;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Core.Dataset;

namespace Landrush.Benchmarks.Study;

/// <summary>
/// The verdict's validation study over generator suites (benchmarks/blind/MECHANICS.md): every landrush analysed as
/// `landrush analyze --party-key resolved` reads it (dataset → parties → verdict), scored against its truth file, one
/// row per generator. Usage: `validate-verdict study [--details FILE] [--seed S] [--test-sims N] [--alpha A] [--limit N] [--only fair,crowd,…] DIR...`, each DIR a
/// suite (one generator).
/// </summary>
internal static class BlindStudy
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Run(string[] args)
    {
        var folders = new List<string>();
        string? details = null;
        var options = new VerdictOptions { Sims = 200, Seed = 1 };
        var limit = int.MaxValue;
        string[]? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--details": details = args[++i]; break;
                case "--seed": options = options with { Seed = long.Parse(args[++i], Inv) }; break;
                case "--test-sims": options = options with { TestSims = int.Parse(args[++i], Inv) }; break;
                case "--alpha": options = options with { Alpha = double.Parse(args[++i], Inv) }; break;
                case "--limit": limit = int.Parse(args[++i], Inv); break;
                case "--only": only = args[++i].Split(','); break;
                default: folders.Add(args[i]); break;
            }
        }

        Console.WriteLine(string.Create(Inv,
            $"verdict study: k = {options.ExcessThreshold}, α = {options.Alpha}, test runs {options.TestSims}, seed {options.Seed}; oracles: true lists; true demand by class, 300 runs"));
        using var log = details is null ? null : new StreamWriter(details);
        var rows = new List<StudyRow>();
        foreach (var folder in folders)
        {
            var sw = Stopwatch.StartNew();
            var row = new StudyRow(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)));
            foreach (var c in StudyCase.Load(folder).Where(c => only is null || only.Any(o => c.Id.StartsWith(o + "-", StringComparison.Ordinal))).Take(limit))
            {
                var outcome = Analyse(c, options);
                row.Add(c, outcome);
                log?.WriteLine(outcome.Describe(c));
                log?.Flush();
            }

            row.Seconds = sw.Elapsed.TotalSeconds;
            rows.Add(row);
            Console.Error.WriteLine(string.Create(Inv, $"{row.Generator}: {row.Cases} landrushes in {row.Seconds:N0} s"));
        }

        StudyRow.PrintTable(rows);
    }

    /// <summary>
    /// `validate-verdict oracles DIR...`: the two oracles alone (no analyzer), per generator and class: how many files
    /// each flags at k = 2, α = 0.01, and the median error of the multiple each reads for the truth's largest holder.
    /// </summary>
    public static void Oracles(string[] folders)
    {
        Console.WriteLine("oracles (true lists; true demand by class), k = 2, α = 0.01, 300 runs, seed 1");
        Console.WriteLine("| generator | class | files | lists oracle flags | demand oracle flags | lists: median error | demand: median error |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var folder in folders)
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
            foreach (var group in StudyCase.Load(folder).GroupBy(c => c.IsFair ? c.Class : "x" + (c.DesignMultiple ?? 0).ToString("0", Inv)))
            {
                int n = 0, lists = 0, demand = 0;
                var listErrors = new List<double>();
                var demandErrors = new List<double>();
                foreach (var c in group)
                {
                    var dataset = Dataset(c);
                    var (holderOf, top, ranges) = Truth(c, dataset);
                    var read = c.ReadLists();
                    var (le, lm) = ListOracle.Run(read, holderOf, top, 2, 0.01, 300, 1);
                    var (de, dm) = DemandOracle.Run(dataset.Header.Space.Enumerate(), read, ranges, holderOf, top, 2, 0.01, 300, 1);
                    n++;
                    lists += le ? 1 : 0;
                    demand += de ? 1 : 0;
                    var largest = c.Parties.OrderByDescending(p => p.Won).First();
                    Console.Error.WriteLine(string.Create(Inv, $"{name} {c.Id}: lists {(le ? "excess" : "no")} {string.Join(' ', lm.Select(kv => $"{kv.Key}:{kv.Value:0.0}"))} | demand {(de ? "excess" : "no")} {string.Join(' ', dm.Select(kv => $"{kv.Key}:{kv.Value:0.0}"))} | truth {string.Join(' ', top.Select(t => $"{t}:{c.Parties.First(p => p.Party == t).Multiple:0.0}"))}"));
                    if (!c.IsFair)
                    {
                        listErrors.Add(Math.Abs((lm.GetValueOrDefault(largest.Party, double.NaN) / largest.Multiple) - 1));
                        demandErrors.Add(Math.Abs((dm.GetValueOrDefault(largest.Party, double.NaN) / largest.Multiple) - 1));
                    }
                }

                static string Median(List<double> e) => e.Count == 0 ? "—" : e.Order().ElementAt(e.Count / 2).ToString("P0", Inv);
                Console.WriteLine(string.Create(Inv, $"| {name} | {group.Key} | {n} | {lists} | {demand} | {Median(listErrors)} | {Median(demandErrors)} |"));
            }
        }
    }

    private static RegistryDataset Dataset(StudyCase c)
    {
        using var stream = File.OpenRead(c.DatasetPath);
        return RegistryCsv.Read(stream, c.DatasetPath);
    }

    // The truth's holder of each registered label, its two largest holders and its range parties.
    private static (Dictionary<string, string> HolderOf, string[] Top, HashSet<string> Ranges) Truth(StudyCase c, RegistryDataset dataset)
    {
        var partyOfHandle = c.Parties.ToDictionary(p => p.Handle, p => p.Party, StringComparer.Ordinal);
        var holderOf = dataset.Records.Where(r => r.IsRegistered && r.RegistrantHandle is not null)
            .ToDictionary(r => r.Name.Label, r => partyOfHandle.GetValueOrDefault(r.RegistrantHandle!, "?"), StringComparer.Ordinal);
        var top = c.Parties.OrderByDescending(p => p.Won).Take(2).Select(p => p.Party).ToArray();
        // Ranges and collectors send lists one can state (a span, every year): the demand oracle knows them as lists.
        var ranges = c.Parties.Where(p => p.Kind is "range" or "collector").Select(p => p.Party).ToHashSet(StringComparer.Ordinal);
        return (holderOf, top, ranges);
    }

    private static CaseOutcome Analyse(StudyCase c, VerdictOptions options)
    {
        var dataset = Dataset(c);

        var resolved = AllocationBuilder.Build(dataset.Header, dataset.Records, new PartyResolutionOptions());
        var sw = Stopwatch.StartNew();
        var result = VerdictAnalysis.Run(resolved.Allocation, options);
        var seconds = sw.Elapsed.TotalSeconds;
        var reading = VerdictReading.Of(result);

        // The oracles test the truth's two largest holders, with the true lists and with the true demand.
        var (holderOf, topTruth, ranges) = Truth(c, dataset);
        var lists = c.ReadLists();
        var (oracleExcess, oracleMultiples) = ListOracle.Run(lists, holderOf, topTruth, options.ExcessThreshold, options.Alpha, 300, options.Seed);
        var (demandExcess, demandMultiples) = DemandOracle.Run(dataset.Header.Space.Enumerate(), lists, ranges, holderOf, topTruth,
            options.ExcessThreshold, options.Alpha, 300, options.Seed);
        return new CaseOutcome(reading, oracleExcess, oracleMultiples, seconds, demandExcess, demandMultiples);
    }
}
