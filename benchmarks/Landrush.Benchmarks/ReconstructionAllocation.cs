using Landrush.Analysis;
using Landrush.Core.Dataset;

// The nl-2008 reconstruction as an ObservedAllocation with the parties of its truth file: the validation
// study's "parties known" reading (the analyzer itself resolves parties from the dataset and never reads truth).
internal static class ReconstructionAllocation
{
    public static ObservedAllocation Load(string dataDir)
    {
        var file = Path.Combine(dataDir, "nl-2008-reconstruction.csv");
        using var stream = File.OpenRead(file);
        var dataset = RegistryCsv.Read(stream, file);
        var partyOfHandle = File.ReadLines(Path.Combine(dataDir, "nl-2008-reconstruction.truth.csv"))
            .Skip(2).Select(l => l.Split(',')).ToDictionary(f => f[0], f => int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var space = dataset.Header.Space;
        var rows = dataset.Records.Where(r => r.IsRegistered)
            .Select(r => (Index: (int)space.IndexOf(r.Name.Label), Party: partyOfHandle[r.RegistrantHandle!] - 1))
            .OrderBy(x => x.Index).ToArray();
        var parties = rows.Max(r => r.Party) + 1;
        return new ObservedAllocation(space, dataset.Header.Tld, [.. rows.Select(r => r.Index)], [.. rows.Select(r => r.Party)],
            [.. Enumerable.Range(1, parties).Select(p => $"party {p}")]);
    }

    public static string FindDataDir()
    {
        // From the binary up, else from the working directory up (a copied binary run from the repository).
        var dir = FindUp(AppContext.BaseDirectory) ?? FindUp(Environment.CurrentDirectory);
        return dir is null ? throw new DirectoryNotFoundException("data/nl-2008-reconstruction.csv not found above the binary or the working directory") : Path.Combine(dir, "data");
    }

    private static string? FindUp(string start)
    {
        var dir = start;
        while (dir is not null && !File.Exists(Path.Combine(dir, "data", "nl-2008-reconstruction.csv")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir;
    }
}
