using System.Globalization;
using System.Text;
using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Profiles;
using Landrush.Profiles.Nl2008;

namespace Landrush.Profiles.Tests.Nl2008;

public class Nl2008ReconstructionTests(CommittedReconstruction data) : IClassFixture<CommittedReconstruction>
{
    [Fact]
    public void Regenerating_with_seed_2008_gives_the_committed_files_byte_for_byte()
    {
        AssertSameBytes(CommittedReconstruction.DatasetPath, w => ReconstructionWriter.WriteDataset(w, data.Rebuilt));
        AssertSameBytes(CommittedReconstruction.HandlesPath, w => ReconstructionWriter.WriteHandles(w, data.Rebuilt));
        AssertSameBytes(CommittedReconstruction.PartiesPath, w => ReconstructionWriter.WriteParties(w, data.Rebuilt));
    }

    [Fact]
    public void The_csv_alone_has_111110_rows_and_11245_registered_mostly_four_digits()
    {
        var records = data.Dataset.Records;
        Assert.Equal("digits:1-5", data.Dataset.Header.Space.Spec);
        Assert.Equal(111_110, records.Count);
        var registered = records.Where(r => r.IsRegistered).ToList();
        Assert.Equal(11_245, registered.Count);
        Assert.True(registered.Count(r => r.Length == 4) > registered.Count / 2);
        Assert.All(records, r => Assert.Equal(RecordSource.Reconstruction, r.Source));
    }

    [Fact]
    public void Joined_with_the_truth_the_two_largest_parties_hold_10096_and_108_parties_hold_names()
    {
        var holdings = Holdings(data.Dataset.Records.Where(r => r.IsRegistered));
        Assert.Equal(108, holdings.Count);
        var top = holdings.Values.OrderDescending().ToList();
        Assert.Equal(10_096, top[0] + top[1]);
        // The rest are small: most hold a handful, a few tens or a few hundred.
        Assert.True(top[2] < 500);
        Assert.True(top.Count(h => h <= 5) > 54);
        Assert.InRange(top.Count(h => h >= 20), 3, 30);
    }

    [Fact]
    public void The_block_0_to_2100_matches_the_count_of_13_March_2008()
    {
        var block = new HashSet<string>(Enumerable.Range(0, 2101).Select(v => v.ToString(CultureInfo.InvariantCulture) + ".nl"), StringComparer.Ordinal);
        var holdings = Holdings(data.Dataset.Records.Where(r => r.IsRegistered && block.Contains(r.Name.ToString())));
        var top = holdings.Values.OrderDescending().ToList();
        Assert.Equal([1604, 223, 46, 25], top.Take(4));
        Assert.True(top.Count > 4);
        Assert.True(top[4] < 25);
        // The block's two leaders are the two largest parties overall.
        var all = Holdings(data.Dataset.Records.Where(r => r.IsRegistered));
        var overallTop = all.OrderByDescending(kv => kv.Value).Take(2).Select(kv => kv.Key).Order();
        Assert.Equal(overallTop, holdings.OrderByDescending(kv => kv.Value).Take(2).Select(kv => kv.Key).Order());
    }

    [Fact]
    public void Party_truth_agrees_with_the_dataset()
    {
        var holdings = Holdings(data.Dataset.Records.Where(r => r.IsRegistered));
        Assert.Equal(108, data.Parties.Count);
        foreach (var p in data.Parties)
        {
            var party = int.Parse(p["party"], CultureInfo.InvariantCulture);
            var wins = int.Parse(p["wins"], CultureInfo.InvariantCulture);
            Assert.Equal(holdings.GetValueOrDefault(party), wins);
            Assert.Equal(int.Parse(p["wish_list_size"], CultureInfo.InvariantCulture) - wins, int.Parse(p["lost_requests"], CultureInfo.InvariantCulture));
            Assert.Equal(data.PartyOfHandle.Count(kv => kv.Value == party), int.Parse(p["registrant_handles"], CultureInfo.InvariantCulture));
            Assert.True(double.Parse(p["capacity"], CultureInfo.InvariantCulture) > 0);
        }

        // The two range parties brought far more capacity than any ordinary one.
        var capacities = data.Parties.OrderByDescending(p => int.Parse(p["wins"], CultureInfo.InvariantCulture))
            .Select(p => double.Parse(p["capacity"], CultureInfo.InvariantCulture)).ToList();
        Assert.True(capacities.Take(2).Min() > 2 * capacities.Skip(2).Max());
    }

    [Fact]
    public void Every_registered_name_is_held_by_a_party_that_asked_for_it()
    {
        // The committed dataset joined with its truth, against the wish lists of the same build: the fixes
        // after the model run only ever hand a name to one of its requesters.
        var lists = data.Rebuilt.WishLists.Select(l => l.ToHashSet()).ToList();
        Assert.Equal(data.Rebuilt.Parties.Count, lists.Count);
        var checkedNames = 0;
        foreach (var r in data.Dataset.Records.Where(r => r.IsRegistered))
        {
            var index = (int)data.Rebuilt.Space.IndexOf(r.Name.Label);
            var party = data.PartyOfHandle[r.RegistrantHandle!];
            Assert.True(lists[party - 1].Contains(index), $"{r.Name} is held by party {party}, which never asked for it");
            checkedNames++;
        }

        Assert.Equal(11_245, checkedNames);
    }

