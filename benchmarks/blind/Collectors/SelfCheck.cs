using System.Globalization;
using System.Text.Json;

namespace Collectors;

/// <summary>
/// Reads a written landrush back from disk and checks it against the specification, independently of the
/// objects that wrote it: one row per name of the space in order, won counts equal the rows per handle, the
/// lists hold each party's requests, and the class label agrees with the multiples.
/// </summary>
internal static class SelfCheck
{
    public static void Verify(string dir, string id)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, id + ".truth.json")));
        JsonElement truth = doc.RootElement;
        string spec = truth.GetProperty("space").GetString()!;
        string[] lengths = spec["digits:".Length..].Split('-');
        int lo = int.Parse(lengths[0], CultureInfo.InvariantCulture);
        int hi = int.Parse(lengths[^1], CultureInfo.InvariantCulture);

        // The rows: every label of the space, by length then value, and the registered ones per handle.
        var perHandle = new Dictionary<string, int>();
        using (IEnumerator<string> lines = File.ReadLines(Path.Combine(dir, id + ".csv")).GetEnumerator())
        {
            Require(lines.MoveNext() && lines.Current.StartsWith("#landrush-dataset v1 space=" + spec + " tld=nl ", StringComparison.Ordinal), id, "declaration line");
            Require(lines.MoveNext() && lines.Current.StartsWith("name,length,status,", StringComparison.Ordinal), id, "header");
            for (int len = lo; len <= hi; len++)
            {
                for (int v = 0; v < Space.Pow10(len); v++)
                {
                    Require(lines.MoveNext(), id, "too few rows");
                    string[] f = lines.Current.Split(',');
                    string label = v.ToString("D" + len.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                    Require(f.Length == 13 && f[0] == label + ".nl" && f[1] == label.Length.ToString(CultureInfo.InvariantCulture), id, "row " + label);
                    if (f[2] == "active")
                    {
                        perHandle[f[4]] = perHandle.GetValueOrDefault(f[4]) + 1;
                    }
                    else
                    {
                        Require(f[2] == "free" && f.Skip(3).Where((_, i) => i != 7).All(x => x.Length == 0) && f[10] == "reconstruction", id, "free row " + label);
                    }
                }
            }

            Require(!lines.MoveNext(), id, "too many rows");
        }

        // The truth: wins, registered, typical capacity and class.
        var requests = new Dictionary<string, int>();
        var capacities = new List<double>();
        double typical = truth.GetProperty("typical_capacity").GetDouble();
        double maxMultiple = 0;
        bool bigKinds = false;
        int wonTotal = 0;
        foreach (JsonElement p in truth.GetProperty("parties").EnumerateArray())
        {
            string handle = p.GetProperty("registrant_handle").GetString()!;
            int won = p.GetProperty("won").GetInt32();
            Require(perHandle.GetValueOrDefault(handle) == won, id, "won count of " + handle);
            wonTotal += won;
            requests[p.GetProperty("party").GetString()!] = p.GetProperty("requests").GetInt32();
            double capacity = p.GetProperty("capacity").GetDouble();
            capacities.Add(capacity);
            double multiple = p.GetProperty("multiple").GetDouble();
            Require(Math.Abs(multiple - (capacity / typical)) < 1e-5, id, "multiple of " + handle);
            maxMultiple = Math.Max(maxMultiple, multiple);
            bigKinds |= p.GetProperty("kind").GetString() is "range" or "collector";
        }

        Require(wonTotal == perHandle.Values.Sum() && wonTotal == truth.GetProperty("registered").GetInt32(), id, "registered");
        Require(Landrush.Median(capacities) == typical, id, "typical capacity is not the median");
        string klass = truth.GetProperty("class").GetString()!;
        JsonElement design = truth.GetProperty("design_multiple");
        string expected = maxMultiple >= 2 ? "excess" : bigKinds ? "fair" : "crowd";
        Require(klass == expected, id, "class " + klass + ", multiples say " + expected);
        Require(klass == "excess"
            ? Math.Abs(design.GetDouble() - maxMultiple) < 1e-6 && design.GetInt32() is 3 or 5 or 10
            : design.ValueKind == JsonValueKind.Null, id, "design multiple");

        // The lists: each party's requests, positions from 0 in order.
        var seen = new Dictionary<string, int>();
        foreach (string line in File.ReadLines(Path.Combine(dir, id + ".lists.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            int position = seen.GetValueOrDefault(f[0]);
            Require(f.Length == 3 && int.Parse(f[1], CultureInfo.InvariantCulture) == position, id, "lists position");
            seen[f[0]] = position + 1;
        }

        Require(seen.Count == requests.Count && requests.All(r => seen.GetValueOrDefault(r.Key) == r.Value), id, "lists vs requests");
    }

    private static void Require(bool ok, string id, string what)
    {
        if (!ok)
        {
            throw new InvalidDataException("self-check failed for " + id + ": " + what);
        }
    }
}
