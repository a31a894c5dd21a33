using System.Collections;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Landrush.Core.Dataset;

/// <summary>
/// Reads and writes registry datasets: a declaration line (<see cref="RegistryDatasetHeader"/>), a CSV
/// header with <see cref="RegistryColumns.All"/>, then one row per name. Writing then reading gives back
/// equal records. Reading validates every field and reports the first problem as one line naming the
/// file, line and column (<see cref="UserInputException"/>): an unknown or missing column, a duplicate
/// name, a name outside the declared space, a malformed date, status or source.
/// </summary>
public static class RegistryCsv
{
    private const string DateFormat = "yyyy-MM-dd";

    // UTC with as many fraction digits as needed: exact round trip, stable text.
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    // Strict: a file that is not valid UTF-8 is reported, not read with replacement characters.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static CsvConfiguration WriteConfig => new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        HasHeaderRecord = true,
        Mode = CsvMode.RFC4180,
    };

    // Reading accepts LF or CRLF line ends (a file saved on Windows is not corrupt).
    private static CsvConfiguration ReadConfig => new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = true,
        DetectColumnCountChanges = false,
        // Malformed quoting is an error to report, not data to guess at.
        BadDataFound = args => throw new MalformedCsvException(args.Field),
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
            csv.WriteField(r.Name);
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
    /// Reads a whole dataset from bytes, decoded as strict UTF-8 (an invalid byte is an error, not a
    /// replacement character); <paramref name="file"/> names the source in error messages. The caller
    /// opens and closes the stream (Core does no file I/O).
    /// </summary>
    public static RegistryDataset Read(Stream stream, string file)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Read(reader, file);
    }

    /// <summary>Reads a dataset; <paramref name="file"/> names the source in error messages.</summary>
    public static RegistryDataset Read(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = RegistryDatasetHeader.Parse(ReadDeclaration(reader, file), file);
        var records = new List<RegistryRecord>();
        var seen = new BitArray(checked((int)header.Space.Count));
        var suffix = "." + header.Tld;
        using var csv = new CsvParser(reader, ReadConfig);

        // Physical line numbers: the declaration is line 1, the CSV header line 2.
        var columns = ReadHeader(csv, file);
        while (true)
        {
            // A record starts on the line after the previous one ended (fields may span lines).
            var line = csv.RawRow + 2;
            if (!ReadRow(csv, file, line))
            {
                break;
            }

            if (csv.Count != columns.Length)
            {
                throw Error(file, line, null, $"has {csv.Count} fields, the header has {columns.Length}");
            }

            var row = new RowReader(csv, columns, file, line);
            var record = row.ToRecord();
            var name = record.Name;
            var label = name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : null;
            var index = label is null ? -1 : header.Space.IndexOf(label);
            if (index < 0)
            {
                throw Error(file, line, RegistryColumns.Name, $"'{name}' is outside the declared space {header.Space.Spec} under .{header.Tld}");
            }

            if (seen[(int)index])
            {
                throw Error(file, line, RegistryColumns.Name, $"duplicate name '{name}'");
            }

            seen[(int)index] = true;
            if (row.Length != record.Length)
            {
                throw Error(file, line, RegistryColumns.Length, $"length {row.Length} does not match name '{name}'");
            }

            records.Add(record);
        }

        return new RegistryDataset(header, records);
    }

    private static string[] ReadHeader(CsvParser csv, string file)
    {
        if (!ReadRow(csv, file, 2))
        {
            throw Error(file, 2, null, "missing the CSV header line");
        }

        var columns = csv.Record ?? [];
        var known = new HashSet<string>(RegistryColumns.All, StringComparer.Ordinal);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in columns)
        {
            if (!known.Contains(c))
            {
                throw Error(file, 2, c, "unknown column (known: " + string.Join(", ", RegistryColumns.All) + ")");
            }

            if (!present.Add(c))
            {
                throw Error(file, 2, c, "column appears twice");
            }
        }

        var missing = RegistryColumns.All.FirstOrDefault(c => !present.Contains(c));
        if (missing is not null)
        {
            throw Error(file, 2, missing, "required column is missing");
        }

        return columns;
    }

    private static string? ReadDeclaration(TextReader reader, string file)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (DecoderFallbackException ex)
        {
            throw Error(file, 1, null, "not valid UTF-8", ex);
        }
    }

    private static bool ReadRow(CsvParser csv, string file, long line)
    {
        try
        {
            if (!csv.Read())
            {
                return false;
            }

            // Fields are parsed when first read, so reading them all here surfaces bad quoting on this row.
            for (var i = 0; i < csv.Count; i++)
            {
                CheckField(csv[i], i, file, line);
            }

            return true;
        }
        catch (MalformedCsvException ex)
        {
            throw Error(file, line, null, $"malformed quoting near '{Shorten(ex.Field)}' (a quote inside a field must be doubled, and a quoted field must end with a quote)", ex);
        }
        catch (CsvHelperException ex)
        {
            throw Error(file, line, null, "malformed CSV (unbalanced quotes or bad field)", ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw Error(file, line, null, "not valid UTF-8", ex);
        }
    }

    // No field of the format holds a line break or other control character: one found means a quote was
    // left open and has swallowed the rows after it.
    private static void CheckField(string field, int index, string file, long line)
    {
        var bad = field.AsSpan().IndexOfAnyInRange('\u0000', '\u001f');
        if (bad >= 0)
        {
            var what = field[bad] is '\r' or '\n' ? "a line break" : $"control character U+{(int)field[bad]:X4}";
            throw Error(file, line, null, $"field {index + 1} contains {what}: probably an unclosed quote (rows after it would be lost)");
        }
    }

    // An excerpt for a one-line message: control characters shown as escapes.
    private static string Shorten(string field)
    {
        var excerpt = field.Length <= 30 ? field : field[..30] + "…";
        return excerpt.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    // Every text field is one line of printable text; the reader refuses anything else, so the writer must too.
    private static void CheckWritable(RegistryRecord r)
    {
        foreach (var value in new[] { r.Name, r.Registrar, r.RegistrantHandle, r.RegistrantName, r.AdminHandle, r.RawRef }
                     .Concat(r.NameServerList))
        {
            if (value is not null && value.AsSpan().IndexOfAnyInRange('\u0000', '\u001f') >= 0)
            {
                throw new ArgumentException($"record {r.Name}: a field contains a line break or control character, which the dataset format does not allow");
            }
        }
    }

    private sealed class MalformedCsvException(string field) : Exception
    {
        public string Field { get; } = field;
    }

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

    /// <summary>Reads one row's fields by column name and validates each.</summary>
    private readonly struct RowReader(CsvParser csv, string[] columns, string file, long line)
    {
        public int Length => ParseInt(RegistryColumns.Length);

        public RegistryRecord ToRecord()
        {
            var name = Get(RegistryColumns.Name);
            if (name.Length == 0)
            {
                throw Error(file, line, RegistryColumns.Name, "empty name");
            }

            var servers = Get(RegistryColumns.NameServers);
            return new RegistryRecord(
                Name: name,
                Status: ParseEnum<DomainStatus>(RegistryColumns.Status, "free, active, inactive, quarantine, unknown"),
                Registrar: Optional(RegistryColumns.Registrar),
                RegistrantHandle: Optional(RegistryColumns.RegistrantHandle),
                RegistrantName: Optional(RegistryColumns.RegistrantName),
                AdminHandle: Optional(RegistryColumns.AdminHandle),
                NameServers: servers.Length == 0 ? null : NormalizeNameServers(servers.Split(';')),
                Created: ParseDate(RegistryColumns.Created),
                Updated: ParseDate(RegistryColumns.Updated),
                Source: ParseEnum<RecordSource>(RegistryColumns.Source, "dns, whois, rdap, reconstruction"),
                FetchedAt: ParseInstant(RegistryColumns.FetchedAt),
                RawRef: Optional(RegistryColumns.RawRef));
        }

        private string Get(string column) => csv[Array.IndexOf(columns, column)];

        private string? Optional(string column)
        {
            var v = Get(column);
            return v.Length == 0 ? null : v;
        }

        private int ParseInt(string column) =>
            int.TryParse(Get(column), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw Error(file, line, column, $"not a whole number: '{Get(column)}'");

        private T ParseEnum<T>(string column, string allowed)
            where T : struct, Enum
        {
            var v = Get(column);
            // Only the exact lower-case words are valid: numbers and other casings are corruption, not data.
            foreach (var value in Enum.GetValues<T>())
            {
                if (string.Equals(value.ToString().ToLowerInvariant(), v, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            throw Error(file, line, column, $"unknown value '{v}' (want one of {allowed})");
        }

        private DateOnly? ParseDate(string column)
        {
            var v = Get(column);
            if (v.Length == 0)
            {
                return null;
            }

            return DateOnly.TryParseExact(v, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw Error(file, line, column, $"malformed date '{v}' (want yyyy-MM-dd)");
        }

        private DateTimeOffset? ParseInstant(string column)
        {
            var v = Get(column);
            if (v.Length == 0)
            {
                return null;
            }

            return DateTimeOffset.TryParseExact(v, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                ? t
                : throw Error(file, line, column, $"malformed time '{v}' (want UTC yyyy-MM-ddTHH:mm:ssZ)");
        }
    }
}
