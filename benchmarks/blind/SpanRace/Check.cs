using System.Globalization;
using System.Text.Json;

namespace SpanRace;

/// <summary>
/// Self-check of a written suite (--check DIR): each dataset has one row per name of the space in the space's
/// order; the truth's won counts equal the rows per handle; typical capacity, multiples and class labels agree;
/// every listed name is registered to one of its requesters and every won name is on its holder's list;
/// identities are unique and shared name-server sets have ten or more users. Prints a summary per class.
/// </summary>
internal static class Check
{
    public static int Run(string dir)
    {
        var failures = new List<string>();
        var summary = new SortedDictionary<string, List<(int Registered, double Top2, int Parties)>>(StringComparer.Ordinal);
        string[] truths = Directory.GetFiles(dir, "*.truth.json").Order(StringComparer.Ordinal).ToArray();
        foreach (string truthPath in truths)
        {
            string id = Path.GetFileName(truthPath)[..^".truth.json".Length];
            void Fail(string what) => failures.Add($"{id}: {what}");
            using var doc = JsonDocument.Parse(File.ReadAllBytes(truthPath));
            JsonElement t = doc.RootElement;
            var parties = t.GetProperty("parties").EnumerateArray().ToList();
            var byHandle = parties.ToDictionary(p => p.GetProperty("registrant_handle").GetString()!, p => p);

            // Dataset: declaration, header, one row per name in order, rows per handle.
            string[] lines = File.ReadAllLines(Path.Combine(dir, id + ".csv"));
            if (!lines[0].StartsWith($"#landrush-dataset v1 space={Space.Spec} tld={Space.Tld} provenance=synthetic-blind:", StringComparison.Ordinal) || lines[1] != Output.Header)
            {
                Fail("declaration or header");
            }
            if (lines.Length != Space.Count + 2)
            {
                Fail($"{lines.Length - 2} rows, want {Space.Count}");
                continue;
            }
            var rowsPerHandle = new Dictionary<string, int>();
            var holderOf = new Dictionary<string, string>();
            var identities = new Dictionary<string, string>();
            var nsUsers = new Dictionary<string, HashSet<string>>();
            for (int i = 0; i < Space.Count; i++)
            {
                string[] f = lines[i + 2].Split(',');
                string label = Space.Labels[i];
                if (f.Length != 13 || f[0] != label + "." + Space.Tld || f[1] != label.Length.ToString(CultureInfo.InvariantCulture))
                {
                    Fail($"row {i} is not {label}");
                    break;
                }
                if (f[2] == "free")
                {
                    if (f.Skip(3).Where((_, i) => i != 7).Any(v => v.Length > 0) || f[10] != "reconstruction")
                    {
                        Fail($"free row {label} has fields");
                    }
                    continue;
                }
                rowsPerHandle[f[4]] = rowsPerHandle.GetValueOrDefault(f[4]) + 1;
                holderOf[label] = f[4];
                string who = string.Join(",", f[3], f[5], f[6], f[7]);
                if (identities.TryGetValue(f[4], out string? seen) && seen != who)
                {
                    Fail($"handle {f[4]} with two identities");
                }
                identities[f[4]] = who;
                nsUsers.TryAdd(f[7], []);
                nsUsers[f[7]].Add(f[4]);
            }
            foreach ((string handle, int rows) in rowsPerHandle)
            {
                if (!byHandle.TryGetValue(handle, out JsonElement p) || p.GetProperty("won").GetInt32() != rows)
                {
                    Fail($"handle {handle}: {rows} rows, truth disagrees");
                }
            }
            if (parties.Any(p => p.GetProperty("won").GetInt32() > 0 != rowsPerHandle.ContainsKey(p.GetProperty("registrant_handle").GetString()!)))
            {
                Fail("a party with wins is missing from the dataset, or one without is in it");
            }
            if (t.GetProperty("registered").GetInt32() != holderOf.Count)
            {
                Fail("registered count");
            }
            foreach (int column in new[] { 1, 2 })
            {
                // registrant name and admin handle are as unique as the registrant handle
                if (identities.Values.Select(v => v.Split(',')[column]).Distinct().Count() != identities.Count)
                {
                    Fail("a registrant name or admin handle is shared");
                }
            }
            if (nsUsers.Any(kv => kv.Value.Count > 1 && kv.Value.Count < 10))
            {
                Fail("a shared name-server set with fewer than ten users");
            }

            CheckCapacities(t, parties, Fail);
            CheckLists(Path.Combine(dir, id + ".lists.csv"), parties, holderOf, Fail);

            string key = t.GetProperty("class").GetString() == "excess" ? "x" + t.GetProperty("design_multiple").GetInt32() : t.GetProperty("class").GetString()!;
            int registered = holderOf.Count;
            double top2 = registered == 0 ? 0 : (double)rowsPerHandle.Values.OrderDescending().Take(2).Sum() / registered;
            summary.TryAdd(key, []);
            summary[key].Add((registered, top2, parties.Count));
        }
        foreach (string failure in failures.Take(50))
        {
            Console.Error.WriteLine(failure);
        }
        foreach ((string key, var rows) in summary)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{key,-6} files {rows.Count,3}  median registered {Median(rows.Select(r => (double)r.Registered)),8:0}  "
                + $"median top-2 share {Median(rows.Select(r => r.Top2)),5:0.000}  median participants {Median(rows.Select(r => (double)r.Parties)),5:0}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checked {truths.Length} landrushes: {failures.Count} failures"));
        return failures.Count == 0 && truths.Length > 0 ? 0 : 1;
    }

    /// <summary>Typical capacity is the median of the senders' capacities, each multiple its quotient, and the
    /// class follows: excess iff some multiple is 2 or more (the largest the design multiple), crowd iff fair
    /// with no range party or collector.</summary>
    private static void CheckCapacities(JsonElement t, List<JsonElement> parties, Action<string> fail)
    {
        double typical = t.GetProperty("typical_capacity").GetDouble();
        var caps = parties.Where(p => p.GetProperty("requests").GetInt32() > 0).Select(p => p.GetProperty("capacity").GetDouble()).Order().ToList();
        double median = caps.Count % 2 == 1 ? caps[caps.Count / 2] : (caps[(caps.Count / 2) - 1] + caps[caps.Count / 2]) / 2;
        if (Math.Abs(median - typical) > 1e-12 * typical)
        {
            fail("typical capacity is not the median");
        }
        if (parties.Any(p => Math.Abs((p.GetProperty("capacity").GetDouble() / typical) - p.GetProperty("multiple").GetDouble()) > 1e-9))
        {
            fail("a multiple is not capacity / typical");
        }
        double max = parties.Max(p => p.GetProperty("multiple").GetDouble());
        bool spans = parties.Any(p => p.GetProperty("kind").GetString() is "range" or "collector");
        string cls = t.GetProperty("class").GetString()!;
        JsonElement design = t.GetProperty("design_multiple");
        string want = max >= 2 ? "excess" : spans ? "fair" : "crowd";
        if (cls != want || (cls == "excess") != (design.ValueKind == JsonValueKind.Number)
            || (cls == "excess" && Math.Abs(design.GetInt32() - max) > 1e-9))
        {
            fail($"class {cls} but largest multiple {max:0.###} and range parties: {spans}");
        }
    }

    private static void CheckLists(string path, List<JsonElement> parties, Dictionary<string, string> holderOf, Action<string> fail)
    {
        var handleOf = parties.ToDictionary(p => p.GetProperty("party").GetString()!, p => p.GetProperty("registrant_handle").GetString()!);
        var count = new Dictionary<string, int>();
        var requesters = new Dictionary<string, HashSet<string>>();
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] f = line.Split(',');
            int position = count.GetValueOrDefault(f[0]);
            if (f[1] != position.ToString(CultureInfo.InvariantCulture))
            {
                fail($"list of {f[0]} out of order at {position}");
                return;
            }
            count[f[0]] = position + 1;
            requesters.TryAdd(f[2], []);
            requesters[f[2]].Add(handleOf[f[0]]);
        }
        foreach (JsonElement p in parties)
        {
            if (count.GetValueOrDefault(p.GetProperty("party").GetString()!) != p.GetProperty("requests").GetInt32())
            {
                fail($"{p.GetProperty("party").GetString()}: list length is not its requests");
            }
        }
        // Blind requests: every wanted name is registered, and only to someone who asked for it.
        if (requesters.Count != holderOf.Count || holderOf.Any(kv => !requesters.TryGetValue(kv.Key, out var who) || !who.Contains(kv.Value)))
        {
            fail("registered names and requested names disagree");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return v.Count % 2 == 1 ? v[v.Count / 2] : (v[(v.Count / 2) - 1] + v[v.Count / 2]) / 2;
    }
}