    [Fact]
    public void The_two_range_parties_are_fleets_with_more_capacity_than_all_others_together()
    {
        static double Capacity(Dictionary<string, string> p) => double.Parse(p["capacity"], CultureInfo.InvariantCulture);
        var range = data.Parties.Where(p => p["role"] == "range").ToList();
        var others = data.Parties.Where(p => p["role"] != "range").ToList();
        Assert.Equal(["1", "2"], range.Select(p => p["party"]));
        AssertFleets(range.Select(Capacity).ToList(), Median([.. others.Where(p => p["role"] == "ordinary").Select(Capacity)]), others.Sum(Capacity));
    }

    [Fact]
    public void Whois_content_is_labelled_synthetic_and_plausible_for_2008()
    {
        var handleStyle = new System.Text.RegularExpressions.Regex("^[A-Z]{3}[0-9]{6}-[A-Z]{5}$");
        foreach (var r in data.Dataset.Records.Where(r => r.IsRegistered))
        {
            Assert.EndsWith(" (synthetic)", r.Registrar, StringComparison.Ordinal);
            Assert.EndsWith(" (synthetic)", r.RegistrantName, StringComparison.Ordinal);
            Assert.Matches(handleStyle, r.RegistrantHandle);
            Assert.Matches(handleStyle, r.AdminHandle);
            Assert.NotEmpty(r.NameServerList);
            Assert.All(r.NameServerList, ns => Assert.EndsWith(".example", ns, StringComparison.Ordinal));
            Assert.Contains(r.Created, new DateOnly?[] { new DateOnly(2008, 2, 28), new DateOnly(2008, 2, 29) });
            Assert.True(data.PartyOfHandle.ContainsKey(r.RegistrantHandle!));
        }

        Assert.All(data.Dataset.Records.Where(r => !r.IsRegistered), r => Assert.Null(r.RegistrantHandle));
        Assert.Equal(data.PartyOfHandle.Count, data.Dataset.Records.Where(r => r.IsRegistered).Select(r => r.RegistrantHandle).Distinct().Count());
    }

    [Fact]
    public void Another_seed_gives_another_dataset_that_meets_the_same_targets()
    {
        var other = Nl2008Reconstruction.Build(7);
        Assert.NotEqual(
            data.Rebuilt.Records.Where(r => r.IsRegistered).Select(r => r.RegistrantHandle),
            other.Records.Where(r => r.IsRegistered).Select(r => r.RegistrantHandle));
        Assert.Equal(11_245, other.Records.Count(r => r.IsRegistered));
        var wins = other.Parties.Select(p => p.Wins).OrderDescending().ToList();
        Assert.Equal(10_096, wins[0] + wins[1]);
        Assert.Equal(108, wins.Count(w => w > 0));
        var range = other.Parties.Where(p => p.Role == PartyRole.Range).Select(p => p.Capacity).ToList();
        AssertFleets(range, Median([.. other.Parties.Where(p => p.Role == PartyRole.Ordinary).Select(p => p.Capacity)]),
            other.Parties.Where(p => p.Role != PartyRole.Range).Sum(p => p.Capacity));
    }

    [Fact]
    public void An_unknown_profile_is_a_user_input_error()
    {
        var ex = Assert.Throws<UserInputException>(() => ProfileRegistry.Reconstruction("nl-2009"));
        Assert.Contains("nl-2008", ex.Message, StringComparison.Ordinal);
    }

    // Each range party has at least 35 times the median ordinary capacity, and the two more than all others.
    private static void AssertFleets(List<double> range, double medianOrdinary, double othersTotal)
    {
        Assert.Equal(2, range.Count);
        Assert.All(range, c => Assert.True(c >= 35 * medianOrdinary, $"range capacity {c} is under 35 x the median ordinary {medianOrdinary}"));
        Assert.True(range.Sum() > othersTotal, $"range parties {range.Sum()} against all others {othersTotal}");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private Dictionary<int, int> Holdings(IEnumerable<RegistryRecord> records) =>
        records.GroupBy(r => data.PartyOfHandle[r.RegistrantHandle!]).ToDictionary(g => g.Key, g => g.Count());

    private static void AssertSameBytes(string relative, Action<TextWriter> write)
    {
        var expected = File.ReadAllBytes(RepositoryFiles.Path(relative));
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        {
            write(writer);
        }

        var actual = buffer.ToArray();
        // Equal lengths and content; on failure say where they first differ rather than dumping 6 MB.
        var firstDifference = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i], -1);
        Assert.True(firstDifference < 0 && expected.Length == actual.Length,
            $"{relative}: regenerated bytes differ (first difference at byte {firstDifference}, lengths {expected.Length} vs {actual.Length})");
    }
}
