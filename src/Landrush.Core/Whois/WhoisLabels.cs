using Landrush.Core.Whois.Eras;

namespace Landrush.Core.Whois;

/// <summary>
/// Every label the reader knows, from the eras' label homes (<see cref="Era2008Labels"/>,
/// <see cref="Era2010sLabels"/>, <see cref="EraCurrentLabels"/>) plus spellings seen in the wild, each
/// mapped to what it stands for. Matched without case and with runs of spaces as one.
/// </summary>
internal static class WhoisLabels
{
    private static readonly Dictionary<string, LabelKind> Kinds = Build();

    public static LabelKind KindOf(string label)
    {
        var key = string.Join(' ', label.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return Kinds.TryGetValue(key, out var kind) ? kind : LabelKind.Other;
    }

    /// <summary>True for the labels that only the current era shows (its creation and update dates).</summary>
    public static bool IsCurrentEraLabel(string label) =>
        Is(label, EraCurrentLabels.CreationDate) || Is(label, EraCurrentLabels.UpdatedDate);

    private static bool Is(string label, string eraLabel) =>
        string.Equals(Key(eraLabel), string.Join(' ', label.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

    private static string Key(string eraLabel) => eraLabel.TrimEnd(':').ToLowerInvariant();

    private static Dictionary<string, LabelKind> Build()
    {
        var kinds = new Dictionary<string, LabelKind>(StringComparer.Ordinal);
        void Add(LabelKind kind, params string[] labels)
        {
            foreach (var l in labels)
            {
                kinds[Key(l)] = kind;
            }
        }

        Add(LabelKind.Domain, Era2008Labels.DomainName, Era2010sLabels.DomainName, "Domain");
        Add(LabelKind.Status, Era2008Labels.Status, Era2010sLabels.Status);
        Add(LabelKind.Registrant, Era2008Labels.Registrant);
        Add(LabelKind.Admin, Era2008Labels.AdministrativeContact, "Admin contact");
        Add(LabelKind.Tech, Era2008Labels.TechnicalContacts, "Technical contacts", "Technical contact", "Tech contact");
        Add(LabelKind.Registrar, Era2008Labels.Registrar, Era2010sLabels.Registrar);
        Add(LabelKind.LastRegistrar, Era2010sLabels.LastRegistrar);
        Add(LabelKind.Reseller, Era2010sLabels.Reseller);
        Add(LabelKind.Abuse, Era2010sLabels.AbuseContact);
        Add(LabelKind.Dnssec, Era2010sLabels.Dnssec);
        Add(LabelKind.NameServers, Era2008Labels.DomainNameservers, Era2010sLabels.DomainNameservers, "Domain name servers", "Nameservers", "Name servers");
        Add(LabelKind.Created, Era2008Labels.DateRegistered, EraCurrentLabels.CreationDate);
        Add(LabelKind.Updated, Era2008Labels.RecordLastUpdated, EraCurrentLabels.UpdatedDate);
        Add(LabelKind.OutOfQuarantine, Era2010sLabels.DateOutOfQuarantine);
        Add(LabelKind.MaintainedBy, Era2008Labels.RecordMaintainedBy, Era2010sLabels.RecordMaintained);
        return kinds;
    }
}
