using System.Globalization;
using CsvHelper;
using Landrush.Core.Enumeration;

namespace Landrush.Core.Dataset;

/// <summary>Reads one row's fields by column position and validates each as the format says.</summary>
internal readonly struct RegistryRowReader(CsvParser csv, int[] index, string file, long line, DatasetNameCheck names)
{
    public int Length => ParseInt(RegistryColumns.Length, 1);

    public RegistryRecord ToRecord()
    {
        var name = Get(RegistryColumns.Name, 0);
        if (name.Length == 0)
        {
            throw Error(RegistryColumns.Name, "empty name");
        }

        // A name not written as a domain name is outside any space; one outside this space is found by the caller.
        if (!DomainName.TryParseCanonical(name, out var domain))
        {
            throw Error(RegistryColumns.Name, names.Outside(name));
        }

        var record = new RegistryRecord(
            Name: domain,
            Status: ParseEnum<DomainStatus>(RegistryColumns.Status, 2, "free, active, inactive, quarantine, unknown"),
            Registrar: Optional(3),
            RegistrantHandle: Optional(4),
            RegistrantName: Optional(5),
            AdminHandle: Optional(6),
            NameServers: ParseNameServers(),
            Created: ParseDate(RegistryColumns.Created, 8),
            Updated: ParseDate(RegistryColumns.Updated, 9),
            Source: ParseEnum<RecordSource>(RegistryColumns.Source, 10, "dns, whois, rdap, reconstruction"),
            FetchedAt: ParseInstant(RegistryColumns.FetchedAt, 11),
            RawRef: Optional(12));
        if (record.Status == DomainStatus.Free && RegistryCsv.FreeRowExtra(record) is { } column)
        {
            throw Error(column, $"a free name has no {column} (a free row holds only name, length, status, source, fetched_at and raw_ref)");
        }

        return record;
    }

    // Positions follow RegistryColumns.All; `index` maps each to the file's column.
    private string Get(string column, int position) => csv[index[position]];

    private string? Optional(int position)
    {
        var v = csv[index[position]];
        return v.Length == 0 ? null : v;
    }

    private UserInputException Error(string column, string message) => RegistryCsv.Error(file, line, column, message);

    private int ParseInt(string column, int position)
    {
        var v = Get(column, position);
        // Written as the writer writes it: digits, no sign, no leading zero ("01" is a shifted or edited file).
        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && v == n.ToString(CultureInfo.InvariantCulture)
            ? n
            : throw Error(column, $"not a whole number written plainly (digits, no leading zero): '{v}'");
    }

    private T ParseEnum<T>(string column, int position, string allowed)
        where T : struct, Enum
    {
        var v = Get(column, position);
        // Only the exact lower-case words are valid: numbers and other casings are corruption, not data.
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString().ToLowerInvariant(), v, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw Error(column, $"unknown value '{v}' (want one of {allowed})");
    }

    // Exactly the canonical form the writer produces: host names, lower case, no trailing dot, sorted
    // ordinally, no duplicates, joined by ';'. Anything else was not written by Landrush or was edited.
    private string[]? ParseNameServers()
    {
        const string column = RegistryColumns.NameServers;
        var v = Get(column, 7);
        if (v.Length == 0)
        {
            return null;
        }

        var hosts = v.Split(';');
        for (var i = 0; i < hosts.Length; i++)
        {
            var h = hosts[i];
            if (h.Length == 0)
            {
                throw Error(column, $"empty host name in '{v}' (hosts are joined by single ';', none at either end)");
            }

            if (h.EndsWith('.'))
            {
                throw Error(column, $"'{h}' has a trailing dot (written without one)");
            }

            if (h.AsSpan().ContainsAnyInRange('A', 'Z'))
            {
                throw Error(column, $"'{h}' is not lower case");
            }

            if (!HostName.IsCanonical(h))
            {
                throw Error(column, $"'{h}' is not a host name");
            }

            if (i > 0)
            {
                var order = string.CompareOrdinal(hosts[i - 1], h);
                if (order == 0)
                {
                    throw Error(column, $"'{h}' is listed twice");
                }

                if (order > 0)
                {
                    throw Error(column, $"'{hosts[i - 1]}' comes before '{h}': name servers are sorted ordinally");
                }
            }
        }

        return hosts;
    }

    private DateOnly? ParseDate(string column, int position)
    {
        var v = Get(column, position);
        if (v.Length == 0)
        {
            return null;
        }

        return DateOnly.TryParseExact(v, RegistryCsv.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw Error(column, $"malformed date '{v}' (want yyyy-MM-dd)");
    }

    private DateTimeOffset? ParseInstant(string column, int position)
    {
        var v = Get(column, position);
        if (v.Length == 0)
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(v, RegistryCsv.InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw Error(column, $"malformed time '{v}' (want UTC yyyy-MM-ddTHH:mm:ssZ)");
    }
}
