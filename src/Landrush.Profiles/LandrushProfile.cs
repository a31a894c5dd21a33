using Landrush.Analysis;
using Landrush.Analysis.Indicators;
using Landrush.Core.Model.Demand;
using Landrush.Profiles.Nl2008;

namespace Landrush.Profiles;

/// <summary>
/// What one landrush knows that the generic analysis must not: the classes of names its participants wanted, the
/// block its critics counted, the figures once published about it and how to rebuild it synthetically. The analysis
/// gets these through its options (<see cref="Indicators"/>), never by looking at a TLD.
/// </summary>
/// <param name="Name">The profile's name, as a dataset's provenance writes it (<c>profile=nl-2008</c>) and <c>--profile</c> takes it.</param>
/// <param name="Tld">The TLD of the landrush: a dataset under it with no profile named in its provenance gets this profile.</param>
public sealed record LandrushProfile(string Name, string Tld)
{
    /// <summary>Labels that are telephone area codes where the landrush happened: attractive names. Default none.</summary>
    public IReadOnlyList<string> AreaCodes { get; init; } = [];

    /// <summary>The numeric block the range indicator measures. Default null: none.</summary>
    public NumericBlock? Block { get; init; }

    /// <summary>
    /// The figures published about the landrush, computed from data beside the published values: from an allocation,
    /// the names of the space whose status the data knows, and the registered names whose holder does not show
    /// (see <see cref="SeedBlogFigures.Compute"/>). Null when nothing was published.
    /// </summary>
    public Func<ObservedAllocation, long, long, SeedBlogFigures>? PublishedFigures { get; init; }

    /// <summary>Builds the seeded synthetic reconstruction of the landrush. Null when the profile has none.</summary>
    public Func<long, ReconstructedLandrush>? Reconstruct { get; init; }

    /// <summary>
    /// <paramref name="given"/> with what it leaves open taken from this profile: the block when none is given, and
    /// the profile's area codes when no attractiveness is given.
    /// </summary>
    public IndicatorOptions Indicators(IndicatorOptions given)
    {
        ArgumentNullException.ThrowIfNull(given);
        return given with
        {
            Block = given.Block ?? Block,
            Attractiveness = given.Attractiveness ?? new NameAttractiveness(AreaCodes),
        };
    }
}
