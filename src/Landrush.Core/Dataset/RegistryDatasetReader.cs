using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Landrush.Core.Dataset;

/// <summary>
/// Reads a registry dataset as a stream, one record at a time, checking each as it goes: memory does not
/// grow with the file (the duplicate check keeps one bit per name of the declared space, not a record
/// per row), so an 11-million-row harvest validates in bounded memory. The declaration and CSV header are
/// read when it opens. The first problem ends the read with a <see cref="UserInputException"/> naming the
/// file, line and column, as documented in <c>data/README.md</c>.
/// </summary>
public sealed class RegistryDatasetReader : IDisposable
{
    private readonly DatasetTextReader _text;
    private readonly CsvParser _csv;
    private readonly string _file;
    private readonly string[] _columns;
    private readonly int[] _index;
    private readonly NameSpaceBits _seen;
    private readonly string _suffix;

    private RegistryDatasetReader(DatasetTextReader text, string file)
    {
        _text = text;
        _file = file;
        Header = RegistryDatasetHeader.Parse(ReadDeclaration(), file);
        _seen = new NameSpaceBits(Header.Space.Count);
        _suffix = "." + Header.Tld;
        _csv = new CsvParser(text, ReadConfig);

        // Physical line numbers: the declaration is line 1, the CSV header line 2.
        _columns = ReadHeader();
        _index = [.. RegistryColumns.All.Select(c => Array.IndexOf(_columns, c))];
    }

    public RegistryDatasetHeader Header { get; }

    /// <summary>Rows read so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Physical line (1-based) of the last row read, for messages about it; 0 before the first.</summary>
    public long LastLine { get; private set; }

    /// <summary>Bytes decoded so far when reading a stream (for progress); 0 over text.</summary>
    public long BytesRead => _text.BytesConsumed;

