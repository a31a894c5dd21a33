using System.Globalization;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Core.Dataset;

namespace Landrush.Analysis.Tests.Verdict;

/// <summary>
/// The verdict on the committed synthetic reconstruction, set against its truth files (only this test reads them:
/// the analyzer never does). Its range parties sent their spans in orders of their own (part of a continuation first), and
/// only about a thousand of its names were contested: the honest answer is "demand explains nearly all of it", with
/// intervals on the multiples that cover the recorded capacities (36× and 88× a median ordinary participant).
/// </summary>
public sealed class ReconstructionVerdictTests
{
    [Fact]
    public void Every_interval_covers_the_true_multiple_and_the_words_say_demand_explains_nearly_all()
    {
        RegistryDataset dataset;
        using (var stream = File.OpenRead(RepositoryFiles.Path("data/nl-2008-reconstruction.csv")))
        {
            dataset = RegistryCsv.Read(stream, "data/nl-2008-reconstruction.csv");
        }

        var resolved = AllocationBuilder.Build(dataset.Header, dataset.Records);
        var result = VerdictAnalysis.Run(resolved.Allocation,
            new VerdictOptions { Sims = 200, TestSims = 200, PowerSims = 50, SensitivitySims = 100, Seed = 1 });

        var truthParty = File.ReadAllLines(RepositoryFiles.Path("data/nl-2008-reconstruction.truth.csv"))
            .Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var parties = File.ReadAllLines(RepositoryFiles.Path("data/nl-2008-reconstruction.parties.csv"))
            .Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => (Role: f[1], Capacity: double.Parse(f[3], CultureInfo.InvariantCulture)), StringComparer.Ordinal);
        var ordinary = parties.Values.Where(p => p.Role == "ordinary").Select(p => p.Capacity).Order().ToArray();
        var median = (ordinary[(ordinary.Length - 1) / 2] + ordinary[ordinary.Length / 2]) / 2;

        var largest = result.ImpliedCapacities.Take(2).ToArray();
        Assert.All(largest, c => Assert.True(c.Tested, $"{c.Label} ran no race"));
        foreach (var c in largest)
        {
            var truth = parties[truthParty[resolved.Audit.Parties.Single(p => p.Index == c.Party).Handles[0]]].Capacity / median;
            Assert.InRange(truth, 30, 100);
            Assert.InRange(truth, c.Low, c.High ?? double.PositiveInfinity);
        }

        Assert.True(result.Verdict.NearlyAllByDemand);
        Assert.True(result.Assumptions!.Spans >= 2);
    }
}
