using System.Diagnostics;
using System.Globalization;
using Crowds;

// Crowds: a generator of blind first-come-first-served landrushes with big, varied crowds (see README.md).
// Usage: Crowds --out DIR --seed S [--scale N]

string? outDir = null;
ulong seed = 0;
int scale = 1;
bool seedGiven = false;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--out":
            outDir = args[i + 1];
            break;
        case "--seed":
            seed = ulong.Parse(args[i + 1], CultureInfo.InvariantCulture);
            seedGiven = true;
            break;
        case "--scale":
            scale = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 2;
    }
}

if (outDir is null || !seedGiven || scale < 1 || args.Length % 2 != 0)
{
    Console.Error.WriteLine("usage: Crowds --out DIR --seed S [--scale N]");
    return 2;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Crowds seed={seed} scale={scale} out={outDir}"));
Directory.CreateDirectory(outDir);

// The suite: (id prefix, class, design multiple, files at scale 1).
(string Prefix, string Class, int Multiple, int Count)[] plan =
[
    ("fair", "fair", 0, 20), ("crowd", "crowd", 0, 10), ("x3", "excess", 3, 15), ("x5", "excess", 5, 15), ("x10", "excess", 10, 10),
];

var total = Stopwatch.StartNew();
var rows = new List<(string Prefix, int Participants, int Registered, double Top2, double Nothing, string TopKind)>();
var problems = new List<string>();
for (int g = 0; g < plan.Length; g++)
{
    (string prefix, string cls, int multiple, int count) = plan[g];
    for (int k = 1; k <= count * scale; k++)
    {
        var watch = Stopwatch.StartNew();
        string id = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{k:D3}");
        ulong fileSeed = Rng.Derive(seed, (ulong)g, (ulong)k).NextULong(); // each file's draws depend on the seed and its id only
        Landrush landrush = Scenario.Build(id, cls, multiple, k, fileSeed);
        Output.Write(outDir, seed, landrush);
        problems.AddRange(SelfCheck.Check(outDir, id, seed));

        int registered = landrush.Holder.Count(h => h >= 0);
        Participant[] byWins = [.. landrush.Participants.OrderByDescending(p => p.Won)];
        double top2 = (double)byWins.Take(2).Sum(p => p.Won) / Math.Max(1, registered);
        double nothing = (double)landrush.Participants.Count(p => p.Won == 0) / landrush.Participants.Count;
        string topKind = byWins[0].Kind + (byWins[0].Multiple >= 2 ? " (fast)" : "");
        rows.Add((prefix, landrush.Participants.Count, registered, top2, nothing, topKind));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{id,-9} participants {landrush.Participants.Count,4}  registered {registered,6}  top-2 share {top2,6:P1}  won nothing {nothing,6:P1}  top: {topKind,-18} {watch.Elapsed.TotalSeconds,5:0.00} s"));
    }
}

Console.WriteLine();
Console.WriteLine("class  files  median participants  median registered  median top-2 share  median won nothing  top holder is ordinary");
foreach (IGrouping<string, (string Prefix, int Participants, int Registered, double Top2, double Nothing, string TopKind)> c in rows.GroupBy(r => r.Prefix))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{c.Key,-6} {c.Count(),5}  {Median(c.Select(r => (double)r.Participants)),19:0}  {Median(c.Select(r => (double)r.Registered)),17:0}  {Median(c.Select(r => r.Top2)),18:P1}  {Median(c.Select(r => r.Nothing)),18:P1}  {c.Count(r => r.TopKind.StartsWith("ordinary", StringComparison.Ordinal)),22}"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} landrushes in {total.Elapsed.TotalSeconds:0.0} s; self-check: {(problems.Count == 0 ? "ok" : "FAILED")}"));
foreach (string p in problems)
{
    Console.Error.WriteLine(p);
}

return problems.Count == 0 ? 0 : 1;

static double Median(IEnumerable<double> values)
{
    double[] v = [.. values.Order()];
    return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
}
