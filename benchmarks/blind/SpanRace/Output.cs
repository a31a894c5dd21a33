using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SpanRace;

/// <summary>Writes a landrush's three files: the dataset (registry format v1), the truth and the lists. UTF-8
/// without a byte-order mark, LF line ends, invariant culture throughout, so a seed gives the same bytes.</summary>
internal static class Output
{
    public const string Generator = "SpanRace";
    public const string Header = "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref";
    private const string Created = "2008-02-28";
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string dir, ulong seed, Plan plan, int[] holder)
    {
        WriteDataset(Path.Combine(dir, plan.Id + ".csv"), seed, plan, holder);
        WriteTruth(Path.Combine(dir, plan.Id + ".truth.json"), seed, plan, holder);
        WriteLists(Path.Combine(dir, plan.Id + ".lists.csv"), plan);
    }

    private static void WriteDataset(string path, ulong seed, Plan plan, int[] holder)
    {
        var sb = new StringBuilder(4_000_000);
        sb.Append(CultureInfo.InvariantCulture,
            $"#landrush-dataset v1 space={Space.Spec} tld={Space.Tld} provenance=synthetic-blind:{Generator}:seed={seed}\n");
        sb.Append(Header).Append('\n');
        for (int i = 0; i < Space.Count; i++)
        {
            string label = Space.Labels[i];
            sb.Append(label).Append('.').Append(Space.Tld).Append(',');
            sb.Append(label.Length.ToString(CultureInfo.InvariantCulture)).Append(',');
            if (holder[i] < 0)
            {
                // A free name has no registrar, holder, name servers or dates; its source says it is synthetic.
                sb.Append("free,,,,,,,,reconstruction,,\n");
                continue;
            }
            Participant p = plan.Parties[holder[i]];
            sb.Append("active,").Append(p.Registrar).Append(',').Append(p.Handle).Append(',').Append(p.RegistrantName)
                .Append(',').Append(p.AdminHandle).Append(',').Append(p.NameServers).Append(',').Append(Created)
                .Append(',').Append(Created).Append(",reconstruction,,\n");
        }
        File.WriteAllText(path, sb.ToString(), s_utf8);
    }

    private static void WriteTruth(string path, ulong seed, Plan plan, int[] holder)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("generator", Generator);
            json.WriteNumber("seed", seed);
            json.WriteString("id", plan.Id);
            json.WriteString("space", Space.Spec);
            json.WriteString("tld", Space.Tld);
            json.WriteString("class", plan.Class);
            if (plan.DesignMultiple is int m)
            {
                json.WriteNumber("design_multiple", m);
            }
            else
            {
                json.WriteNull("design_multiple");
            }
            json.WriteNumber("typical_capacity", plan.Typical);
            json.WriteNumber("registered", holder.Count(h => h >= 0));
            json.WriteString("scenario", plan.Scenario);
            json.WriteStartArray("parties");
            foreach (Participant p in plan.Parties)
            {
                json.WriteStartObject();
                json.WriteString("party", p.Id);
                json.WriteString("registrant_handle", p.Handle);
                json.WriteString("kind", p.Kind);
                json.WriteNumber("capacity", p.Capacity);
                json.WriteNumber("multiple", p.Multiple);
                json.WriteNumber("start", p.Start);
                json.WriteNumber("requests", p.List.Count);
                json.WriteNumber("won", p.Won);
                json.WriteString("stream", p.Regular ? "regular, jitter 20%" : "poisson");
                json.WriteString("description", p.Description);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        File.WriteAllBytes(path, stream.ToArray());
    }

    private static void WriteLists(string path, Plan plan)
    {
        var sb = new StringBuilder(1_000_000);
        sb.Append("party,position,label\n");
        foreach (Participant p in plan.Parties)
        {
            for (int k = 0; k < p.List.Count; k++)
            {
                sb.Append(p.Id).Append(',').Append(k.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(Space.Labels[p.List[k]]).Append('\n');
            }
        }
        File.WriteAllText(path, sb.ToString(), s_utf8);
    }
}
