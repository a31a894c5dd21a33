using System.Globalization;
using System.Text;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;

namespace Landrush.Profiles.Nl2008;

/// <summary>
/// The registry records of an allocation: plausible, pseudonymous registration details (registrar,
/// registrant and admin handles, registrant name, name servers, dates) for each name a party won, and a
/// free record for every other name. Records, not WHOIS text. Registrars and registrants carry numbered
/// synthetic names; contact handles follow the 2008 .nl style <c>ABC001234-XYZAB</c> (the suffix is the
/// registrar's code); name servers live under the reserved <c>.example</c> TLD (RFC 2606), never real hosts.
/// Party structure, so that resolution has real but fair work:
/// range party A has six registrant handles in two groups, each group sharing an admin handle, all on one
/// party name-server set; range party B has four handles, each with its own admin, all on one party set;
/// other parties have one to three handles (several handles always share one admin handle). Small parties
/// use either their own set or one of <see cref="HostingSets"/> shared hosting sets, each used by more than
/// <see cref="MaxHandlesPerPartySet"/> handles of unrelated parties; a party's own set is never used by more
/// than that many handles.
/// </summary>
internal sealed class RecordSynthesizer
{
    public const int HostingSets = 4;

    public const int MaxHandlesPerPartySet = 8;

    private const int Registrars = 30;

    private static readonly DateOnly Day1 = new(2008, 2, 28);
    private static readonly DateOnly Day2 = new(2008, 2, 29);

    private readonly NameSpace _space;
    private readonly string _tld;
    private readonly SeededRandom _rng;
    private readonly HashSet<string> _usedHandles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedTokens = new(StringComparer.Ordinal);

    public RecordSynthesizer(NameSpace space, string tld, SeededRandom rng)
    {
        _space = space;
        _tld = tld;
        _rng = rng;
    }

    public (RegistryRecord[] Records, HandleTruth[] Handles, int[] HandleCounts, string[] Registrars) Build(
        int[] winner, AllocationOutcome run, int partyCount, int a, int b)
    {
        var registrarCodes = Enumerable.Range(0, Registrars).Select(_ => Letters(5)).ToArray();
        var registrarOf = new int[partyCount];
        var names = new List<int>[partyCount];
        for (var p = 0; p < partyCount; p++)
        {
            names[p] = [];
            // The two range parties were registrars themselves; the others spread over 28, the first ones busier.
            registrarOf[p] = p == a ? 0 : p == b ? 1 : 2 + (int)Math.Floor(28 * Math.Pow(_rng.NextDouble(), 2));
        }

        for (var n = 0; n < winner.Length; n++)
        {
            if (winner[n] >= 0)
            {
                names[winner[n]].Add(n);
            }
        }

        var hosting = Enumerable.Range(0, HostingSets).Select(_ => ServerSet(2)).ToArray();
        var (handles, admins, partySet, useHosting) = Contacts(names, registrarCodes, registrarOf, a, b);
        KeepHostingShared(useHosting, handles);
        var handleOfName = HandleOfName(names, handles, winner.Length);
        var registrantName = RegistrantNames(handles);
        var servers = Enumerable.Range(0, partyCount).Select(p => useHosting[p] >= 0 ? hosting[useHosting[p]] : partySet[p]).ToArray();
        var records = Records(winner, run, registrarOf, handles, admins, registrantName, handleOfName, servers);
        var truth = handles.SelectMany((hs, p) => hs.Select(h => new HandleTruth(h, p + 1)))
            .OrderBy(t => t.RegistrantHandle, StringComparer.Ordinal).ToArray();
        return (records, truth, [.. handles.Select(h => h.Length)], [.. registrarOf.Select(RegistrarName)]);
    }

    // Each party's registrant handles, the admin handle of each, its own name-server set, and the shared hosting set
    // it uses instead (-1: none). The draws are made party by party in this order: the seed's output depends on it.
    private (string[][] Handles, string[][] Admins, string[][] PartySet, int[] UseHosting) Contacts(
        List<int>[] names, string[] registrarCodes, int[] registrarOf, int a, int b)
    {
        var partyCount = names.Length;
        var handles = new string[partyCount][];
        var admins = new string[partyCount][]; // admin per handle
        var partySet = new string[partyCount][];
        var useHosting = new int[partyCount];
        for (var p = 0; p < partyCount; p++)
        {
            var code = registrarCodes[registrarOf[p]];
            var wanted = p == a ? 6 : p == b ? 4 : p is Nl2008Reconstruction.AreaCodeParty or Nl2008Reconstruction.C ? 2
                : _rng.NextDouble() switch { < 0.85 => 1, < 0.95 => 2, _ => 3 };
            var h = Math.Min(wanted, names[p].Count);
            handles[p] = [.. Enumerable.Range(0, h).Select(_ => Handle(code))];
            if (p == a)
            {
                var x = Handle(code);
                var y = Handle(code);
                admins[p] = [.. Enumerable.Range(0, h).Select(k => k < h / 2 ? x : y)];
            }
            else if (p == b || h == 1)
            {
                admins[p] = [.. Enumerable.Range(0, h).Select(_ => Handle(code))];
            }
            else
            {
                var shared = Handle(code);
                admins[p] = [.. Enumerable.Range(0, h).Select(_ => shared)];
            }

            partySet[p] = ServerSet(p == a || p == b ? 3 : 2);
            useHosting[p] = p != a && p != b && _rng.NextDouble() < 0.6 ? _rng.NextInt(HostingSets) : -1;
        }

        return (handles, admins, partySet, useHosting);
    }

