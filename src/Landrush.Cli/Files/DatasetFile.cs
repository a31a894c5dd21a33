using System.Text;
using Landrush.Core.Dataset;

namespace Landrush.Cli.Files;

/// <summary>
/// Reads the dataset a <c>--data</c> option names (a defect is the reader's one-line error, exit 2), and writes one
/// whole or not at all.
/// </summary>
internal static class DatasetFile
{
    /// <summary>Writes <paramref name="header"/> and <paramref name="rows"/> (format v1) to a temporary file renamed to <paramref name="path"/> when complete.</summary>
    public static async Task WriteAsync(string path, RegistryDatasetHeader header, IEnumerable<RegistryRecord> rows, CancellationToken ct)
    {
        await using var file = AtomicFile.Create(path);
        await using (var writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            RegistryCsv.Write(writer, header, rows);
        }

        await file.CommitAsync(ct);
    }

    public static RegistryDataset Read(string path)
    {
        using var stream = InputFiles.OpenRead(path, "dataset");
        return RegistryCsv.Read(stream, path);
    }
}
