using System.Globalization;
using Landrush.Analysis.Parties;

namespace Landrush.Reports.Tables;

/// <summary>The party audit as CSV tables (<see cref="CsvTable"/>, invariant culture): parties, merges, shared-hosting sets, registrar fronts. Given <c>syntheticBecause</c> (the provenance of synthetic data), each table opens with <see cref="CsvTable.SyntheticLine"/>.</summary>
public static class PartyAuditCsv
{
    /// <summary>One row per party: index, label, registrant name, names held, share, identities and registrars (<c>;</c>-joined).</summary>
    public static void WriteParties(TextWriter writer, PartyAudit audit, string? syntheticBecause = null)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var total = audit.Parties.Sum(p => p.Holdings);
        Write(writer, ["party", "label", "registrant_name", "holdings", "share", "identities", "handles", "registrars", "merges"],
            audit.Parties.Select(p => new[]
            {
                Int(p.Index), p.Label, p.DisplayName ?? string.Empty, Int(p.Holdings),
                ((double)p.Holdings / total).ToString("R", CultureInfo.InvariantCulture), Int(p.Handles.Count),
                string.Join(';', p.Handles), string.Join(';', p.Registrars), Int(p.Merges.Count),
            }), syntheticBecause);
    }

    /// <summary>One row per merge: the party, the identity that joined, the one it joined, the field and the shared value.</summary>
    public static void WriteMerges(TextWriter writer, PartyAudit audit, string? syntheticBecause = null)
    {
        ArgumentNullException.ThrowIfNull(audit);
        Write(writer, ["party", "label", "handle", "joined_to", "field", "evidence"],
            audit.Parties.SelectMany(p => p.Merges.Select(m => new[]
            {
                Int(p.Index), p.Label, m.Handle, m.JoinedTo, Words.Field(m.Kind), m.Evidence,
            })), syntheticBecause);
    }

    /// <summary>One row per name-server set ignored as shared hosting.</summary>
    public static void WriteSharedHosting(TextWriter writer, PartyAudit audit, string? syntheticBecause = null)
    {
        ArgumentNullException.ThrowIfNull(audit);
        Write(writer, ["name_servers", "identities", "unrelated_groups", "threshold"],
            audit.SharedHostingSets.Select(s => new[] { s.NameServers, Int(s.Handles), Int(s.UnrelatedGroups), Int(audit.SharedHostingThreshold) }), syntheticBecause);
    }

    /// <summary>One row per (front, registrar).</summary>
    public static void WriteRegistrarFronts(TextWriter writer, PartyAudit audit, string? syntheticBecause = null)
    {
        ArgumentNullException.ThrowIfNull(audit);
        Write(writer, ["party", "registrar", "party_names", "registrar_names", "cross_registrar_merges"],
            audit.RegistrarFronts.SelectMany(f => f.Registrars.Select((r, i) => new[]
            {
                f.PartyLabel, r, Int(f.PartyNames[i]), Int(f.RegistrarNames[i]), Int(f.Evidence.Count),
            })), syntheticBecause);
    }

    internal static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? syntheticBecause) =>
        CsvTable.Write(writer, header, rows, syntheticBecause);

    private static string Int(int x) => x.ToString(CultureInfo.InvariantCulture);
}