    // A shared hosting set must look shared: if too few handles landed on one, its users keep their own sets.
    private static void KeepHostingShared(int[] useHosting, string[][] handles)
    {
        var partyCount = useHosting.Length;
        for (var s = 0; s < HostingSets; s++)
        {
            var users = Enumerable.Range(0, partyCount).Where(p => useHosting[p] == s).Sum(p => handles[p].Length);
            if (users <= MaxHandlesPerPartySet)
            {
                for (var p = 0; p < partyCount; p++)
                {
                    useHosting[p] = useHosting[p] == s ? -1 : useHosting[p];
                }
            }
        }
    }

    private int[] HandleOfName(List<int>[] names, string[][] handles, int nameCount)
    {
        var handleOfName = new int[nameCount];
        for (var p = 0; p < names.Length; p++)
        {
            // Every handle gets at least one name: the first h names in index order go one to each.
            for (var k = 0; k < names[p].Count; k++)
            {
                handleOfName[names[p][k]] = k < handles[p].Length ? k : _rng.NextInt(handles[p].Length);
            }
        }

        return handleOfName;
    }

    private Dictionary<string, string> RegistrantNames(string[][] handles)
    {
        // Registrant names are numbered in a shuffled order so that the number does not reveal the party.
        var allHandles = handles.SelectMany(x => x).ToArray();
        for (var i = allHandles.Length - 1; i > 0; i--)
        {
            var j = _rng.NextInt(i + 1);
            (allHandles[i], allHandles[j]) = (allHandles[j], allHandles[i]);
        }

        var registrantName = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < allHandles.Length; i++)
        {
            registrantName[allHandles[i]] = $"Registrant {(i + 1).ToString("000", CultureInfo.InvariantCulture)} (synthetic)";
        }

        return registrantName;
    }

    private RegistryRecord[] Records(int[] winner, AllocationOutcome run, int[] registrarOf, string[][] handles, string[][] admins,
        Dictionary<string, string> registrantName, int[] handleOfName, string[][] servers)
    {
        var records = new RegistryRecord[winner.Length];

        // The first 80% of registrations (by arrival) are dated the first day, the rest the second.
        var dayOneRanks = (int)(0.8 * run.RegisteredCount);
        for (var n = 0; n < winner.Length; n++)
        {
            var label = _space.NameAt(n);
            var fqdn = new DomainName(label, _tld);
            var p = winner[n];
            if (p < 0)
            {
                records[n] = new RegistryRecord(fqdn, DomainStatus.Free, Source: RecordSource.Reconstruction);
                continue;
            }

            var h = handleOfName[n];
            var created = run.RegistrationRank(n) < dayOneRanks ? Day1 : Day2;
            records[n] = new RegistryRecord(
                fqdn,
                DomainStatus.Active,
                Registrar: RegistrarName(registrarOf[p]),
                RegistrantHandle: handles[p][h],
                RegistrantName: registrantName[handles[p][h]],
                AdminHandle: admins[p][h],
                NameServers: servers[p],
                Created: created,
                Updated: created,
                Source: RecordSource.Reconstruction);
        }

        return records;
    }

    private static string RegistrarName(int r) => $"Registrar {(r + 1).ToString("00", CultureInfo.InvariantCulture)} (synthetic)";

    private string Handle(string registrarCode)
    {
        while (true)
        {
            var h = $"{Letters(3)}{_rng.NextInt(1_000_000).ToString("000000", CultureInfo.InvariantCulture)}-{registrarCode}";
            if (_usedHandles.Add(h))
            {
                return h;
            }
        }
    }

    private string[] ServerSet(int hosts)
    {
        string token;
        do
        {
            token = Letters(6).ToLowerInvariant();
        }
        while (!_usedTokens.Add(token));

        return [.. Enumerable.Range(1, hosts).Select(i => $"ns{i}.{token}.example").Order(StringComparer.Ordinal)];
    }

    private string Letters(int count)
    {
        var sb = new StringBuilder(count);
        for (var i = 0; i < count; i++)
        {
            sb.Append((char)('A' + _rng.NextInt(26)));
        }

        return sb.ToString();
    }
}
