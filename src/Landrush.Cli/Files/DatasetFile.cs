using Landrush.Core.Dataset;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Store;

namespace Landrush.Cli.Files;

/// <summary>
/// Reads the dataset a <c>--data</c> option names (a defect is the reader's one-line error, exit 2), and writes one
/// whole or not at all.
/// </summary>
internal static class DatasetFile
{
    /// <summary>Writes <paramref name="header"/> and <paramref name="rows"/> (format v1) to a temporary file renamed to <paramref name="path"/> when complete.</summary>
    public static Task WriteAsync(string path, RegistryDatasetHeader header, IEnumerable<RegistryRecord> rows, CancellationToken ct) =>
        TextOutput.WriteFileAsync(path, w => Write(w, header, rows), ct);

    /// <summary>Writes <paramref name="header"/> and <paramref name="rows"/> (format v1) to standard output (<c>-</c>) or to a file whole or not at all.</summary>
    public static Task WriteAsync(string path, TextWriter stdout, RegistryDatasetHeader header, IEnumerable<RegistryRecord> rows, CancellationToken ct) =>
        TextOutput.WriteAsync(path, stdout, w => Write(w, header, rows), ct);

    private static Task Write(TextWriter writer, RegistryDatasetHeader header, IEnumerable<RegistryRecord> rows)
    {
        RegistryCsv.Write(writer, header, rows);
        return Task.CompletedTask;
    }

    public static RegistryDataset Read(string path)
    {
        // A harvest store (a postgres:// URL, or a SQLite file) reads as the dataset 'export' writes of it.
        if (PostgresLocation.IsUrl(path) || IsSqlite(path))
        {
            using var store = HarvestStores.Open(path, mustExist: true, readOnly: true);
            if (!PostgresLocation.IsUrl(path))
            {
                CommandInputs.Record(path);
            }

            var (header, rows) = HarvestExport.Build(store);
            return new RegistryDataset(header, rows);
        }

        using var stream = InputFiles.OpenRead(path, "dataset");
        return RegistryCsv.Read(stream, InputFiles.Label(path));
    }

    private static bool IsSqlite(string path)
    {
        // Only a regular file is looked into: a pipe's first bytes, read here, would be lost to the dataset reader.
        if (FileKind.Of(path) != FileKind.Kind.Regular)
        {
            return false;
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            Span<byte> head = stackalloc byte[16];
            return file.ReadAtLeast(head, 16, throwOnEndOfStream: false) == 16 && head.SequenceEqual("SQLite format 3\0"u8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
