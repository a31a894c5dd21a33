using System.Globalization;

namespace Landrush.Reports.Figures;

/// <summary>
/// Where a figure's numbers came from, for its caption: every figure names its data and the seed of any
/// random draw behind it, so that a figure copied out of a report still says what it is.
/// </summary>
/// <param name="Source">The data, e.g. <c>data/nl-2008-reconstruction.csv (SYNTHETIC reconstruction)</c>.</param>
/// <param name="Seed">The seed of the random draws behind the figure, or null when none was drawn.</param>
public sealed record FigureSource(string Source, long? Seed)
{
    /// <summary>Why the data is synthetic (its provenance, e.g. <c>synthetic-reconstruction:profile=nl-2008:seed=2008</c>), or null for other data.</summary>
    public string? SyntheticBecause { get; init; }

    /// <summary>The label drawn on every figure of synthetic data, so that an image copied out of its report still says so; null for other data.</summary>
    public string? SyntheticLabel => SyntheticBecause is { } why ? $"SYNTHETIC — {why} (not registry data)" : null;

    /// <summary>The caption: <paramref name="what"/>, then the source and the seed.</summary>
    public string Caption(string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} Source: {Source}. Seed: {(Seed is { } s ? s.ToString(CultureInfo.InvariantCulture) : "none (no random draw)")}.");
}
