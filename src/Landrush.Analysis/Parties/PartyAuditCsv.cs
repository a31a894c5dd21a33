using System.Globalization;
using CsvHelper;

namespace Landrush.Analysis.Parties;

/// <summary>The party audit as CSV tables (RFC 4180, invariant culture): parties, merges, shared-hosting sets, registrar fronts.</summary>
public static class PartyAuditCsv
{
    /// <summary>One row per party: index, label, registrant name, names held, share, identities and registrars (<c>;</c>-joined).</summary>
    public static void WriteParties(TextWriter writer, PartyAudit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var total = audit.Parties.Sum(p => p.Holdings);
        Write(writer, ["party", "label", "registrant_name", "holdings", "share", "identities", "handles", "registrars", "merges"],
            audit.Parties.Select(p => new[]
            {
                Int(p.Index), p.Label, p.DisplayName ?? string.Empty, Int(p.Holdings),
                ((double)p.Holdings / total).ToString("R", CultureInfo.InvariantCulture), Int(p.Handles.Count),
                string.Join(';', p.Handles), string.Join(';', p.Registrars), Int(p.Merges.Count),
            }));
    }

    /// <summary>One row per merge: the party, the identity that joined, the one it joined, the field and the shared value.</summary>
    public static void WriteMerges(TextWriter writer, PartyAudit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        Write(writer, ["party", "label", "handle", "joined_to", "field", "evidence"],
            audit.Parties.SelectMany(p => p.Merges.Select(m => new[]
            {
                Int(p.Index), p.Label, m.Handle, m.JoinedTo, FieldText(m.Kind), m.Evidence,
            })));
    }

    /// <summary>One row per name-server set ignored as shared hosting.</summary>
    public static void WriteSharedHosting(TextWriter writer, PartyAudit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        Write(writer, ["name_servers", "identities", "unrelated_groups", "threshold"],
            audit.SharedHostingSets.Select(s => new[] { s.NameServers, Int(s.Handles), Int(s.UnrelatedGroups), Int(audit.SharedHostingThreshold) }));
    }

    /// <summary>One row per (front, registrar).</summary>
    public static void WriteRegistrarFronts(TextWriter writer, PartyAudit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        Write(writer, ["party", "registrar", "party_names", "registrar_names", "cross_registrar_merges"],
            audit.RegistrarFronts.SelectMany(f => f.Registrars.Select((r, i) => new[]
            {
                f.PartyLabel, r, Int(f.PartyNames[i]), Int(f.RegistrarNames[i]), Int(f.Evidence.Count),
            })));
    }

    /// <summary>The field name a merge is written with: <c>admin_handle</c>, <c>registrant_name</c> or <c>name_servers</c>.</summary>
    public static string FieldText(PartyLinkKind kind) => kind switch
    {
        PartyLinkKind.AdminHandle => "admin_handle",
        PartyLinkKind.RegistrantName => "registrant_name",
        _ => "name_servers",
    };

    internal static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var h in header)
        {
            csv.WriteField(h);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in row)
            {
                csv.WriteField(field);
            }

            csv.NextRecord();
        }

        csv.Flush();
    }

    private static string Int(int x) => x.ToString(CultureInfo.InvariantCulture);
}
