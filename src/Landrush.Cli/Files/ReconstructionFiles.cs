namespace Landrush.Cli.Files;

/// <summary>
/// Where <c>reconstruct</c> puts its files: the dataset where the user said, its two ground-truth side
/// files beside it (<c>X.csv</c> → <c>X.truth.csv</c> and <c>X.parties.csv</c>). A CLI choice, not Core's.
/// </summary>
internal static class ReconstructionFiles
{
    public static (string Handles, string Parties) SidePaths(string datasetPath)
    {
        ArgumentNullException.ThrowIfNull(datasetPath);
        var stem = datasetPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? datasetPath[..^4] : datasetPath;
        return (stem + ".truth.csv", stem + ".parties.csv");
    }
}
