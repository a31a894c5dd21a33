using System.Globalization;
using System.Text;
using System.Text.Json;
using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Core.Whois;

namespace Landrush.Cli.Output;

/// <summary>How <c>whois</c> and <c>whois-parse</c> show a reply: aligned text for people, one JSON object for tools.</summary>
internal static class WhoisOutput
{
    public static string ClassName(ReplyClass c) => c switch
    {
        ReplyClass.DailyLimit => "daily-limit",
        _ => c.ToString().ToLowerInvariant(),
    };

    public static string EraName(FormatEra e) => e switch
    {
        FormatEra.Indented2008 => "2008-indented",
        FormatEra.Flat2010s => "2010s-flat",
        _ => e.ToString().ToLowerInvariant(),
    };

    private static string StatusName(DomainStatus s) => s.ToString().ToLowerInvariant();

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// One <c>key: value</c> line per known fact; absent facts are left out. Control characters in values
    /// (the server's text) are shown as <c>\xNN</c> so that no escape sequence reaches the terminal; JSON
    /// output needs no such care, its writer escapes them.
    /// </summary>
    public static string Text(WhoisReply reply)
    {
        var sb = new StringBuilder();
        void Line(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                sb.Append(CultureInfo.InvariantCulture, $"{key + ":",-19}{Printable.Escape(value)}\n");
            }
        }

        Line("class", ClassName(reply.Class));
        Line("domain", reply.Domain);
        Line("era", reply.Era == FormatEra.Unknown ? null : EraName(reply.Era));
        Line("retry after", reply.RetryAfter is { } r ? $"{r.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s" : null);
        Line("message", reply.Message);
        if (reply.Record is { } rec)
        {
            Line("status", rec.StatusText ?? StatusName(rec.Status));
            Line("registrar", Party(rec.Registrar));
            Line("last registrar", Party(rec.LastRegistrar));
            Line("reseller", Party(rec.Reseller));
            Line("registrant", Contact(rec.Registrant));
            Line("admin", Contact(rec.Admin));
            Line("tech", rec.Tech.Count == 0 ? null : string.Join("; ", rec.Tech.Select(Contact)));
            foreach (var ns in rec.NameServers)
            {
                Line("name server", ns.ToString());
            }

            Line("dnssec", rec.Dnssec is { } d ? d ? "yes" : "no" : null);
            Line("created", rec.Created is { } c ? Date(c) : null);
            Line("updated", rec.Updated is { } u ? Date(u) : null);
            Line("out of quarantine", rec.OutOfQuarantine is { } q ? Date(q) : null);
            Line("abuse", rec.Abuse is { } a ? string.Join(", ", new[] { a.Phone, a.Email }.OfType<string>()) : null);
            Line("maintained by", rec.MaintainedBy);
            foreach (var f in rec.OtherFields)
            {
                Line("other", $"{f.Label}: {string.Join(" | ", f.Values)}");
            }
        }

        return sb.ToString();

        static string? Party(WhoisParty? p) => p is null ? null : string.Join(", ", p.AddressLines.Prepend(p.Name));

        static string? Contact(WhoisContact? c) =>
            c is null ? null : string.Join(" ", new[] { c.Handle, c.Name }.OfType<string>());
    }

    /// <summary>Writes the reply as the members of the current JSON object (the caller opens and closes it).</summary>
    public static void WriteMembers(Utf8JsonWriter w, WhoisReply reply)
    {
        w.WriteString("class", ClassName(reply.Class));
        w.WriteString("era", EraName(reply.Era));
        Str(w, "domain", reply.Domain);
        if (reply.RetryAfter is { } r)
        {
            w.WriteNumber("retryAfterSeconds", r.TotalSeconds);
        }

        Str(w, "message", reply.Message);
        if (reply.Record is not { } rec)
        {
            w.WriteNull("record");
            return;
        }

        w.WriteStartObject("record");
        w.WriteString("domain", rec.Domain);
        w.WriteString("status", StatusName(rec.Status));
        Str(w, "statusText", rec.StatusText);
        Party(w, "registrar", rec.Registrar);
        Party(w, "lastRegistrar", rec.LastRegistrar);
        Party(w, "reseller", rec.Reseller);
        Contact(w, "registrant", rec.Registrant);
        Contact(w, "admin", rec.Admin);
        w.WriteStartArray("tech");
        foreach (var t in rec.Tech)
        {
            Contact(w, null, t);
        }

        w.WriteEndArray();
        w.WriteStartArray("nameServers");
        foreach (var ns in rec.NameServers)
        {
            w.WriteStartObject();
            w.WriteString("host", ns.Host);
            Strings(w, "addresses", ns.Addresses.Select(a => a.ToString()));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (rec.Dnssec is { } d)
        {
            w.WriteBoolean("dnssec", d);
        }
        else
        {
            w.WriteNull("dnssec");
        }

        Str(w, "created", rec.Created is { } c ? Date(c) : null);
        Str(w, "updated", rec.Updated is { } u ? Date(u) : null);
        Str(w, "outOfQuarantine", rec.OutOfQuarantine is { } q ? Date(q) : null);
        if (rec.Abuse is { } a)
        {
            w.WriteStartObject("abuse");
            Str(w, "phone", a.Phone);
            Str(w, "email", a.Email);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("abuse");
        }

        Str(w, "maintainedBy", rec.MaintainedBy);
        w.WriteStartArray("otherFields");
        foreach (var f in rec.OtherFields)
        {
            w.WriteStartObject();
            w.WriteString("label", f.Label);
            Strings(w, "values", f.Values);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One JSON object on one line, built by <paramref name="members"/>.</summary>
    public static string JsonLine(Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            members(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Str(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void Party(Utf8JsonWriter w, string name, WhoisParty? p)
    {
        if (p is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("name", p.Name);
        Strings(w, "address", p.AddressLines);
        w.WriteEndObject();
    }

    private static void Contact(Utf8JsonWriter w, string? name, WhoisContact? c)
    {
        if (c is null)
        {
            if (name is not null)
            {
                w.WriteNull(name);
            }

            return;
        }

        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        Str(w, "handle", c.Handle);
        Str(w, "name", c.Name);
        Strings(w, "lines", c.Lines);
        w.WriteEndObject();
    }
}
