using Landrush.Core.Dataset;

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
        using var stream = InputFiles.OpenRead(path, "dataset");
        return RegistryCsv.Read(stream, path);
    }
}
