using System.Globalization;
using Landrush.Core;
using Landrush.Core.Dataset;

namespace Landrush.Cli.Binding;

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

    /// <summary>
    /// Monte Carlo runs per null model (<c>--sims</c>): 1,000,000. A p-value then resolves 10⁻⁶, far below any threshold
    /// used; every run costs time over every participant, and the run's arrays are sized by it.
    /// </summary>
    public const int MaxSims = 1_000_000;

    /// <summary>
    /// Participants known from elsewhere (<c>--participants</c>): 10,000, some 30 times the 298 registrars of the whole
    /// 2008 .nl landrush. Every null-model run draws for each participant, so time grows with participants times runs:
    /// on the reconstruction at the default 10,000 runs, 100,000 participants took 12 min 43 s (benchmarks/RESULTS.md)
    /// and 20,000,000 ignored Ctrl-C for over a minute at 1.4 GB.
    /// </summary>
    public const int MaxParticipants = 10_000;

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
