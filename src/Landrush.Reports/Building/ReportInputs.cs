using Landrush.Analysis;
using Landrush.Reports.Figures;
using Landrush.Reports.Model;

namespace Landrush.Reports.Building;

/// <summary>
/// Everything a report is built from. Only the allocation is required; each later stage of the analysis
/// (null models, capacity, premium capture, sensitivity, verdict) is optional, and the report says which
/// did not run instead of leaving its figure out silently.
/// </summary>
/// <param name="Allocation">The observed allocation (parties resolved).</param>
/// <param name="DataLabel">What the data is, e.g. <c>SYNTHETIC seeded reconstruction of the 2008 .nl landrush (data/nl-2008-reconstruction.csv)</c>.</param>
/// <param name="IsSynthetic">True for a reconstruction or a harvest of the simulator.</param>
/// <param name="SourceLabel">Short name of the data for figure captions.</param>
/// <param name="CommandLine">The exact command that made the report.</param>
/// <param name="Seed">Seed of every random draw, or null when none was drawn.</param>
public sealed record ReportInputs(
    ObservedAllocation Allocation,
    string DataLabel,
    bool IsSynthetic,
    string SourceLabel,
    string CommandLine,
    long? Seed)
{
    /// <summary>Why the data is synthetic (its provenance), for the label on every figure and CSV table; null gives a generic label.</summary>
    public string? SyntheticBecause { get; init; }

    /// <summary>Default: <c>Was the landrush fair? A Landrush report</c>.</summary>
    public string Title { get; init; } = "Was the landrush fair? A Landrush report";

    /// <summary>The verdict in one sentence, the report's opening line; null: the first of <see cref="Verdict"/>.</summary>
    public string? Headline { get; init; }

    /// <summary>The verdict paragraphs; null when the verdict stage did not run (the report then says so).</summary>
    public IReadOnlyList<string>? Verdict { get; init; }

    /// <summary>
    /// Why the null models, capacity, premium capture and sensitivity are absent although the verdict stage ran: the
    /// data does not define them (no registered name, a single party). Null when they gave what they could, or did
    /// not run (the report then says they did not run).
    /// </summary>
    public string? UndefinedBecause { get; init; }

    /// <summary>Names of the space with a known status; null means all (a complete dataset).</summary>
    public long? KnownNames { get; init; }

    /// <summary>
    /// Space indices of the registered names whose holder does not show (left out of the allocation; the figures by length
    /// count them as registered); null when every holder shows.
    /// </summary>
    public IReadOnlyList<int>? HolderUnknownNames { get; init; }

    /// <summary>How many registered names show no holder (<see cref="HolderUnknownNames"/>); 0 when every holder shows.</summary>
    public long HolderUnknown => HolderUnknownNames?.Count ?? 0;

    /// <summary>
    /// The figures once published about the landrush, as computed from this data beside the published values (a
    /// profile's, e.g. the 2008 blog's four); null when the data's profile has none, and the report then has no such table.
    /// </summary>
    public ReportTable? Reproduced { get; init; }

    /// <summary>Each null model's CR2 distribution; null when the null models did not run.</summary>
    public IReadOnlyList<NullModelDistribution>? NullModels { get; init; }

    /// <summary>Implied capacity multiples; null when not estimated.</summary>
    public IReadOnlyList<CapacityMultiple>? Capacity { get; init; }

    /// <summary>What 1× capacity means. Default: <c>the median participant</c>.</summary>
    public string CapacityReference { get; init; } = "the median participant";

    /// <summary>What the capacity intervals are. Default: <c>95% interval</c>.</summary>
    public string CapacityInterval { get; init; } = "95% interval";

    /// <summary>Premium capture by name class; null when not measured.</summary>
    public IReadOnlyList<PremiumCapture>? Premium { get; init; }

    /// <summary>Whose shares premium capture shows. Default: <c>the two largest parties</c>.</summary>
    public string PremiumHolders { get; init; } = "the two largest parties";

    /// <summary>The fair model premium capture is compared with. Default: <c>equal-capacity first-come-first-served</c>.</summary>
    public string PremiumFairModel { get; init; } = "equal-capacity first-come-first-served";

    /// <summary>Sensitivity rows (the first is the baseline); null when not run.</summary>
    public IReadOnlyList<SensitivityRow>? Sensitivity { get; init; }

    /// <summary>The quantity the sensitivity rows give, with unit. Default: <c>capacity multiple of the largest party (×)</c>.</summary>
    public string SensitivityQuantity { get; init; } = "capacity multiple of the largest party (×)";

    /// <summary>Indicators from the analysis beyond the concentration measures computed here.</summary>
    public IReadOnlyList<ReportIndicator> Indicators { get; init; } = [];

    /// <summary>Further tables from the analysis.</summary>
    public IReadOnlyList<ReportTable> Tables { get; init; } = [];

    /// <summary>The assumptions the analysis rests on.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];

    /// <summary>Provenance lines (file, declaration, counts).</summary>
    public IReadOnlyList<string> Provenance { get; init; } = [];
}
