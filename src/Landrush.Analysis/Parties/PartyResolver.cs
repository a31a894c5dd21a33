using Landrush.Core.Dataset;

namespace Landrush.Analysis.Parties;

/// <summary>
/// Union-find over identities (registrant handles, or registrar + name servers where hidden): admin handles
/// first, then normalised registrant names, then name-server sets that are not shared hosting. Every input is
/// visited in ordinal order, so the same rows always give the same parties, labels and merges.
/// </summary>
internal static class PartyResolver
{
    internal sealed record Result(
        IReadOnlyDictionary<string, string> GroupOf,
        IReadOnlyList<PartyMerge> Merges,
        IReadOnlyList<SharedHostingSet> SharedHosting,
        IReadOnlyDictionary<string, string> Labels)
    {
        /// <summary>The label of a group: its identity with most names (ordinal first on a tie).</summary>
        public string LabelOf(string group) => Labels[group];
    }

    public static Result Resolve(IReadOnlyList<RegistryRecord> rows, IReadOnlyList<string> identities, int sharedHostingThreshold)
    {
        var ids = identities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var number = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var parent = Enumerable.Range(0, ids.Count).ToArray();
        var merges = new List<PartyMerge>();

        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        void LinkAll(Func<RegistryRecord, string?> field, PartyLinkKind kind, Func<string, IReadOnlyList<int>, bool> accept)
        {
            var byValue = new SortedDictionary<string, SortedSet<int>>(StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                var value = field(rows[i]);
                if (!string.IsNullOrEmpty(value))
                {
                    if (!byValue.TryGetValue(value, out var set))
                    {
                        byValue[value] = set = [];
                    }

                    set.Add(number[identities[i]]);
                }
            }

            // Decide on every value before any union of this kind, so that the order of values does not matter.
            var accepted = byValue.Where(kv => kv.Value.Count > 1 && accept(kv.Key, [.. kv.Value])).ToList();
            foreach (var (value, set) in accepted)
            {
                var first = set.Min;
                foreach (var other in set.Skip(1))
                {
                    var (ra, rb) = (Find(first), Find(other));
                    if (ra != rb)
                    {
                        parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
                        merges.Add(new PartyMerge(ids[other], ids[first], kind, value));
                    }
                }
            }
        }

        LinkAll(r => r.AdminHandle, PartyLinkKind.AdminHandle, (_, _) => true);
        LinkAll(r => RegistrantNames.Normalize(r.RegistrantName), PartyLinkKind.RegistrantName, (_, _) => true);
        var shared = new List<SharedHostingSet>();
        LinkAll(
            r => r.NameServerList.Count == 0 ? null : string.Join(';', r.NameServerList),
            PartyLinkKind.NameServerSet,
            (value, members) =>
            {
                var unrelated = members.Select(Find).Distinct().Count();
                if (unrelated > sharedHostingThreshold)
                {
                    shared.Add(new SharedHostingSet(value, members.Count, unrelated));
                    return false;
                }

                return true;
            });

        var groupOf = ids.ToDictionary(id => id, id => ids[Find(number[id])], StringComparer.Ordinal);
        var names = identities.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var labels = ids.GroupBy(id => groupOf[id], StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.OrderByDescending(id => names[id]).ThenBy(id => id, StringComparer.Ordinal).First(),
            StringComparer.Ordinal);
        return new Result(groupOf, merges, [.. shared.OrderByDescending(s => s.UnrelatedGroups).ThenBy(s => s.NameServers, StringComparer.Ordinal)], labels);
    }
}
