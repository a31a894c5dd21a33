using System.Globalization;
using Landrush.Core;
using Landrush.Core.Dataset;

namespace Landrush.Cli.Commands;

/// <summary>
/// The largest inputs the analysis commands (<c>analyze</c>, <c>report</c>, <c>demo</c>) accept, in one place. The
/// analysis keeps arrays over every name of the declared space and runs every null model over every participant,
/// so its memory and time grow with these figures, not with the rows; beyond them a run is refused before any work
/// (one line, exit 2) instead of running out of memory or for hours.
/// </summary>
internal static class AnalysisLimits
{
    /// <summary>
    /// Names in the declared space: 20,000,000 (every space of digits up to 7 characters, of letters up to 5). Measured
    /// (benchmarks/RESULTS.md): a space of 20 million names with two rows peaks at 1.9 GB; 100 million at 9.4 GB.
    /// </summary>
    public const long MaxSpaceNames = 20_000_000;

    /// <summary>Refuses a dataset whose declared space the analysis cannot hold.</summary>
    public static void CheckSpace(RegistryDatasetHeader header, string path)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Space.Count > MaxSpaceNames)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: the declared space {header.Space.Spec} has {header.Space.Count:N0} names, more than the {MaxSpaceNames:N0} the analysis can hold (it keeps arrays over every name of the space)"));
        }
    }
}
