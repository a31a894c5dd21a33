using System.Globalization;
using System.Text;
using Landrush.Core;
using Landrush.Core.Whois;
using Landrush.Reports;

namespace Landrush.Cli.Output;

/// <summary>How <c>whois</c> and <c>whois-parse</c> show a reply: aligned text for people (the JSON line for tools is Reports' <c>WhoisReplyJson</c>).</summary>
internal static class WhoisOutput
{
    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// One <c>key: value</c> line per known fact; absent facts are left out. Control characters in values
    /// (the server's text) are shown as <c>\xNN</c> so that no escape sequence reaches the terminal; the JSON
    /// lines (<c>Reports.Json.WhoisReplyJson</c>) need no such care, the serialiser escapes them.
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

        Line("class", Words.Reply(reply.Class));
        Line("domain", reply.Domain);
        Line("era", reply.Era == FormatEra.Unknown ? null : Words.Era(reply.Era));
        Line("retry after", reply.RetryAfter is { } r ? $"{r.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s" : null);
        Line("message", reply.Message);
        if (reply.Record is { } rec)
        {
            Line("status", rec.StatusText ?? Words.DomainState(rec.Status));
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
}
