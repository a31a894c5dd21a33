using System.Globalization;

namespace SpanRace;

/// <summary>
/// Who each participant is in the registry: one registrant handle, registrant name and admin handle of its own
/// (2008 style ABC001234-XYZAB, the suffix the registrar's code); a registrar, most participants using one of a
/// few big ones; and a name-server set, its own or a shared hosting set. A shared set is kept only if ten or more
/// participants that appear in the dataset use it; otherwise its users fall back to their own sets.
/// </summary>
internal static class Identity
{
    private const int Registrars = 12;
    private const int HostingSets = 4;
    private const int MinSharedUsers = 10;

    /// <summary>Market shares of the synthetic registrars: a few big ones, a tail of small ones.</summary>
    private static readonly double[] s_registrarShare = [30, 22, 15, 10, 6, 5, 4, 3, 2, 1.5, 1, 0.5];

    public static void Assign(Rng rng, IReadOnlyList<Participant> parties)
    {
        var codes = new List<string>();
        while (codes.Count < Registrars)
        {
            string code = Letters(rng, 5);
            if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }
        // Registrant and admin handles draw distinct numbers from one pool, so no two of them are equal.
        var used = new HashSet<int>();
        int Number()
        {
            int n;
            do
            {
                n = rng.Between(1, 999_999);
            }
            while (!used.Add(n));
            return n;
        }

        var hosting = new int[parties.Count];
        for (int i = 0; i < parties.Count; i++)
        {
            Participant p = parties[i];
            int r = rng.Weighted(s_registrarShare);
            string code = codes[r];
            int number = Number();
            p.Registrar = string.Create(CultureInfo.InvariantCulture, $"Registrar {r + 1:D2} (synthetic)");
            p.Handle = string.Create(CultureInfo.InvariantCulture, $"{Letters(rng, 3)}{number:D6}-{code}");
            p.AdminHandle = string.Create(CultureInfo.InvariantCulture, $"{Letters(rng, 3)}{Number():D6}-{code}");
            p.RegistrantName = string.Create(CultureInfo.InvariantCulture, $"Registrant {number:D6} (synthetic)");
            p.NameServers = string.Create(CultureInfo.InvariantCulture, $"ns1.h{number:D6}.example;ns2.h{number:D6}.example");
            // Range parties run their own name servers; six in ten of the others use a hosting company's.
            hosting[i] = p.Kind != "range" && rng.Chance(0.6) ? 1 + rng.Below(HostingSets) : 0;
        }
        for (int set = 1; set <= HostingSets; set++)
        {
            int users = Enumerable.Range(0, parties.Count).Count(i => hosting[i] == set && parties[i].Won > 0);
            if (users < MinSharedUsers)
            {
                continue;
            }
            string name = ((char)('a' + set - 1)).ToString();
            for (int i = 0; i < parties.Count; i++)
            {
                if (hosting[i] == set)
                {
                    parties[i].NameServers = $"ns1.hosting-{name}.example;ns2.hosting-{name}.example";
                }
            }
        }
    }

    private static string Letters(Rng rng, int count)
    {
        var chars = new char[count];
        for (int i = 0; i < count; i++)
        {
            chars[i] = (char)('A' + rng.Below(26));
        }
        return new string(chars);
    }
}
