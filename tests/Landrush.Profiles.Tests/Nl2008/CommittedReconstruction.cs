using System.Globalization;
using Landrush.Core.Dataset;
using Landrush.Profiles.Nl2008;

namespace Landrush.Profiles.Tests.Nl2008;

/// <summary>
/// The committed nl-2008 files read once for all tests, and the same reconstruction rebuilt in memory
/// from seed 2008 (about a second, so shared).
/// </summary>
public sealed class CommittedReconstruction
{
    public const string DatasetPath = "data/nl-2008-reconstruction.csv";
    public const string HandlesPath = "data/nl-2008-reconstruction.truth.csv";
    public const string PartiesPath = "data/nl-2008-reconstruction.parties.csv";

    public CommittedReconstruction()
    {
        using (var stream = File.OpenRead(RepositoryFiles.Path(DatasetPath)))
        {
            Dataset = RegistryCsv.Read(stream, DatasetPath);
        }

        PartyOfHandle = ReadCsv(HandlesPath).ToDictionary(r => r["registrant_handle"], r => int.Parse(r["party"], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Parties = ReadCsv(PartiesPath);
        Rebuilt = Nl2008Reconstruction.Build(2008);
    }

    public RegistryDataset Dataset { get; }

    public IReadOnlyDictionary<string, int> PartyOfHandle { get; }

    public IReadOnlyList<Dictionary<string, string>> Parties { get; }

    public ReconstructedLandrush Rebuilt { get; }

    /// <summary>A plain CSV with a leading <c>#</c> banner line and no quoted fields (what the truth files are).</summary>
    public static List<Dictionary<string, string>> ReadCsv(string relative)
    {
        var lines = File.ReadAllLines(RepositoryFiles.Path(relative)).Where(l => !l.StartsWith('#')).ToList();
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l =>
        {
            var fields = l.Split(',');
            Assert.Equal(header.Length, fields.Length);
            return header.Zip(fields).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
        })];
    }
}
