using System.Diagnostics;
using System.Globalization;
using SpanRace;

// SpanRace: a suite of synthetic blind first-come-first-served landrushes with known truth.
//   --out DIR --seed S [--scale N]   write the suite
//   --check DIR                      verify a written suite and summarise it per class
const string Usage = "usage: SpanRace --out DIR --seed S [--scale N] | --check DIR";

string? outDir = null, checkDir = null;
ulong seed = 0;
int scale = 1;
bool seeded = false;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--out": outDir = args[i + 1]; break;
        case "--check": checkDir = args[i + 1]; break;
        case "--seed": seed = ulong.Parse(args[i + 1], CultureInfo.InvariantCulture); seeded = true; break;
        case "--scale": scale = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine(Usage); return 2;
    }
}
if (args.Length % 2 != 0 || scale < 1 || (checkDir is null && (outDir is null || !seeded)))
{
    Console.Error.WriteLine(Usage);
    return 2;
}
if (checkDir is not null)
{
    return Check.Run(checkDir);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SpanRace seed {seed} scale {scale}"));
Directory.CreateDirectory(outDir!);
var clock = Stopwatch.StartNew();
// Per scale unit: 20 fair, 10 crowd, 15 at 3x, 15 at 5x, 10 at 10x.
// The file number k lets a class cycle through its situations, so each appears in every suite.
(string Prefix, int Count, Func<Rng, string, int, Plan> Make)[] classes =
[
    ("fair", 20, Design.Fair),
    ("crowd", 10, (rng, id, _) => Design.Crowd(rng, id)),
    ("x3", 15, (rng, id, k) => Design.Excess(rng, id, 3, k)),
    ("x5", 15, (rng, id, k) => Design.Excess(rng, id, 5, k)),
    ("x10", 10, (rng, id, k) => Design.Excess(rng, id, 10, k)),
];
int written = 0;
double slowest = 0;
string slowestId = "";
foreach ((string prefix, int count, Func<Rng, string, int, Plan> make) in classes)
{
    for (int k = 1; k <= count * scale; k++)
    {
        string id = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{k:D3}");
        var fileClock = Stopwatch.StartNew();
        // Each landrush has its own streams, named by its id: files do not depend on one another.
        Plan plan = make(Rng.For(seed, id), id, k - 1);
        int[] holder = Race.Run(plan.Parties, Rng.For(seed, id + "/race"));
        Identity.Assign(Rng.For(seed, id + "/identity"), plan.Parties);
        Output.Write(outDir!, seed, plan, holder);
        written++;
        if (fileClock.Elapsed.TotalSeconds > slowest)
        {
            (slowest, slowestId) = (fileClock.Elapsed.TotalSeconds, id);
        }
    }
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {written} landrushes to {outDir} in {clock.Elapsed.TotalSeconds:0.0} s (slowest {slowestId}, {slowest:0.00} s)"));
return 0;
