using System.Diagnostics;
using System.Globalization;
using Collectors;

// Usage: Collectors --out DIR --seed S [--scale N]
string? outDir = null;
ulong? seed = null;
int scale = 1;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--out":
            outDir = args[i + 1];
            break;
        case "--seed":
            seed = ulong.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--scale":
            scale = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine("unknown option " + args[i]);
            return 2;
    }
}

if (outDir is null || seed is null || scale < 1 || args.Length % 2 != 0)
{
    Console.Error.WriteLine("usage: Collectors --out DIR --seed S [--scale N]");
    return 2;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed.Value}"));
Directory.CreateDirectory(outDir);
var total = Stopwatch.StartNew();
var summary = new List<(string Prefix, int Registered, double TopTwo, int Parties, double Seconds)>();
var toCheck = new List<string>();
for (int c = 0; c < Suite.Plan.Length; c++)
{
    (string prefix, string klass, int? design, int count) = Suite.Plan[c];
    for (int i = 0; i < count * scale; i++)
    {
        var watch = Stopwatch.StartNew();
        string id = prefix + "-" + (i + 1).ToString("D3", CultureInfo.InvariantCulture);
        ulong fileSeed = Rng.Derive(seed.Value, (ulong)c + 1, (ulong)i + 1);
        Landrush l = Suite.Build(id, klass, design, i, fileSeed);
        Output.AssignIdentities(l, new Rng(Rng.Derive(fileSeed, 2, 2)));
        Output.WriteDataset(l, outDir, seed.Value);
        Output.WriteTruth(l, outDir, seed.Value);
        Output.WriteLists(l, outDir);
        int[] top = [.. l.Parties.Select(p => p.Won).OrderDescending().Take(2)];
        double topTwo = l.Registered == 0 ? 0 : (double)top.Sum() / l.Registered;
        summary.Add((prefix, l.Registered, topTwo, l.Parties.Count(p => p.Won > 0), watch.Elapsed.TotalSeconds));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{id,-9} {l.Space.Spec,-10} {l.Situation,-36} registered {l.Registered,6}  holders {summary[^1].Parties,4}  top two {topTwo:P1}  {watch.Elapsed.TotalSeconds:0.00}s"));
        if (i < 2)
        {
            toCheck.Add(id);
        }
    }
}

static double Median(IEnumerable<double> values) => Landrush.Median(values);

Console.WriteLine();
Console.WriteLine("class   files  median registered  median holders  median top-two share  slowest file");
foreach ((string prefix, _, _, _) in Suite.Plan)
{
    var rows = summary.Where(s => s.Prefix == prefix).ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{prefix,-7} {rows.Count,5}  {Median(rows.Select(r => (double)r.Registered)),17:0}  {Median(rows.Select(r => (double)r.Parties)),14:0}  {Median(rows.Select(r => r.TopTwo)),20:P1}  {rows.Max(r => r.Seconds),11:0.00}s"));
}

foreach (string id in toCheck)
{
    SelfCheck.Verify(outDir, id);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"self-check passed for {toCheck.Count} files ({string.Join(", ", toCheck)}); {summary.Count} landrushes in {total.Elapsed.TotalSeconds:0.0}s"));
return 0;
