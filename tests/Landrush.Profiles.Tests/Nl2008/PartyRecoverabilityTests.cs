using Landrush.Core.Dataset;

namespace Landrush.Profiles.Tests.Nl2008;

/// <summary>
/// The parties of the reconstruction can be recovered from its WHOIS content with a simple, honest rule:
/// link registrant handles that share an admin handle or a name-server set, ignoring name-server sets used
/// by more than <see cref="SharedSetThreshold"/> registrant handles (shared hosting, many unrelated
/// parties). The rule must reproduce the true partition exactly, and must need both of its parts.
/// </summary>
public class PartyRecoverabilityTests(CommittedReconstruction data) : IClassFixture<CommittedReconstruction>
{
    private const int SharedSetThreshold = 8;

    [Fact]
    public void Linking_by_admin_handle_and_unshared_name_server_sets_gives_exactly_the_true_parties()
    {
        var registered = data.Dataset.Records.Where(r => r.IsRegistered).ToList();
        var recovered = Resolve(registered, useAdmin: true, useServers: true, ignoreShared: true);
        Assert.Equal(Canonical(data.PartyOfHandle), recovered);
        // Real work: some parties have several handles, and at least one shared hosting set was ignored.
        Assert.Contains(data.PartyOfHandle.GroupBy(kv => kv.Value), g => g.Count() >= 3);
        Assert.True(SharedSets(registered).Count >= 2);
    }

    [Fact]
    public void Each_part_of_the_rule_is_needed()
    {
        var registered = data.Dataset.Records.Where(r => r.IsRegistered).ToList();
        var truth = Canonical(data.PartyOfHandle);
        // Without the shared-hosting exception unrelated parties merge; without either link parties split.
        Assert.True(Resolve(registered, true, true, ignoreShared: false).Count < truth.Count);
        Assert.True(Resolve(registered, useAdmin: false, useServers: true, ignoreShared: true).Count > truth.Count);
        Assert.True(Resolve(registered, useAdmin: true, useServers: false, ignoreShared: true).Count > truth.Count);
    }

    private static HashSet<string> SharedSets(List<RegistryRecord> records) =>
        [.. records.GroupBy(r => string.Join(';', r.NameServerList), StringComparer.Ordinal)
            .Where(g => g.Select(r => r.RegistrantHandle).Distinct().Count() > SharedSetThreshold)
            .Select(g => g.Key)];

    // Union–find over registrant handles; the result is the set of groups, each a sorted list of handles.
    private static HashSet<string> Resolve(List<RegistryRecord> records, bool useAdmin, bool useServers, bool ignoreShared)
    {
        var parent = records.Select(r => r.RegistrantHandle!).Distinct().ToDictionary(h => h, h => h, StringComparer.Ordinal);
        string Find(string h)
        {
            while (parent[h] != h)
            {
                h = parent[h] = parent[parent[h]];
            }

            return h;
        }

        void Link(IEnumerable<string> handles)
        {
            var first = handles.First();
            foreach (var h in handles)
            {
                parent[Find(h)] = Find(first);
            }
        }

        if (useAdmin)
        {
            foreach (var g in records.GroupBy(r => r.AdminHandle!, StringComparer.Ordinal))
            {
                Link(g.Select(r => r.RegistrantHandle!));
            }
        }

        if (useServers)
        {
            var shared = ignoreShared ? SharedSets(records) : [];
            foreach (var g in records.GroupBy(r => string.Join(';', r.NameServerList), StringComparer.Ordinal).Where(g => !shared.Contains(g.Key)))
            {
                Link(g.Select(r => r.RegistrantHandle!));
            }
        }

        return [.. parent.Keys.GroupBy(Find).Select(g => string.Join(' ', g.Order(StringComparer.Ordinal)))];
    }

    private static HashSet<string> Canonical(IReadOnlyDictionary<string, int> partyOfHandle) =>
        [.. partyOfHandle.GroupBy(kv => kv.Value).Select(g => string.Join(' ', g.Select(kv => kv.Key).Order(StringComparer.Ordinal)))];
}
