using Landrush.Analysis;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;

namespace Landrush.Reports.Tests;

/// <summary>Allocations for the tests: the committed synthetic reconstruction with its true parties, and small hand-made ones.</summary>
internal static class Allocations
{
    private static readonly Lazy<ObservedAllocation> LazyReconstruction = new(LoadReconstruction);

    /// <summary>
    /// The committed reconstruction with parties from its ground-truth file (a test fixture: the report
    /// must be checked on parties known to be right, independent of the party resolver).
    /// </summary>
    public static ObservedAllocation Reconstruction => LazyReconstruction.Value;

    /// <summary>An allocation of <paramref name="names"/> (labels) to parties (indices into <paramref name="labels"/>).</summary>
    public static ObservedAllocation Of(string spec, IReadOnlyList<(string Label, int Party)> names, IReadOnlyList<string> labels, int? participants = null)
    {
        var space = NameSpace.Parse(spec);
        var rows = names.Select(n => (Index: (int)space.IndexOf(n.Label), n.Party)).OrderBy(r => r.Index).ToList();
        return new ObservedAllocation(space, "nl", [.. rows.Select(r => r.Index)], [.. rows.Select(r => r.Party)], labels, participants);
    }

    public static ObservedAllocation Empty(string spec = "digits:1-5") => Of(spec, [], ["nobody"]);

    private static ObservedAllocation LoadReconstruction()
    {
        var path = RepositoryFiles.Path("data/nl-2008-reconstruction.csv");
        using var reader = File.OpenText(path);
        var data = RegistryCsv.Read(reader, path);
        var partyOfHandle = File.ReadLines(RepositoryFiles.Path("data/nl-2008-reconstruction.truth.csv")).Skip(2)
            .Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture) - 1);
        var space = data.Header.Space;
        var rows = data.Records.Where(r => r.IsRegistered)
            .Select(r => (Index: (int)space.IndexOf(r.Name.Label), Party: partyOfHandle[r.RegistrantHandle!]))
            .OrderBy(r => r.Index).ToList();
        var labels = Enumerable.Range(1, partyOfHandle.Values.Max() + 1).Select(p => p switch
        {
            1 => "A (synthetic)",
            2 => "B (synthetic)",
            _ => $"{p} (synthetic)",
        }).ToList();
        return new ObservedAllocation(space, data.Header.Tld, [.. rows.Select(r => r.Index)], [.. rows.Select(r => r.Party)], labels);
    }
}
