namespace Landrush.Core.Dataset;

/// <summary>
/// Compares what two rows say about a name (status, registrar, contacts, name servers, dates), leaving out how
/// the row was obtained (source, fetch time, evidence reference): a harvest is right when its facts equal the
/// registry's, whenever and however it asked.
/// </summary>
public static class RecordFacts
{
    /// <summary>The names of the fact columns on which <paramref name="a"/> and <paramref name="b"/> differ; empty when they agree.</summary>
    public static IReadOnlyList<string> Differences(RegistryRecord a, RegistryRecord b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var differing = new List<string>();
        Check(differing, "name", a.Name == b.Name);
        Check(differing, "status", a.Status == b.Status);
        Check(differing, "registrar", string.Equals(a.Registrar, b.Registrar, StringComparison.Ordinal));
        Check(differing, "registrant_handle", string.Equals(a.RegistrantHandle, b.RegistrantHandle, StringComparison.Ordinal));
        Check(differing, "registrant_name", string.Equals(a.RegistrantName, b.RegistrantName, StringComparison.Ordinal));
        Check(differing, "admin_handle", string.Equals(a.AdminHandle, b.AdminHandle, StringComparison.Ordinal));
        Check(differing, "name_servers", (a.NameServers ?? []).SequenceEqual(b.NameServers ?? [], StringComparer.Ordinal));
        Check(differing, "created", a.Created == b.Created);
        Check(differing, "updated", a.Updated == b.Updated);
        return differing;
    }

    private static void Check(List<string> differing, string column, bool same)
    {
        if (!same)
        {
            differing.Add(column);
        }
    }
}
