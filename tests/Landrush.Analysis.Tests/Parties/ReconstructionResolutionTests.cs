using Landrush.Analysis.Parties;
using Landrush.Core.Dataset;

namespace Landrush.Analysis.Tests.Parties;

/// <summary>
/// Resolution on the committed synthetic reconstruction against its truth file. Only this test reads the truth:
/// the analyzer never does.
/// </summary>
public class ReconstructionResolutionTests
{
    private static readonly Lazy<RegistryDataset> Dataset = new(() => RegistryCsv.ReadFile(RepositoryFiles.Path("data/nl-2008-reconstruction.csv")));

    [Fact]
    public void Resolved_parties_are_exactly_the_true_parties()
    {
        var r = AllocationBuilder.Build(Dataset.Value.Header, Dataset.Value.Records);
        var truth = File.ReadAllLines(RepositoryFiles.Path("data/nl-2008-reconstruction.truth.csv"))
            .Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        Assert.Equal(108, r.Allocation.PartyCount);
        Assert.Equal(11_245, r.Allocation.Registered);
        Assert.Equal(111_110, r.Allocation.Space.Count);
        foreach (var party in r.Audit.Parties)
        {
            Assert.Single(party.Handles.Select(h => truth[h]).Distinct());
        }

        Assert.Equal(truth.Values.Distinct().Count(), r.Audit.Parties.Count);
        var h = r.Allocation.Holdings();
        Assert.Equal(10_096, h[0] + h[1]);
        Assert.Equal(4, r.Audit.SharedHostingSets.Count);
        Assert.Equal(0, r.Audit.HiddenRegistrantNames);
    }

    [Fact]
    public void Without_the_shared_hosting_rule_unrelated_parties_are_merged()
    {
        var r = AllocationBuilder.Build(Dataset.Value.Header, Dataset.Value.Records, new PartyResolutionOptions { SharedHostingThreshold = 1000 });
        Assert.True(r.Allocation.PartyCount < 108);
    }
}
