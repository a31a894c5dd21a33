using System.Globalization;
using System.Text;

namespace TwoFleets;

/// <summary>Writes ID.csv (dataset format v1), ID.truth.json and ID.lists.csv: UTF-8 without BOM, LF line ends.</summary>
internal static class Output
{
    public const string Generator = "TwoFleets";
    public const string Header =
        "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string dir, ulong seed, Landrush landrush)
    {
        Whole(Path.Combine(dir, landrush.Id + ".csv"), path => WriteDataset(path, seed, landrush));
        Whole(Path.Combine(dir, landrush.Id + ".lists.csv"), path => WriteLists(path, landrush));
        Whole(Path.Combine(dir, landrush.Id + ".truth.json"), path => File.WriteAllText(path, Truth(seed, landrush), Utf8));
    }

    // Written beside and renamed into place: a full disk or an interrupt leaves no half-written file under the real name.
    private static void Whole(string path, Action<string> write)
    {
        string temporary = path + ".partial";
        try
        {
            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static StreamWriter Open(string path) => new(path, append: false, Utf8, 1 << 16) { NewLine = "\n" };

    private static void WriteDataset(string path, ulong seed, Landrush landrush)
    {
        using StreamWriter w = Open(path);
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"#landrush-dataset v1 space={Space.Spec} tld={Space.Tld} provenance=synthetic-blind:{Generator}:seed={seed}"));
        w.WriteLine(Header);
        for (int i = 0; i < Space.Count; i++)
        {
            string label = Space.Labels[i];
            int who = landrush.Winner[i];
            if (who < 0)
            {
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}.{Space.Tld},{label.Length},free,,,,,,,,reconstruction,,"));
                continue;
            }
            Participant p = landrush.Participants[who];
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}.{Space.Tld},{label.Length},active,{p.Registrar},{p.Handle},{p.Name},{p.Admin},{p.NameServers},2008-02-28,2008-02-28,reconstruction,,"));
        }
    }

    private static void WriteLists(string path, Landrush landrush)
    {
        using StreamWriter w = Open(path);
        w.WriteLine("party,position,label");
        foreach (Participant p in landrush.Participants)
        {
            for (int k = 0; k < p.List.Length; k++)
            {
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Party},{k},{Space.Labels[p.List[k]]}"));
            }
        }
    }

    private static string Truth(ulong seed, Landrush l)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        string design = l.DesignMultiple is int m ? m.ToString(inv) : "null";
        sb.Append(inv, $"{{\"generator\": \"{Generator}\", \"seed\": {seed}, \"id\": \"{l.Id}\", \"space\": \"{Space.Spec}\", \"tld\": \"{Space.Tld}\",\n");
        sb.Append(inv, $" \"class\": \"{l.Class}\", \"design_multiple\": {design},\n");
        sb.Append(inv, $" \"typical_capacity\": {Number(l.Typical)}, \"registered\": {l.Registered},\n");
        sb.Append(" \"parties\": [\n");
        for (int k = 0; k < l.Participants.Count; k++)
        {
            Participant p = l.Participants[k];
            sb.Append(inv, $"  {{\"party\": \"{p.Party}\", \"registrant_handle\": \"{p.Handle}\", \"kind\": \"{p.Kind}\", ");
            sb.Append(inv, $"\"capacity\": {Number(p.Capacity)}, \"multiple\": {Number(p.Capacity / l.Typical)}, \"start\": {Number(p.Start)}, ");
            sb.Append(inv, $"\"requests\": {p.List.Length}, \"won\": {p.Won}, \"description\": \"{Describe(p)}\"}}");
            sb.Append(k + 1 < l.Participants.Count ? ",\n" : "\n");
        }
        sb.Append("]}\n");
        return sb.ToString();
    }

    private static string Describe(Participant p)
    {
        string pacing = p.Pacing switch
        {
            Pacing.Poisson => "Poisson stream",
            Pacing.Jittered => string.Create(CultureInfo.InvariantCulture, $"regular stream, jitter {p.Jitter:0.00}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"bursts of {p.Burst}"),
        };
        return p.Description + "; " + pacing;
    }

    /// <summary>Six decimals at most, always with a decimal point (1.0, 5.123457).</summary>
    private static string Number(double x) => Math.Round(x, 6).ToString("0.0#####", CultureInfo.InvariantCulture);
}
