using System.Globalization;
using System.Text.Json;

namespace TwoFleets;

/// <summary>--check DIR: verifies a written suite against its truth files and prints a summary per class.</summary>
internal static class Checker
{
    private sealed record Stats(string Group, int Registered, double TopTwoShare, int SpanNames, int Contested, int ContestedWonByRange);

    private sealed record Party(string Id, string Handle, string Kind, double Capacity, double Multiple, int Requests, int Won);

    public static int Run(string dir)
    {
        var problems = new List<string>();
        var stats = new List<Stats>();
        string[] truths = Directory.GetFiles(dir, "*.truth.json");
        Array.Sort(truths, StringComparer.Ordinal);
        foreach (string truthPath in truths)
        {
            string id = Path.GetFileName(truthPath)[..^".truth.json".Length];
            var local = new List<string>();
            Stats? s = CheckOne(dir, id, truthPath, local);
            problems.AddRange(local.Select(m => id + ": " + m));
            if (s is not null)
            {
                stats.Add(s);
            }
        }
        foreach (string problem in problems)
        {
            Console.WriteLine(problem);
        }
        PrintSummary(stats);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{truths.Length} landrushes checked, {problems.Count} problem(s)"));
        return problems.Count == 0 && truths.Length > 0 ? 0 : 1;
    }

