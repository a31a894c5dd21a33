using System.Globalization;
using System.Text.Json;

namespace Crowds;

/// <summary>
/// Reads back what was written, independently of the in-memory objects: the dataset has one row per name of the
/// space in order, the won counts of the truth equal the rows per handle, identities are unique, the class label
/// matches the multiples, and the lists have the truth's request counts.
/// </summary>
internal static class SelfCheck
{
    /// <returns>The problems found (empty when the files are consistent).</returns>
    public static List<string> Check(string dir, string id, ulong seed)
    {
        var problems = new List<string>();
        void Expect(bool ok, string what)
        {
            if (!ok && problems.Count < 10)
            {
                problems.Add($"{id}: {what}");
            }
        }

        // The dataset.
        string[] lines = File.ReadAllLines(Path.Combine(dir, id + ".csv"));
        Expect(lines.Length == Space.Count + 2, $"{lines.Length - 2} rows, want {Space.Count}");
        Expect(lines[0] == Output.Declaration(seed), "declaration line");
        Expect(lines[1] == Output.Header, "header");
        var rowsPerHandle = new Dictionary<string, int>(StringComparer.Ordinal);
        var identity = new Dictionary<string, string>(StringComparer.Ordinal);
        var serverSets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (int i = 0; i < Space.Count && i + 2 < lines.Length; i++)
        {
            string[] f = lines[i + 2].Split(',');
            string label = Space.Label(i);
            Expect(f.Length == 13 && f[0] == label + "." + Space.Tld && f[1] == label.Length.ToString(CultureInfo.InvariantCulture), $"row {i} is not {label}");
            if (f.Length != 13 || f[2] == "free")
            {
                Expect(f.Length == 13 && f.Skip(3).Where((_, i) => i != 7).All(string.IsNullOrEmpty) && f[10] == "reconstruction", $"free row {label} has fields");
                continue;
            }

            Expect(f[2] == "active" && f[4].Length > 0 && f[8] == "2008-02-28" && f[10] == "reconstruction", $"registered row {label}");
            rowsPerHandle[f[4]] = rowsPerHandle.GetValueOrDefault(f[4]) + 1;
            Expect(identity.TryAdd(f[4], f[5] + "|" + f[6]) || identity[f[4]] == f[5] + "|" + f[6], $"handle {f[4]} has two identities");
            serverSets.TryAdd(f[7], new HashSet<string>(StringComparer.Ordinal));
            serverSets[f[7]].Add(f[4]);
        }

        var names = identity.Values.Select(v => v.Split('|')[0]).ToList();
        var admins = identity.Values.Select(v => v.Split('|')[1]).ToList();
        Expect(names.Distinct().Count() == names.Count && admins.Distinct().Count() == admins.Count, "a registrant name or admin handle is shared");
        Expect(serverSets.All(s => s.Value.Count == 1 || s.Value.Count >= 10), "a name-server set shared by 2-9 holders");

        // The truth.
        using JsonDocument truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, id + ".truth.json")));
        JsonElement root = truth.RootElement;
        JsonElement[] parties = [.. root.GetProperty("parties").EnumerateArray()];
        Expect(root.GetProperty("registered").GetInt32() == rowsPerHandle.Values.Sum(), "registered count");
        Expect(parties.Sum(p => p.GetProperty("won").GetInt32()) == rowsPerHandle.Values.Sum(), "won counts do not add up");
        foreach (JsonElement p in parties)
        {
            string handle = p.GetProperty("registrant_handle").GetString() ?? "";
            Expect(p.GetProperty("won").GetInt32() == rowsPerHandle.GetValueOrDefault(handle), $"won of {handle}");
        }

        Expect(parties.Select(p => p.GetProperty("registrant_handle").GetString()).Distinct().Count() == parties.Length, "duplicate handle in the truth");
        double[] capacities = [.. parties.Select(p => p.GetProperty("capacity").GetDouble()).Order()];
        int n = capacities.Length;
        double typical = n % 2 == 1 ? capacities[n / 2] : (capacities[(n / 2) - 1] + capacities[n / 2]) / 2;
        Expect(Math.Abs(typical - root.GetProperty("typical_capacity").GetDouble()) < 1e-5, "typical capacity is not the median");
        Expect(parties.All(p => Math.Abs((p.GetProperty("capacity").GetDouble() / typical) - p.GetProperty("multiple").GetDouble()) < 1e-3), "a multiple is not capacity / typical");

        double maxMultiple = parties.Max(p => p.GetProperty("multiple").GetDouble());
        bool bigLists = parties.Any(p => p.GetProperty("kind").GetString() is "range" or "collector");
        JsonElement design = root.GetProperty("design_multiple");
        Expect(root.GetProperty("class").GetString() switch
        {
            "fair" => maxMultiple < 2 && bigLists && design.ValueKind == JsonValueKind.Null,
            "crowd" => maxMultiple < 2 && !bigLists && design.ValueKind == JsonValueKind.Null,
            "excess" => maxMultiple >= 2 && design.ValueKind == JsonValueKind.Number && Math.Abs(design.GetInt32() - maxMultiple) < 1e-3,
            _ => false,
        }, $"class label does not match the multiples (max {maxMultiple})");

        // The lists: rows per party equal its requests, positions 0, 1, … in order.
        var listRows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(dir, id + ".lists.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            int next = listRows.GetValueOrDefault(f[0]);
            Expect(f[1] == next.ToString(CultureInfo.InvariantCulture), $"list position of {f[0]}");
            listRows[f[0]] = next + 1;
        }

        Expect(parties.All(p => listRows.GetValueOrDefault(p.GetProperty("party").GetString() ?? "") == p.GetProperty("requests").GetInt32()), "list lengths differ from requests");
        return problems;
    }
}
