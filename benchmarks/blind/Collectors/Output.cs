using System.Globalization;
using System.Text;

namespace Collectors;

/// <summary>Identities of the participants and the three files of a landrush.</summary>
internal static class Output
{
    public const string Generator = "Collectors";
    private const string Date = "2008-02-28";
    private const string Header =
        "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref";

    private static readonly string[] Syllables =
        ["van", "der", "berg", "ko", "ma", "lin", "de", "ven", "hof", "stra", "ter", "wijk", "bo", "ri", "sen", "dal",
         "mo", "ra", "kel", "ton", "vel", "aar", "es", "hu", "ni", "ga", "pe", "lo"];

    private static readonly string[] Suffixes =
        ["Holding", "B.V.", "Media", "Internet", "Beheer", "Domains", "Webdesign", "V.O.F.", "Consultancy", "Online", "Services"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Handles in the 2008 style ABC001234-XYZAB (suffix: the registrar's code), unique per participant across
    /// registrant and admin handles. Registrars are Zipf-popular, so most participants use a few big ones.
    /// Name servers: a participant's own pair, or one of up to four shared hosting pairs, each of which is given
    /// to ten or more of the participants that hold names (so a shared set is visibly shared hosting).
    /// </summary>
    public static void AssignIdentities(Landrush l, Rng rng)
    {
        var used = new HashSet<string>();
        string Unique(Func<string> make)
        {
            string s;
            do
            {
                s = make();
            }
            while (!used.Add(s));
            return s;
        }

        string Letters(int n) => new([.. Enumerable.Range(0, n).Select(_ => (char)('A' + rng.Next(26)))]);
        string Word(int syllables) => string.Concat(Enumerable.Range(0, syllables).Select(_ => rng.Pick(Syllables)));

        int registrarCount = rng.Between(12, 30);
        string[] codes = [.. Enumerable.Range(0, registrarCount).Select(_ => Unique(() => Letters(5)))];
        double[] popularity = [.. Enumerable.Range(0, registrarCount).Select(r => Math.Pow(r + 1, -1.2))];

        var sharers = new List<Participant>();
        foreach (Participant p in l.Parties)
        {
            int r = rng.PickWeighted(popularity);
            string code = codes[r];
            string Handle() => Letters(3) + rng.Next(1_000_000).ToString("D6", CultureInfo.InvariantCulture) + "-" + code;
            string handle = Unique(Handle);
            string admin = Unique(Handle);
            string word = Unique(() => Word(rng.Between(2, 3)));
            string name = char.ToUpperInvariant(word[0]) + word[1..] + " " + rng.Pick(Suffixes) + " (synthetic)";
            string slug = word + rng.Next(100).ToString("D2", CultureInfo.InvariantCulture);
            string registrar = string.Create(CultureInfo.InvariantCulture, $"Registrar {r + 1:D2} {code} (synthetic)");
            p.Who = new Identity(handle, name, admin, registrar, "ns1." + slug + ".example;ns2." + slug + ".example");
            if (p.Won > 0 && rng.Chance(p.Kind == Kind.Ordinary && !p.IsLarge ? 0.5 : 0.15))
            {
                sharers.Add(p);
            }
        }

        int sets = Math.Min(4, sharers.Count / 10);
        for (int i = 0; sets > 0 && i < sharers.Count; i++)
        {
            string host = "sharedhost" + ((i % sets) + 1).ToString(CultureInfo.InvariantCulture);
            sharers[i].Who = sharers[i].Who! with { NameServers = "ns1." + host + ".example;ns2." + host + ".example" };
        }
    }

    private static StreamWriter Open(string path) => new(path, false, Utf8) { NewLine = "\n" };

    public static void WriteDataset(Landrush l, string dir, ulong suiteSeed)
    {
        using StreamWriter w = Open(Path.Combine(dir, l.Id + ".csv"));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"#landrush-dataset v1 space={l.Space.Spec} tld=nl provenance=synthetic-blind:{Generator}:seed={suiteSeed}"));
        w.WriteLine(Header);
        for (int i = 0; i < l.Space.Size; i++)
        {
            string label = l.Space.Label(i);
            string head = label + ".nl," + label.Length.ToString(CultureInfo.InvariantCulture);
            if (l.Owner[i] < 0)
            {
                w.WriteLine(head + ",free,,,,,,,,reconstruction,,");
                continue;
            }

            Identity who = l.Parties[l.Owner[i]].Who!;
            w.WriteLine(head + ",active," + who.Registrar + "," + who.Handle + "," + who.Name + "," + who.Admin + ","
                + who.NameServers + "," + Date + "," + Date + ",reconstruction,,");
        }
    }

    public static void WriteLists(Landrush l, string dir)
    {
        using StreamWriter w = Open(Path.Combine(dir, l.Id + ".lists.csv"));
        w.WriteLine("party,position,label");
        foreach (Participant p in l.Parties)
        {
            for (int k = 0; k < p.List.Length; k++)
            {
                w.WriteLine(p.Id + "," + k.ToString(CultureInfo.InvariantCulture) + "," + l.Space.Label(p.List[k]));
            }
        }
    }

    private static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static string Str(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static void WriteTruth(Landrush l, string dir, ulong suiteSeed)
    {
        var sb = new StringBuilder();
        CultureInfo inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"{{\"generator\": {Str(Generator)}, \"seed\": {suiteSeed}, \"id\": {Str(l.Id)}, ");
        sb.Append(inv, $"\"space\": {Str(l.Space.Spec)}, \"tld\": \"nl\", \"class\": {Str(l.Class)}, ");
        sb.Append(inv, $"\"design_multiple\": {(l.DesignMultiple is int d ? d.ToString(inv) : "null")}, ");
        sb.Append(inv, $"\"typical_capacity\": {Num(l.Typical)}, \"registered\": {l.Registered}, ");
        sb.Append(inv, $"\"situation\": {Str(l.Situation)},\n \"parties\": [");
        for (int i = 0; i < l.Parties.Count; i++)
        {
            Participant p = l.Parties[i];
            sb.Append(i == 0 ? "\n  " : ",\n  ");
            sb.Append(inv, $"{{\"party\": {Str(p.Id)}, \"registrant_handle\": {Str(p.Who!.Handle)}, \"kind\": {Str(p.KindWord)}, ");
            sb.Append(inv, $"\"capacity\": {Num(p.Capacity)}, \"multiple\": {Num(l.Multiple(p))}, \"start\": {Num(p.Start)}, ");
            sb.Append(inv, $"\"requests\": {p.List.Length}, \"won\": {p.Won}, \"description\": {Str(p.Description)}}}");
        }

        sb.Append("\n]}\n");
        File.WriteAllText(Path.Combine(dir, l.Id + ".truth.json"), sb.ToString(), Utf8);
    }
}
