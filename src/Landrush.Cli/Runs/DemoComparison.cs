using System.Globalization;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;

namespace Landrush.Cli.Runs;

/// <summary>
/// Checks a demo's harvest against what the simulator served, name by name. A served row must come back with every fact
/// (status, registrar, handles, registrant, name servers, dates); a name of the space without a row is free to the
/// simulator (NXDOMAIN, "is free"), so the harvest must find it free. A partial dataset (one row of a space) is compared
/// like a whole one.
/// </summary>
internal static class DemoComparison
{
    /// <summary>Null when the harvest agrees on every name; otherwise how many names differ and the first.</summary>
    public static string? Differences(RegistryDataset served, RegistryDataset harvested)
    {
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(harvested);
        var rows = served.Records.ToDictionary(r => r.Name);
        var seen = new HashSet<DomainName>();
        var differing = 0;
        string? first = null;
        void Differ(DomainName name, string what)
        {
            differing++;
            first ??= $"{name} ({what})";
        }

        foreach (var got in harvested.Records)
        {
            seen.Add(got.Name);
            if (rows.TryGetValue(got.Name, out var row))
            {
                if (RecordFacts.Differences(row, got) is { Count: > 0 } fields)
                {
                    Differ(got.Name, string.Join(", ", fields));
                }
            }
            else if (got.Status != DomainStatus.Free)
            {
                Differ(got.Name, $"{RegistryCsv.StatusText(got.Status)} where nothing is served");
            }
        }

        foreach (var row in served.Records.Where(r => !seen.Contains(r.Name)))
        {
            Differ(row.Name, "missing from the harvest");
        }

        return differing == 0 ? null : string.Create(CultureInfo.InvariantCulture,
            $"the harvest differs from the served dataset on {differing:N0} name{(differing == 1 ? "" : "s")} (first: {first})");
    }

    /// <summary>What an agreeing harvest is said to agree on.</summary>
    public static string Agreement(RegistryDataset served, RegistryDataset harvested)
    {
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(harvested);
        var inv = CultureInfo.InvariantCulture;
        var unserved = harvested.Records.Count - served.Records.Count;
        return unserved <= 0
            ? string.Create(inv, $"demo: the exported dataset equals the served one on every fact of all {harvested.Records.Count:N0} names")
            : string.Create(inv, $"demo: the exported dataset equals the served one on every fact of its {served.Records.Count:N0} row{(served.Records.Count == 1 ? "" : "s")}, and finds free the {unserved:N0} names it has no row for, as served");
    }
}
