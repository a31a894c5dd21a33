using System.Globalization;
using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;

namespace Landrush.Analysis.Parties;

/// <summary>
/// Turns a registry dataset into an <see cref="ObservedAllocation"/>: every registered name (active, inactive or
/// in quarantine) and the party holding it, with the audit of how parties were formed. Reads only what a
/// harvest can see (the rows), never a truth file.
/// </summary>
public static class AllocationBuilder
{
    /// <summary>Builds the allocation of <paramref name="records"/> (rows of a dataset declared by <paramref name="header"/>).</summary>
    /// <exception cref="UserInputException">A row outside the space, a name twice, or fewer participants than parties holding names.</exception>
    public static ResolvedAllocation Build(RegistryDatasetHeader header, IReadOnlyList<RegistryRecord> records, PartyResolutionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(records);
        options ??= new PartyResolutionOptions();

        var sorted = SortRows(header, records);
        var rows = sorted.Rows;
        var hidden = options.Key == PartyKey.Registrar ? 0 : rows.Count(r => string.IsNullOrEmpty(r.RegistrantHandle));
        var identities = rows.Select(r => IdentityOf(r, options.Key)).ToList();

        // Resolution always runs: the registrar fronts are reported whatever key forms the allocation.
        var resolution = PartyResolver.Resolve(rows, [.. rows.Select(r => IdentityOf(r, PartyKey.Registrant))], options.SharedHostingThreshold);
        var groupOf = options.Key == PartyKey.Resolved
            ? resolution.GroupOf
            : identities.Distinct(StringComparer.Ordinal).ToDictionary(i => i, i => i, StringComparer.Ordinal);
        var merges = options.Key == PartyKey.Resolved ? resolution.Merges : [];
        var (parties, partyOf) = Parties(rows, identities, groupOf, merges, options.Key);

        ObservedAllocation allocation;
        try
        {
            allocation = new ObservedAllocation(sorted.Space, header.Tld, sorted.Indices, partyOf,
                [.. parties.Select(p => p.Label)], options.Participants);
        }
        catch (ArgumentOutOfRangeException) when (options.Participants is { } n)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"--participants {n} is fewer than the {parties.Count} parties that hold names"));
        }

        var notes = Notes(sorted.HolderUnknown.Count, hidden, rows.Count, options, resolution);
        var fronts = RegistrarFronts(rows, resolution, options.FrontShare);
        var synthetic = header.IsSynthetic || records.Any(r => r.Source == RecordSource.Reconstruction);
        var audit = new PartyAudit(options.Key, options.SharedHostingThreshold, parties, resolution.SharedHosting, fronts, hidden, notes);
        return new ResolvedAllocation(allocation, audit, [.. rows.Select(r => r.Created)], [.. rows.Select(r => r.Registrar ?? string.Empty)],
            sorted.Unknown, header.Space.Count - records.Count, synthetic, sorted.HolderUnknown);
    }

    /// <summary>
    /// Checks every row against the declared space (<see cref="DatasetNameCheck"/>, the check the dataset reader
    /// makes, so a dataset built in memory is refused as a file would be) and keeps the registered rows whose
    /// holder shows, in the canonical order of the space's parts: the analysis reads consecutive names, and one
    /// set of names spelled in another part order must read alike.
    /// </summary>
    private static SortedRows SortRows(RegistryDatasetHeader header, IReadOnlyList<RegistryRecord> records)
    {
        var names = new DatasetNameCheck(header);
        var registered = new List<(int Index, RegistryRecord Record)>();
        var unknown = 0;
        var holderUnknown = new List<int>();
        foreach (var r in records)
        {
            if (!names.TryAdd(r.Name, out var index, out var problem))
            {
                throw new UserInputException(problem);
            }

            if (r.Status == DomainStatus.Unknown)
            {
                unknown++;
            }
            else if (r.IsRegistered && !HasHolderFacts(r))
            {
                holderUnknown.Add((int)index);
            }
            else if (r.IsRegistered)
            {
                registered.Add(((int)index, r));
            }
        }

        registered.Sort((a, b) => a.Index.CompareTo(b.Index));
        holderUnknown.Sort();
        return new SortedRows(names.Space, [.. registered.Select(x => x.Record)], [.. registered.Select(x => x.Index)], unknown, holderUnknown);
    }

    /// <summary>The parties, largest first (ties by label, so that index 0 is the largest holder everywhere), and the party of each row.</summary>
    private static (List<ResolvedParty> Parties, int[] PartyOf) Parties(List<RegistryRecord> rows, List<string> identities,
        IReadOnlyDictionary<string, string> groupOf, IReadOnlyList<PartyMerge> merges, PartyKey key)
    {
        var holdingsOfGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        var namesOfIdentity = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var g = groupOf[identities[i]];
            holdingsOfGroup[g] = holdingsOfGroup.GetValueOrDefault(g) + 1;
            namesOfIdentity[identities[i]] = namesOfIdentity.GetValueOrDefault(identities[i]) + 1;
        }

        var members = namesOfIdentity.Keys.GroupBy(id => groupOf[id], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var labelOf = members.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(id => namesOfIdentity[id]).ThenBy(id => id, StringComparer.Ordinal).First(),
            StringComparer.Ordinal);
        var order = holdingsOfGroup.Keys
            .OrderByDescending(g => holdingsOfGroup[g]).ThenBy(g => labelOf[g], StringComparer.Ordinal).ToList();
        var partyIndex = order.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);

        var partyOf = new int[rows.Count];
        var registrarsOfParty = order.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var nameOfIdentity = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var p = partyIndex[groupOf[identities[i]]];
            partyOf[i] = p;
            var registrar = rows[i].Registrar ?? string.Empty;
            registrarsOfParty[p][registrar] = registrarsOfParty[p].GetValueOrDefault(registrar) + 1;
            if (!string.IsNullOrEmpty(rows[i].RegistrantName))
            {
                nameOfIdentity.TryAdd(identities[i], rows[i].RegistrantName!);
            }
        }

        var mergesByGroup = merges.GroupBy(m => groupOf[m.Handle], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<PartyMerge>)[.. g], StringComparer.Ordinal);
        var parties = order.Select((g, i) => new ResolvedParty(
            i,
            labelOf[g],
            key == PartyKey.Registrar ? null : nameOfIdentity.GetValueOrDefault(labelOf[g]),
            members[g],
            [.. registrarsOfParty[i].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key)],
            holdingsOfGroup[g],
            mergesByGroup.GetValueOrDefault(g) ?? [])).ToList();
        return (parties, partyOf);
    }

    private static List<string> Notes(int holderUnknown, int hidden, int rows, PartyResolutionOptions options, PartyResolver.Result resolution)
    {
        var notes = new List<string>();
        if (holderUnknown > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{holderUnknown:N0} registered names show nothing of their holder (no registrant, registrar or name servers: e.g. names a harvest knows only from DNS): they count as registered but are left out of every party, share and concentration figure, which are over the {rows:N0} names whose holder shows."));
        }

        if (hidden > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{hidden:N0} of {rows:N0} registered names show no registrant handle (hidden, as in .nl WHOIS since 2010): their identity is registrar + name-server set instead, which can split one holder across registrars or join holders of one registrar."));
        }

        if (options.Key == PartyKey.Resolved)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Parties resolved by union-find over registrant handles linked by a shared admin handle, a normalised registrant name, or a name-server set used by at most K = {options.SharedHostingThreshold} unrelated identities ({resolution.SharedHosting.Count} larger sets ignored as shared hosting)."));
        }

        return notes;
    }

    private sealed record SortedRows(NameSpace Space, List<RegistryRecord> Rows, int[] Indices, int Unknown, List<int> HolderUnknown);

    /// <summary>Whether a row says anything of who holds the name: a registrant handle, a registrar or name servers.</summary>
    internal static bool HasHolderFacts(RegistryRecord r) =>
        !string.IsNullOrEmpty(r.RegistrantHandle) || !string.IsNullOrEmpty(r.Registrar) || r.NameServerList.Count > 0;

    /// <summary>The identity a row counts under for a key; a hidden registrant falls back to registrar + name servers.</summary>
    internal static string IdentityOf(RegistryRecord r, PartyKey key)
    {
        var registrar = string.IsNullOrEmpty(r.Registrar) ? "(registrar unknown)" : r.Registrar;
        if (key == PartyKey.Registrar)
        {
            return registrar;
        }

        return string.IsNullOrEmpty(r.RegistrantHandle)
            ? $"[hidden] {registrar} / {(r.NameServerList.Count == 0 ? "(no name servers)" : string.Join(';', r.NameServerList))}"
            : r.RegistrantHandle;
    }

    private static List<RegistrarFront> RegistrarFronts(List<RegistryRecord> rows, PartyResolver.Result resolution, double frontShare)
    {
        var perRegistrar = new Dictionary<string, int>(StringComparer.Ordinal);
        var perGroupRegistrar = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var identityRegistrars = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var registrar = r.Registrar ?? string.Empty;
            if (registrar.Length == 0)
            {
                continue;
            }

            var id = IdentityOf(r, PartyKey.Registrant);
            var g = resolution.GroupOf[id];
            perRegistrar[registrar] = perRegistrar.GetValueOrDefault(registrar) + 1;
            if (!perGroupRegistrar.TryGetValue(g, out var counts))
            {
                perGroupRegistrar[g] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            counts[registrar] = counts.GetValueOrDefault(registrar) + 1;
            if (!identityRegistrars.TryGetValue(id, out var set))
            {
                identityRegistrars[id] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(registrar);
        }

        var fronts = new List<RegistrarFront>();
        foreach (var (g, counts) in perGroupRegistrar)
        {
            var dominated = counts.Where(kv => kv.Value > frontShare * perRegistrar[kv.Key])
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            if (dominated.Count < 2)
            {
                continue;
            }

            var names = dominated.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
            // The evidence: merges joining identities seen under different registrars among these.
            var evidence = resolution.Merges.Where(m => resolution.GroupOf[m.Handle] == g
                    && identityRegistrars.TryGetValue(m.Handle, out var a) && identityRegistrars.TryGetValue(m.JoinedTo, out var b)
                    && a.Overlaps(names) && b.Overlaps(names) && !a.SetEquals(b))
                .ToList();
            var label = resolution.LabelOf(g);
            fronts.Add(new RegistrarFront(label, [.. dominated.Select(kv => kv.Key)], [.. dominated.Select(kv => kv.Value)],
                [.. dominated.Select(kv => perRegistrar[kv.Key])], evidence));
        }

        return [.. fronts.OrderByDescending(f => f.PartyNames.Sum()).ThenBy(f => f.PartyLabel, StringComparer.Ordinal)];
    }
}
