using System.Globalization;
using System.Text.Json;

namespace Landrush.Benchmarks.Study;

/// <summary>One participant of a synthetic landrush as its generator's truth file gives it.</summary>
internal sealed record TruthParty(string Party, string Handle, string Kind, double Capacity, double Multiple, int Won, int Requests);

/// <summary>
/// One landrush of a generator's suite (benchmarks/blind/MECHANICS.md): the dataset the analyzer reads, the truth
/// the study scores it against, and the lists file only the oracle reads.
/// </summary>
internal sealed record StudyCase(string Generator, string Id, string Class, double? DesignMultiple, double TypicalCapacity,
    string DatasetPath, string ListsPath, IReadOnlyList<TruthParty> Parties)
{
    /// <summary>Fair or crowd: no participant at 2× or more.</summary>
    public bool IsFair => Class is "fair" or "crowd";

    /// <summary>The truth's participant with this registrant handle, or null.</summary>
    public TruthParty? ByHandle(string handle) => Parties.FirstOrDefault(p => p.Handle == handle);

    /// <summary>The cases of one suite folder, in file-name order.</summary>
    public static IReadOnlyList<StudyCase> Load(string folder)
    {
        var cases = new List<StudyCase>();
        foreach (var truthPath in Directory.GetFiles(folder, "*.truth.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(truthPath));
            var root = doc.RootElement;
            var id = root.GetProperty("id").GetString()!;
            var parties = root.GetProperty("parties").EnumerateArray().Select(p => new TruthParty(
                p.GetProperty("party").ToString(),
                p.GetProperty("registrant_handle").GetString() ?? "",
                p.GetProperty("kind").GetString() ?? "",
                p.GetProperty("capacity").GetDouble(),
                p.GetProperty("multiple").GetDouble(),
                p.GetProperty("won").GetInt32(),
                p.TryGetProperty("requests", out var r) ? r.GetInt32() : 0)).ToArray();
            var design = root.TryGetProperty("design_multiple", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble() : (double?)null;
            var stem = truthPath[..^".truth.json".Length];
            cases.Add(new StudyCase(root.GetProperty("generator").GetString()!, id, root.GetProperty("class").GetString()!, design,
                root.GetProperty("typical_capacity").GetDouble(), stem + ".csv", stem + ".lists.csv", parties));
        }

        return cases;
    }

    /// <summary>The true lists (send order) by party id, from the lists file: labels, not indices.</summary>
    public Dictionary<string, List<string>> ReadLists()
    {
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(ListsPath).Skip(1))
        {
            var f = line.Split(',');
            if (!lists.TryGetValue(f[0], out var list))
            {
                lists[f[0]] = list = [];
            }

            // Positions are written in order; the parse keeps the check that they are.
            if (int.Parse(f[1], CultureInfo.InvariantCulture) != list.Count)
            {
                throw new InvalidDataException($"{ListsPath}: party {f[0]} position {f[1]} out of order");
            }

            list.Add(f[2]);
        }

        return lists;
    }
}
