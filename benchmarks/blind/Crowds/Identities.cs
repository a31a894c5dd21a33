using System.Globalization;

namespace Crowds;

/// <summary>
/// What the registry shows about each holder. Registrant handle, registrant name and admin handle are unique per
/// participant; most participants use one of a few big registrars; a name-server set is either the participant's
/// own or one of four shared hosting sets, each kept only when ten or more holders in the dataset use it.
/// </summary>
internal static class Identities
{
    private const int Registrars = 14;
    private const int SharedSets = 4;
    private static readonly double[] SharedSetPopularity = [0.4, 0.3, 0.2, 0.1];

    public static void Assign(Rng rng, Landrush landrush)
    {
        // Registrar codes (the handle suffix) are fixed, not from the seed: the same registrars in every file.
        var codeRng = new Rng(0x5EC0DE5);
        string[] codes = [.. Enumerable.Range(0, Registrars).Select(_ => Letters(codeRng, 5))];
        double[] registrarWeights = [.. Enumerable.Range(1, Registrars).Select(r => Math.Pow(r, -1.1))];

        // Distinct six-digit numbers for all registrant and admin handles, four-digit ones for names.
        var used = new HashSet<int>();
        var names = new HashSet<int>();
        double sharedShare = rng.Uniform(0.2, 0.6);
        var sharedUsers = new List<Participant>[SharedSets];
        for (int s = 0; s < SharedSets; s++)
        {
            sharedUsers[s] = [];
        }

        foreach (Participant p in landrush.Participants)
        {
            int r = rng.Pick(registrarWeights);
            p.Registrar = string.Create(CultureInfo.InvariantCulture, $"Registrar {r + 1:D2} BV (synthetic)");
            int number = Distinct(rng, used, 100000, 999999);
            p.Handle = string.Create(CultureInfo.InvariantCulture, $"{Letters(rng, 3)}{number:D6}-{codes[r]}");
            p.AdminHandle = string.Create(CultureInfo.InvariantCulture, $"{Letters(rng, 3)}{Distinct(rng, used, 100000, 999999):D6}-{codes[r]}");
            p.HolderName = string.Create(CultureInfo.InvariantCulture, $"Holder {Distinct(rng, names, 1000, 9999)} (synthetic)");
            p.NameServers = string.Create(CultureInfo.InvariantCulture, $"ns1.h{number}.example;ns2.h{number}.example");
            if (rng.Chance(sharedShare) && p.Won > 0)
            {
                sharedUsers[rng.Pick(SharedSetPopularity)].Add(p);
            }
        }

        for (int s = 0; s < SharedSets; s++)
        {
            if (sharedUsers[s].Count >= 10)
            {
                foreach (Participant p in sharedUsers[s])
                {
                    p.NameServers = string.Create(CultureInfo.InvariantCulture, $"ns1.sharedhost{s + 1}.example;ns2.sharedhost{s + 1}.example");
                }
            }
        }
    }

    private static int Distinct(Rng rng, HashSet<int> used, int lo, int hi)
    {
        int v;
        do
        {
            v = rng.Int(lo, hi);
        }
        while (!used.Add(v));
        return v;
    }

    private static string Letters(Rng rng, int n) =>
        new([.. Enumerable.Range(0, n).Select(_ => (char)('A' + rng.Int(0, 25)))]);
}
