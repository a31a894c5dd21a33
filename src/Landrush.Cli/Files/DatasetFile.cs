using Landrush.Core.Dataset;

namespace Landrush.Cli.Files;

/// <summary>Reads the dataset a <c>--data</c> option names; a defect is the reader's one-line error (exit 2).</summary>
internal static class DatasetFile
{
    public static RegistryDataset Read(string path)
    {
        using var stream = InputFiles.OpenRead(path, "dataset");
        return RegistryCsv.Read(stream, path);
    }
}
