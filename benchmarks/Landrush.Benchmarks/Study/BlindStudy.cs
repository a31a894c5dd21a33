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
            $"verdict study: k = {options.ExcessThreshold}, α = {options.Alpha}, test runs {options.TestSims}, seed {options.Seed}; oracle: true lists, 300 runs"));
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

    private static CaseOutcome Analyse(StudyCase c, VerdictOptions options)
    {
        RegistryDataset dataset;
        using (var stream = File.OpenRead(c.DatasetPath))
        {
            dataset = RegistryCsv.Read(stream, c.DatasetPath);
        }

        var resolved = AllocationBuilder.Build(dataset.Header, dataset.Records, new PartyResolutionOptions());
        var sw = Stopwatch.StartNew();
        var result = VerdictAnalysis.Run(resolved.Allocation, options);
        var seconds = sw.Elapsed.TotalSeconds;
        var reading = VerdictReading.Of(result);

        // The oracle tests the truth's two largest holders with the true lists.
        var partyOfHandle = c.Parties.ToDictionary(p => p.Handle, p => p.Party, StringComparer.Ordinal);
        var holderOf = dataset.Records.Where(r => r.IsRegistered && r.RegistrantHandle is not null)
            .ToDictionary(r => r.Name.Label, r => partyOfHandle.GetValueOrDefault(r.RegistrantHandle!, "?"), StringComparer.Ordinal);
        var topTruth = c.Parties.OrderByDescending(p => p.Won).Take(2).Select(p => p.Party).ToArray();
        var (oracleExcess, oracleMultiples) = ListOracle.Run(c.ReadLists(), holderOf, topTruth, options.ExcessThreshold, options.Alpha, 300, options.Seed);
        return new CaseOutcome(reading, oracleExcess, oracleMultiples, seconds);
    }
}
