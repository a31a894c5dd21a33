using System.Globalization;
using System.Text;
using System.Text.Json;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;

namespace Landrush.Benchmarks.Study;

/// <summary>
/// Writes the project's own three generators (<see cref="SyntheticLandrushes"/>, written beside the analyzer) as
/// suites in the blind generators' format (benchmarks/blind/MECHANICS.md), so that one study scores all of them the
/// same way: `validate-verdict write-own DIR [SCALE]` writes DIR/Patterns, DIR/Zipf and DIR/LongLists.
/// </summary>
internal static class OwnSuites
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(string root, double scale)
    {
        foreach (var kind in new[] { SyntheticDemand.Patterns, SyntheticDemand.Zipf, SyntheticDemand.LongLists })
        {
            var folder = Path.Combine(root, kind.ToString());
            Directory.CreateDirectory(folder);
            var seed0 = kind switch { SyntheticDemand.Patterns => 110_000L, SyntheticDemand.Zipf => 120_000L, _ => 140_000L };
            foreach (var (cls, multiple, count) in new[] { ("fair", 1.0, 20), ("crowd", 1.0, 10), ("x3", 3.0, 15), ("x5", 5.0, 15), ("x10", 10.0, 10) })
            {
                for (var i = 0; i < Math.Max(1, (int)Math.Round(count * scale)); i++)
                {
                    var seed = seed0 + (long)(multiple * 1000) + (cls == "crowd" ? 500 : 0) + i;
                    var landrush = SyntheticLandrushes.Build(kind, multiple, seed, crowd: cls == "crowd");
                    WriteCase(folder, kind.ToString(), $"{cls}-{i:000}", cls, multiple, seed, landrush);
                }
            }

            Console.WriteLine($"wrote {folder}");
        }
    }

    private static void WriteCase(string folder, string generator, string id, string cls, double multiple, long seed, SyntheticLandrush landrush)
    {
        var observed = landrush.Observed;
        var space = observed.Space;
        // Observed party index → model participant: labels are "range A", "range B" or "party P".
        var modelOf = observed.PartyLabels.Select(l => l.StartsWith("range ", StringComparison.Ordinal) ? l[^1] - 'A' : int.Parse(l[6..], Inv)).ToArray();
        var holder = new int[space.Count];
        Array.Fill(holder, -1);
        for (var i = 0; i < observed.Registered; i++)
        {
            holder[observed.NameIndex[i]] = modelOf[observed.PartyOf[i]];
        }

        var records = new List<RegistryRecord>((int)space.Count);
        var index = 0;
        foreach (var label in space.Enumerate())
        {
            var p = holder[index++];
            records.Add(p < 0
                ? new RegistryRecord(DomainName.Parse($"{label}.nl"), DomainStatus.Free, Source: RecordSource.Reconstruction)
                : new RegistryRecord(DomainName.Parse($"{label}.nl"), DomainStatus.Active, $"Registrar {p % 7}", Handle(p), $"Party {p}", $"ADM{p:00000}",
                    [$"ns1.party{p}.example", $"ns2.party{p}.example"], new DateOnly(2008, 2, 28), Source: RecordSource.Reconstruction));
        }

        var header = new RegistryDatasetHeader(space, "nl", $"synthetic-blind:{generator}:seed={seed}");
        using (var writer = new StreamWriter(Path.Combine(folder, id + ".csv"), false, new UTF8Encoding(false)))
        {
            RegistryCsv.Write(writer, header, records);
        }

        var won = new int[landrush.TrueLists.Length];
        foreach (var p in holder)
        {
            if (p >= 0)
            {
                won[p]++;
            }
        }

        var parties = landrush.TrueLists.Select((list, p) => new Dictionary<string, object?>
        {
            ["party"] = $"P{p}",
            ["registrant_handle"] = Handle(p),
            ["kind"] = p < 2 ? (cls == "crowd" ? "none" : "range") : "ordinary",
            ["capacity"] = landrush.AllMultiples[p],
            ["multiple"] = landrush.AllMultiples[p],
            ["start"] = 0.0,
            ["requests"] = list.Length,
            ["won"] = won[p],
        }).Where(p => (int)p["requests"]! > 0).ToArray();
        var truth = new Dictionary<string, object?>
        {
            ["generator"] = generator,
            ["seed"] = seed,
            ["id"] = id,
            ["space"] = space.Spec,
            ["tld"] = "nl",
            ["class"] = cls is "x3" or "x5" or "x10" ? "excess" : cls,
            ["design_multiple"] = cls is "fair" or "crowd" ? null : multiple,
            ["typical_capacity"] = 1.0,
            ["registered"] = observed.Registered,
            ["parties"] = parties,
        };
        File.WriteAllText(Path.Combine(folder, id + ".truth.json"), JsonSerializer.Serialize(truth));
        var lists = new StringBuilder("party,position,label\n");
        for (var p = 0; p < landrush.TrueLists.Length; p++)
        {
            for (var k = 0; k < landrush.TrueLists[p].Length; k++)
            {
                lists.Append(Inv, $"P{p},{k},{space.NameAt(landrush.TrueLists[p][k])}\n");
            }
        }

        File.WriteAllText(Path.Combine(folder, id + ".lists.csv"), lists.ToString());
    }

    private static string Handle(int p) => $"OWN{p:000000}-SYNTH";
}