    private static Stats? CheckOne(string dir, string id, string truthPath, List<string> problems)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(truthPath));
        JsonElement root = doc.RootElement;
        string cls = root.GetProperty("class").GetString() ?? "";
        JsonElement designElement = root.GetProperty("design_multiple");
        int? design = designElement.ValueKind == JsonValueKind.Null ? null : designElement.GetInt32();
        double typical = root.GetProperty("typical_capacity").GetDouble();
        int registeredTruth = root.GetProperty("registered").GetInt32();
        List<Party> parties = [.. root.GetProperty("parties").EnumerateArray().Select(p => new Party(
            p.GetProperty("party").GetString() ?? "", p.GetProperty("registrant_handle").GetString() ?? "",
            p.GetProperty("kind").GetString() ?? "", p.GetProperty("capacity").GetDouble(), p.GetProperty("multiple").GetDouble(),
            p.GetProperty("requests").GetInt32(), p.GetProperty("won").GetInt32()))];
        var byHandle = parties.ToDictionary(p => p.Handle, StringComparer.Ordinal);
        if (byHandle.Count != parties.Count)
        {
            problems.Add("registrant handles in the truth are not unique");
        }

        // capacities: typical = median, multiple = capacity / typical, class consistent with the multiples
        double median = Landrush.Median([.. parties.Select(p => p.Capacity)]);
        if (Math.Abs(median - typical) > 1e-5 * Math.Max(1, typical))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"typical capacity {typical} is not the median {median}"));
        }
        foreach (Party p in parties.Where(p => Math.Abs((p.Capacity / typical) - p.Multiple) > 1e-4 * Math.Max(1, p.Multiple)))
        {
            problems.Add($"{p.Id}: multiple does not match capacity / typical");
        }
        double maxMultiple = parties.Max(p => p.Multiple);
        List<Party> range = [.. parties.Where(p => p.Kind == "range")];
        string group = id[..id.IndexOf('-', StringComparison.Ordinal)];
        bool classOk = cls switch
        {
            "fair" => design is null && maxMultiple < 2 && group == "fair" && range.Count is >= 1 and <= 3,
            "crowd" => design is null && maxMultiple < 2 && group == "crowd" && range.Count == 0
                && parties.All(p => p.Kind == "ordinary"),
            "excess" => design is 3 or 5 or 10 && Math.Abs(maxMultiple - design.Value) < 0.01 && group == "x" + design
                && range.Count == 2 && range.All(p => p.Multiple >= 3)
                && parties.Where(p => p.Kind != "range").All(p => p.Multiple < 2),
            _ => false,
        };
        if (!classOk)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"class {cls} / design {design} / max multiple {maxMultiple} / {range.Count} range parties are inconsistent"));
        }

        // the lists: one per party, requests as recorded
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(dir, id + ".lists.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            if (!lists.TryGetValue(f[0], out List<string>? list))
            {
                lists[f[0]] = list = [];
            }
            if (int.Parse(f[1], CultureInfo.InvariantCulture) != list.Count)
            {
                problems.Add($"lists: {f[0]} positions out of order");
            }
            list.Add(f[2]);
        }
        foreach (Party p in parties.Where(p => (lists.TryGetValue(p.Id, out List<string>? l) ? l.Count : 0) != p.Requests))
        {
            problems.Add($"{p.Id}: requests differ from its list");
        }
        var wantedBy = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach ((string party, List<string> list) in lists)
        {
            foreach (string label in list)
            {
                if (!wantedBy.TryGetValue(label, out HashSet<string>? who))
                {
                    wantedBy[label] = who = new HashSet<string>(StringComparer.Ordinal);
                }
                who.Add(party);
            }
        }

        // the dataset: one row per name in space order; counts, list membership, identities
        var won = new Dictionary<string, int>(StringComparer.Ordinal);
        var identity = new Dictionary<string, (string Name, string Admin, string NameServers)>(StringComparer.Ordinal);
        var holderOf = new Dictionary<string, string>(StringComparer.Ordinal);
        int registered = 0, row = 0;
        using (var reader = new StreamReader(Path.Combine(dir, id + ".csv")))
        {
            string expectedDeclaration = $"#landrush-dataset v1 space={Space.Spec} tld={Space.Tld} provenance=synthetic-blind:{Output.Generator}:seed=";
            if (reader.ReadLine() is not string declaration || !declaration.StartsWith(expectedDeclaration, StringComparison.Ordinal))
            {
                problems.Add("declaration line");
            }
            if (reader.ReadLine() != Output.Header)
            {
                problems.Add("header");
            }
            while (reader.ReadLine() is string line)
            {
                string[] f = line.Split(',');
                string label = row < Space.Count ? Space.Labels[row] : "?";
                if (f.Length != 13 || f[0] != label + "." + Space.Tld || f[1] != label.Length.ToString(CultureInfo.InvariantCulture))
                {
                    problems.Add($"row {row}: not {label} in space order");
                    break;
                }
                row++;
                if (f[2] == "free")
                {
                    if (f.Skip(3).Any(x => x.Length > 0 && x != "reconstruction") || f[10] != "reconstruction")
                    {
                        problems.Add($"{label}: free row with fields");
                    }
                    if (wantedBy.ContainsKey(label))
                    {
                        problems.Add($"{label}: wanted but free");
                    }
                    continue;
                }
                registered++;
                string handle = f[4];
                won[handle] = won.GetValueOrDefault(handle) + 1;
                if (!byHandle.TryGetValue(handle, out Party? holder))
                {
                    problems.Add($"{label}: holder {handle} not in the truth");
                    continue;
                }
                holderOf[label] = holder.Id;
                if (!wantedBy.TryGetValue(label, out HashSet<string>? who) || !who.Contains(holder.Id))
                {
                    problems.Add($"{label}: held by {holder.Id}, which did not ask for it");
                }
                if (identity.TryGetValue(handle, out var known) && known != (f[5], f[6], f[7]))
                {
                    problems.Add($"{handle}: identity fields vary between rows");
                }
                identity[handle] = (f[5], f[6], f[7]);
            }
        }
        if (row != Space.Count)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{row} rows, want {Space.Count}"));
        }
        if (registered != registeredTruth || parties.Sum(p => p.Won) != registered)
        {
            problems.Add("registered count differs from the truth");
        }
        foreach (Party p in parties.Where(p => won.GetValueOrDefault(p.Handle) != p.Won))
        {
            problems.Add($"{p.Id}: won {p.Won} in the truth, {won.GetValueOrDefault(p.Handle)} rows");
        }
        var names = identity.Values.Select(v => v.Name).ToList();
        var admins = identity.Values.Select(v => v.Admin).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count || admins.Distinct(StringComparer.Ordinal).Count() != admins.Count
            || admins.Any(byHandle.ContainsKey))
        {
            problems.Add("registrant names or admin handles are shared between participants");
        }
        foreach (IGrouping<string, string> set in identity.Values.GroupBy(v => v.NameServers, v => v.Name, StringComparer.Ordinal)
            .Where(g => g.Count() is > 1 and < 10))
        {
            problems.Add($"name-server set {set.Key} is used by {set.Count()} participants (want 1 or at least 10)");
        }

        // summary: top-two share, and how contested the range parties' span names were
        var rangeIds = range.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var spanNames = wantedBy.Where(kv => kv.Value.Overlaps(rangeIds)).Select(kv => kv.Key).ToList();
        var contested = spanNames.Where(label => wantedBy[label].Any(p => !rangeIds.Contains(p))).ToList();
        int contestedWonByRange = contested.Count(label => holderOf.TryGetValue(label, out string? h) && rangeIds.Contains(h));
        double topTwo = registered == 0 ? 0 : (double)parties.Select(p => p.Won).OrderDescending().Take(2).Sum() / registered;
        return new Stats(group, registered, topTwo, spanNames.Count, contested.Count, contestedWonByRange);
    }

    private static void PrintSummary(List<Stats> stats)
    {
        Console.WriteLine("class  files  registered (mean, min-max)   top-two share (mean, min-max)   span names   contested (mean, min-max)   contested won by range parties");
        foreach (string group in new[] { "fair", "crowd", "x3", "x5", "x10" })
        {
            var g = stats.Where(s => s.Group == group).ToList();
            if (g.Count == 0)
            {
                continue;
            }
            int contested = g.Sum(s => s.Contested);
            double wonShare = contested == 0 ? 0 : (double)g.Sum(s => s.ContestedWonByRange) / contested;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group,-6} {g.Count,5}  {g.Average(s => s.Registered),8:0} ({g.Min(s => s.Registered)}-{g.Max(s => s.Registered)})"
                + $"      {g.Average(s => s.TopTwoShare),6:P1} ({g.Min(s => s.TopTwoShare):P1}-{g.Max(s => s.TopTwoShare):P1})"
                + $"       {g.Average(s => s.SpanNames),8:0}   {g.Average(s => s.Contested),7:0} ({g.Min(s => s.Contested)}-{g.Max(s => s.Contested)})"
                + $"          {wonShare:P1}"));
        }
    }
}
