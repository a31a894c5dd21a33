using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Landrush.Core.Dataset;

/// <summary>
/// Reads a registry dataset as a stream, one record at a time, checking each as it goes: memory does not
/// grow with the file (the space and duplicate check, <see cref="DatasetNameCheck"/>, keeps one bit per name
/// of the declared space, not a record per row), so an 11-million-row harvest validates in bounded memory. The declaration and CSV header are
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
    private readonly DatasetNameCheck _names;

    private RegistryDatasetReader(DatasetTextReader text, string file)
    {
        _text = text;
        _file = file;
        Header = RegistryDatasetHeader.Parse(ReadDeclaration(), file);
        _names = new DatasetNameCheck(Header);
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

        var row = new RegistryRowReader(_csv, _index, _file, line, _names);
        record = row.ToRecord();
        if (!_names.TryAdd(record.Name, out _, out var problem))
        {
            throw RegistryCsv.Error(_file, line, RegistryColumns.Name, problem);
        }

        if (row.Length != record.Length)
        {
            throw RegistryCsv.Error(_file, line, RegistryColumns.Length, $"length {row.Length} does not match name '{record.Name}'");
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
}