    // Reading accepts LF or CRLF line ends (a file saved on Windows is not corrupt).
    private static CsvConfiguration ReadConfig => new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = true,
        DetectColumnCountChanges = false,
        // Malformed quoting is an error to report, not data to guess at.
        BadDataFound = args => throw new MalformedCsvException(args.Field),
        Mode = CsvMode.RFC4180,
    };

    /// <summary>Opens a dataset's bytes, decoded as strict UTF-8 (an invalid byte is reported on its line).</summary>
    public static RegistryDatasetReader Open(Stream stream, string file)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(file);
        return new RegistryDatasetReader(new DatasetTextReader(stream, file), file);
    }

    /// <summary>Opens a dataset's text.</summary>
    public static RegistryDatasetReader Open(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(file);
        return new RegistryDatasetReader(new DatasetTextReader(reader, file), file);
    }

    /// <summary>The next record, checked; false at the end of the file.</summary>
    public bool TryRead([NotNullWhen(true)] out RegistryRecord? record)
    {
        // A record starts on the line after the previous one ended (fields may span lines).
        var line = _csv.RawRow + 2;
        if (!ReadRow(line))
        {
            record = null;
            return false;
        }

        if (_csv.Count != _columns.Length)
        {
            throw RegistryCsv.Error(_file, line, null, $"has {_csv.Count} fields, the header has {_columns.Length}");
        }

        var row = new RowReader(_csv, _index, _file, line);
        record = row.ToRecord();
        var name = record.Name;
        var label = name.EndsWith(_suffix, StringComparison.Ordinal) ? name[..^_suffix.Length] : null;
        var index = label is null ? -1 : Header.Space.IndexOf(label);
        if (index < 0)
        {
            throw RegistryCsv.Error(_file, line, RegistryColumns.Name, $"'{name}' is outside the declared space {Header.Space.Spec} under .{Header.Tld}");
        }

        if (!_seen.Add(index))
        {
            throw RegistryCsv.Error(_file, line, RegistryColumns.Name, $"duplicate name '{name}'");
        }

        if (row.Length != record.Length)
        {
            throw RegistryCsv.Error(_file, line, RegistryColumns.Length, $"length {row.Length} does not match name '{name}'");
        }

        RowCount++;
        LastLine = line;
        return true;
    }

    /// <summary>Every remaining record, in file order, read lazily.</summary>
    public IEnumerable<RegistryRecord> ReadAll()
    {
        while (TryRead(out var record))
        {
            yield return record;
        }
    }

    public void Dispose() => _csv.Dispose();

    private string? ReadDeclaration()
    {
        var line = _text.ReadLine();
        // The format is UTF-8 without a byte-order mark; a mark would also hide the declaration's magic word.
        return line is not null && line.StartsWith('\uFEFF')
            ? throw RegistryCsv.Error(_file, 1, null, "starts with a byte-order mark: a dataset is UTF-8 without one")
            : line;
    }

    private string[] ReadHeader()
    {
        if (!ReadRow(2))
        {
            throw RegistryCsv.Error(_file, 2, null, "missing the CSV header line");
        }

        var columns = _csv.Record ?? [];
        var known = new HashSet<string>(RegistryColumns.All, StringComparer.Ordinal);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in columns)
        {
            if (!known.Contains(c))
            {
                throw RegistryCsv.Error(_file, 2, c, "unknown column (known: " + string.Join(", ", RegistryColumns.All) + ")");
            }

            if (!present.Add(c))
            {
                throw RegistryCsv.Error(_file, 2, c, "column appears twice");
            }
        }

        var missing = RegistryColumns.All.FirstOrDefault(c => !present.Contains(c));
        if (missing is not null)
        {
            throw RegistryCsv.Error(_file, 2, missing, "required column is missing");
        }

        return columns;
    }

    private bool ReadRow(long line)
    {
        try
        {
            if (!_csv.Read())
            {
                return false;
            }

            // Fields are parsed when first read, so reading them all here surfaces bad quoting on this row.
            for (var i = 0; i < _csv.Count; i++)
            {
                CheckField(_csv[i], i, line);
            }

            return true;
        }
        catch (MalformedCsvException ex)
        {
            throw RegistryCsv.Error(_file, line, null, $"malformed quoting near '{Shorten(ex.Field)}' (a quote inside a field must be doubled, and a quoted field must end with a quote)", ex);
        }
        catch (CsvHelperException ex) when (ex.InnerException is UserInputException inner)
        {
            throw inner;
        }
        catch (CsvHelperException ex)
        {
            throw RegistryCsv.Error(_file, line, null, "malformed CSV (unbalanced quotes or bad field)", ex);
        }
    }

    // No field of the format holds a line break or other control character: one found means a quote was
    // left open and has swallowed the rows after it.
    private void CheckField(string field, int index, long line)
    {
        var bad = field.AsSpan().IndexOfAnyInRange('\u0000', '\u001f');
        if (bad >= 0)
        {
            var what = field[bad] is '\r' or '\n' ? "a line break" : $"control character U+{(int)field[bad]:X4}";
            throw RegistryCsv.Error(_file, line, null, $"field {index + 1} contains {what}: probably an unclosed quote (rows after it would be lost)");
        }
    }

    // An excerpt for a one-line message: control characters shown as escapes.
    private static string Shorten(string field)
    {
        var excerpt = field.Length <= 30 ? field : field[..30] + "…";
        return excerpt.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    private sealed class MalformedCsvException(string field) : Exception
    {
        public string Field { get; } = field;
    }

    /// <summary>One bit per name of the space, in pages allocated when first touched: a partial harvest of a huge space costs only what it holds.</summary>
    private sealed class NameSpaceBits(long count)
    {
        private const int PageBits = 1 << 20;
        private readonly Dictionary<long, ulong[]> _pages = [];
        private long _lastPage = -1;
        private ulong[]? _last;

        public long Count { get; } = count;

        /// <summary>Sets the bit of <paramref name="index"/>; false when it was already set.</summary>
        public bool Add(long index)
        {
            var page = index / PageBits;
            if (page != _lastPage)
            {
                if (!_pages.TryGetValue(page, out _last))
                {
                    _last = new ulong[PageBits / 64];
                    _pages[page] = _last;
                }

                _lastPage = page;
            }

            var bit = index % PageBits;
            var mask = 1UL << (int)(bit & 63);
            ref var word = ref _last![bit >> 6];
            if ((word & mask) != 0)
            {
                return false;
            }

            word |= mask;
            return true;
        }
    }

    /// <summary>Reads one row's fields by column position and validates each as the format says.</summary>
    private readonly struct RowReader(CsvParser csv, int[] index, string file, long line)
    {
        public int Length => ParseInt(RegistryColumns.Length, 1);

        public RegistryRecord ToRecord()
        {
            var name = Get(RegistryColumns.Name, 0);
            if (name.Length == 0)
            {
                throw Error(RegistryColumns.Name, "empty name");
            }

            var record = new RegistryRecord(
                Name: name,
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

                if (!IsHostName(h))
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

        // RFC 1123 host name: dot-separated labels of 1–63 letters, digits and hyphens, not starting or
        // ending with a hyphen, at most 253 characters.
        private static bool IsHostName(string h)
        {
            if (h.Length > 253)
            {
                return false;
            }

            foreach (var label in h.Split('.'))
            {
                if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
                {
                    return false;
                }

                foreach (var c in label)
                {
                    if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
                    {
                        return false;
                    }
                }
            }

            return true;
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
}
