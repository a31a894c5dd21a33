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
    /// <summary>The caption: <paramref name="what"/>, then the source and the seed.</summary>
    public string Caption(string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} Source: {Source}. Seed: {(Seed is { } s ? s.ToString(CultureInfo.InvariantCulture) : "none (no random draw)")}.");
}
