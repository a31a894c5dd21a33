using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Crowds;

/// <summary>Writes a landrush's three files: the dataset (format v1), the truth and the participants' lists.</summary>
internal static class Output
{
    public const string Generator = "Crowds";
    public const string Header =
        "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref";

    private const string Created = "2008-02-28";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Declaration(ulong seed) => string.Create(
        CultureInfo.InvariantCulture,
        $"#landrush-dataset v1 space={Space.Spec} tld={Space.Tld} provenance=synthetic-blind:{Generator}:seed={seed}");

    public static void Write(string dir, ulong seed, Landrush landrush)
    {
        WriteDataset(Path.Combine(dir, landrush.Id + ".csv"), seed, landrush);
        WriteTruth(Path.Combine(dir, landrush.Id + ".truth.json"), seed, landrush);
        WriteLists(Path.Combine(dir, landrush.Id + ".lists.csv"), landrush);
    }

    private static StreamWriter Open(string path) => new(path, append: false, Utf8) { NewLine = "\n" };

    /// <summary>One row per name of the space in its order; free names with empty fields.</summary>
    private static void WriteDataset(string path, ulong seed, Landrush landrush)
    {
        using StreamWriter w = Open(path);
        w.WriteLine(Declaration(seed));
        w.WriteLine(Header);
        for (int i = 0; i < Space.Count; i++)
        {
            string label = Space.Label(i);
            w.Write(label);
            w.Write('.');
            w.Write(Space.Tld);
            w.Write(',');
            w.Write(label.Length.ToString(CultureInfo.InvariantCulture));
            int h = landrush.Holder[i];
            if (h < 0)
            {
                w.WriteLine(",free,,,,,,,,reconstruction,,");
                continue;
            }

            Participant p = landrush.Participants[h];
            w.WriteLine($",active,{p.Registrar},{p.Handle},{p.HolderName},{p.AdminHandle},{p.NameServers},{Created},{Created},reconstruction,,");
        }
    }

    private static void WriteTruth(string path, ulong seed, Landrush landrush)
    {
        using FileStream stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep '+' and '×' readable
        });
        w.WriteStartObject();
        w.WriteString("generator", Generator);
        w.WriteNumber("seed", seed);
        w.WriteString("id", landrush.Id);
        w.WriteString("space", Space.Spec);
        w.WriteString("tld", Space.Tld);
        w.WriteString("class", landrush.Class);
        if (landrush.DesignMultiple is int m)
        {
            w.WriteNumber("design_multiple", m);
        }
        else
        {
            w.WriteNull("design_multiple");
        }

        w.WriteNumber("typical_capacity", Math.Round(landrush.TypicalCapacity, 6));
        w.WriteNumber("registered", landrush.Holder.Count(h => h >= 0));
        w.WriteStartArray("parties");
        foreach (Participant p in landrush.Participants)
        {
            w.WriteStartObject();
            w.WriteString("party", p.Id);
            w.WriteString("registrant_handle", p.Handle);
            w.WriteString("kind", p.Kind);
            w.WriteNumber("capacity", p.Capacity);
            w.WriteNumber("multiple", p.Multiple);
            w.WriteNumber("start", p.Start);
            w.WriteNumber("requests", p.List.Length);
            w.WriteNumber("won", p.Won);
            w.WriteString("description", $"{p.Description}; sends {Sending(p)}");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static string Sending(Participant p) => p.Sending switch
    {
        Crowds.Sending.Poisson => "as a Poisson stream",
        Crowds.Sending.Jittered => "at jittered regular intervals",
        Crowds.Sending.Regular => "at regular intervals",
        _ => string.Create(CultureInfo.InvariantCulture, $"in bursts of {p.BurstSize}"),
    };

    private static void WriteLists(string path, Landrush landrush)
    {
        using StreamWriter w = Open(path);
        w.WriteLine("party,position,label");
        foreach (Participant p in landrush.Participants)
        {
            for (int k = 0; k < p.List.Length; k++)
            {
                w.Write(p.Id);
                w.Write(',');
                w.Write(k.ToString(CultureInfo.InvariantCulture));
                w.Write(',');
                w.WriteLine(Space.Label(p.List[k]));
            }
        }
    }
}
