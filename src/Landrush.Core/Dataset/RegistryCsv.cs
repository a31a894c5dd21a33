using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Landrush.Core.Dataset;

/// <summary>
/// Reads and writes registry datasets: a declaration line (<see cref="RegistryDatasetHeader"/>), a CSV
/// header with <see cref="RegistryColumns.All"/>, then one row per name. Writing then reading gives back
/// equal records. Reading (<see cref="RegistryDatasetReader"/>, which streams) validates every field and
/// reports the first problem as one line naming the file, line and column (<see cref="UserInputException"/>).
/// </summary>
public static class RegistryCsv
{
    internal const string DateFormat = "yyyy-MM-dd";

    // UTC with as many fraction digits as needed: exact round trip, stable text.
    internal const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    private static CsvConfiguration WriteConfig => new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        HasHeaderRecord = true,
        Mode = CsvMode.RFC4180,
    };

    /// <summary>Writes the declaration, the header and one row per record, in the order given.</summary>
    public static void Write(TextWriter writer, RegistryDatasetHeader header, IEnumerable<RegistryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(records);
        writer.Write(header.ToLine());
        writer.Write('\n');
        using var csv = new CsvWriter(writer, WriteConfig, leaveOpen: true);
        foreach (var column in RegistryColumns.All)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var r in records)
        {
            CheckWritable(r);
            csv.WriteField(r.Name.ToString());
            csv.WriteField(r.Length.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(StatusText(r.Status));
            csv.WriteField(r.Registrar ?? string.Empty);
            csv.WriteField(r.RegistrantHandle ?? string.Empty);
            csv.WriteField(r.RegistrantName ?? string.Empty);
            csv.WriteField(r.AdminHandle ?? string.Empty);
            csv.WriteField(string.Join(';', NormalizeNameServers(r.NameServerList)));
            csv.WriteField(r.Created?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(r.Updated?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(SourceText(r.Source));
            csv.WriteField(r.FetchedAt?.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(r.RawRef ?? string.Empty);
            csv.NextRecord();
        }

        csv.Flush();
    }

    /// <summary>
    /// Reads a whole dataset into memory from bytes (strict UTF-8, see <see cref="RegistryDatasetReader"/>);
    /// <paramref name="file"/> names the source in error messages. The caller opens and closes the stream
    /// (Core does no file I/O). For large files use <see cref="RegistryDatasetReader"/>, which streams.
    /// </summary>
    public static RegistryDataset Read(Stream stream, string file)
    {
        using var reader = RegistryDatasetReader.Open(stream, file);
        return new RegistryDataset(reader.Header, [.. reader.ReadAll()]);
    }

    /// <summary>Reads a whole dataset from text; <paramref name="file"/> names the source in error messages.</summary>
    public static RegistryDataset Read(TextReader reader, string file)
    {
        using var rows = RegistryDatasetReader.Open(reader, file);
        return new RegistryDataset(rows.Header, [.. rows.ReadAll()]);
    }

    // Every text field is one line of printable text, and a free name has no registration details; the
    // reader refuses anything else, so the writer must too.
    private static void CheckWritable(RegistryRecord r)
    {
        foreach (var value in new[] { r.Name.ToString(), r.Registrar, r.RegistrantHandle, r.RegistrantName, r.AdminHandle, r.RawRef }
                     .Concat(r.NameServerList))
        {
            if (value is not null && value.AsSpan().IndexOfAnyInRange('\u0000', '\u001f') >= 0)
            {
                throw new ArgumentException($"record {r.Name}: a field contains a line break or control character, which the dataset format does not allow");
            }
        }

        if (r.Status == DomainStatus.Free && FreeRowExtra(r) is { } column)
        {
            throw new ArgumentException($"record {r.Name}: a free name has no {column}");
        }
    }

    /// <summary>The first registration detail a free row must not have, or null.</summary>
    internal static string? FreeRowExtra(RegistryRecord r) =>
        r.Registrar is not null ? RegistryColumns.Registrar
        : r.RegistrantHandle is not null ? RegistryColumns.RegistrantHandle
        : r.RegistrantName is not null ? RegistryColumns.RegistrantName
        : r.AdminHandle is not null ? RegistryColumns.AdminHandle
        : r.NameServerList.Count > 0 ? RegistryColumns.NameServers
        : r.Created is not null ? RegistryColumns.Created
        : r.Updated is not null ? RegistryColumns.Updated
        : null;

    public static string StatusText(DomainStatus status) => status.ToString().ToLowerInvariant();

    public static string SourceText(RecordSource source) => source.ToString().ToLowerInvariant();

    /// <summary>Lower case, no trailing dot, no duplicates, ordinal order: the one canonical form.</summary>
    public static IReadOnlyList<string> NormalizeNameServers(IEnumerable<string> hosts) =>
        [.. hosts.Select(h => h.Trim().TrimEnd('.').ToLowerInvariant()).Where(h => h.Length > 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    internal static UserInputException Error(string file, long line, string? column, string message, Exception? inner = null)
    {
        var where = column is null ? $"{file}:{line}" : $"{file}:{line}: column '{column}'";
        var text = $"{where}: {message}";
        return inner is null ? new UserInputException(text) : new UserInputException(text, inner);
    }
}
