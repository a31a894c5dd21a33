using System.Diagnostics;
using System.Globalization;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;
using Landrush.Core.Model.Demand;

// Simulated landrushes per second at the 2008 scale: 108 participants (two range parties with about
// 5,500 wishes each, 106 with weighted lists of heavy-tailed size) over digits:1-5, about 11,000 names
// registered per run. Plain Stopwatch: one warm-up, then as many seeded runs as fit in the time budget.
// Other modes (issue 18): `null-models` times the lean null-model paths; `validate-verdict` runs the verdict's
// validation study. Both live in their own files.
if (args.Length > 0 && args[0] == "null-models")
{
    NullModelBenchmark.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "validate-verdict")
{
    VerdictStudy.Run(args[1..]);
    return;
}

// `dns-sweep` (issue 16): the harvester's DNS sweep against a server on loopback (benchmarks/dns-sweep.sh).
if (args.Length > 0 && args[0] == "dns-sweep")
{
    Environment.Exit(DnsSweepBenchmark.Run(args[1..]));
}

// `harvest-dns` (issue 16): the harvest's whole DNS stage (sweep, store, progress) on loopback (benchmarks/dns-sweep.sh).
if (args.Length > 0 && args[0] == "harvest-dns")
{
    Environment.Exit(HarvestDnsBenchmark.Run(args[1..]));
}

// `store-dns` (issue: the store keeps up with the sweep): a store alone taking a sweep's outcomes.
if (args.Length > 0 && args[0] == "store-dns")
{
    Environment.Exit(StoreDnsBenchmark.Run(args[1..]));
}

const long demandSeed = 2008;
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3.0;
var inv = CultureInfo.InvariantCulture;

var demand = new DemandModel(NameSpace.Parse("digits:1-5"), Landrush.Profiles.Nl2008.Nl2008Reconstruction.Attractiveness);
var participants = new List<Participant>
{
    new(1, 50, [.. demand.Numbers(0, 2100), .. demand.Block("2101", 3600)]),
    new(2, 50, [.. demand.Block("5000", 5000), .. demand.Block("0000", 300)]),
};
var sizes = new WishListSizes(Minimum: 3);
for (var i = 0; i < 106; i++)
{
    participants.Add(new Participant(3 + i, 1.0, demand.WeightedList(Math.Max(1, sizes.Draw(new SeededRandom((demandSeed * 1000) + i))), new SeededRandom((demandSeed * 1000) + 500 + i))));
}

var sim = new LandrushSimulation(demand.NameCount, participants);
Console.WriteLine(string.Create(inv, $"landrush model benchmark (demand seed {demandSeed}): {sim.Participants.Count} participants, {sim.TotalRequests:N0} requests per run"));
foreach (var mechanism in new[] { Mechanism.Fcfs, Mechanism.Lottery, Mechanism.Uniform })
{
    var warm = sim.Run(mechanism, 0);
    var runs = 0;
    long checksum = 0;
    var sw = Stopwatch.StartNew();
    while (sw.Elapsed.TotalSeconds < seconds)
    {
        // Run seeds 1, 2, …: every run is a different landrush; the checksum keeps the work observable.
        checksum += sim.Run(mechanism, ++runs).WinsOf(0);
    }

    sw.Stop();
    Console.WriteLine(string.Create(inv,
        $"{mechanism,-8} {runs / sw.Elapsed.TotalSeconds,8:N0} landrushes/s  ({runs:N0} runs in {sw.Elapsed.TotalSeconds:N2} s, {warm.RegisteredCount:N0} names registered, mean wins of participant 1 {checksum / (double)runs:N1})"));
}

// Calibration of the nl-2008 reconstruction (seed 2008): the whole Build — demand, the searched Fcfs
// runs, the fixes and the WHOIS content — timed once cold (JIT included) and then warm.
for (var pass = 0; pass < 3; pass++)
{
    var sw = Stopwatch.StartNew();
    var reconstruction = Landrush.Profiles.Nl2008.Nl2008Reconstruction.Build(2008);
    sw.Stop();
    Console.WriteLine(string.Create(inv,
        $"nl-2008 calibration ({(pass == 0 ? "cold" : "warm")}): {sw.Elapsed.TotalSeconds:N2} s, {reconstruction.Records.Count(r => r.IsRegistered):N0} registered, demand draw {reconstruction.Calibration.DemandDraw}"));
}

// WHOIS parsing: replies per second for each of the project's own fixtures (every .nl era, free,
// quarantine, throttle), read from the test fixtures so the figures follow the formats we test.
var fixtures = Path.Combine(AppContext.BaseDirectory, "whois-fixtures");
Console.WriteLine($"whois parser benchmark: fixtures in {fixtures}");
foreach (var file in Directory.GetFiles(fixtures, "*.txt").Order(StringComparer.Ordinal))
{
    var text = Landrush.Core.Whois.WhoisText.Decode(File.ReadAllBytes(file), out _);
    var parses = 0;
    var replyClass = Landrush.Core.Whois.WhoisParser.Parse(text).Class;
    var sw = Stopwatch.StartNew();
    while (sw.Elapsed.TotalSeconds < seconds / 6)
    {
        // Checked on every run so the parse cannot be optimised away.
        if (Landrush.Core.Whois.WhoisParser.Parse(text).Class != replyClass)
        {
            throw new InvalidOperationException("the parser is not deterministic");
        }

        parses++;
    }

    sw.Stop();
    Console.WriteLine(string.Create(inv,
        $"  {Path.GetFileName(file),-44} {parses / sw.Elapsed.TotalSeconds,10:N0} replies/s  ({sw.Elapsed.TotalMilliseconds * 1000 / parses:N1} µs each, class {replyClass})"));
}
