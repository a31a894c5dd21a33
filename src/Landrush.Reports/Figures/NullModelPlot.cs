using Landrush.Analysis.NullModels;

namespace Landrush.Reports.Figures;

/// <summary>
/// What a null model's figure draws, in percent: the runs' bins and the horizontal range shown. The observed value is a
/// line when it lies within the range, else an arrow at the edge towards it (a value far from every run would squash
/// the histogram to a sliver).
/// </summary>
/// <param name="Bins">The runs' histogram, edges in percent.</param>
/// <param name="Observed">The observed CR2, in percent.</param>
/// <param name="XMin">Left end of the horizontal axis.</param>
/// <param name="XMax">Right end of the horizontal axis.</param>
internal sealed record NullModelPlot(RunHistogram Bins, double Observed, double XMin, double XMax)
{
    /// <summary>Whether the observed value is drawn as a line at its place (else as an arrow at the edge).</summary>
    public bool ObservedOnScale => Observed >= XMin && Observed <= XMax;

    /// <summary>Width a bin is drawn with: its own, or a sliver of the range when every run had one value.</summary>
    public double BarWidth => Bins.Width > 0 ? Bins.Width : (XMax - XMin) / 40;

    /// <summary>Centre of bin <paramref name="i"/>.</summary>
    public double Centre(int i) => Bins.Width > 0 ? Bins.Low + ((i + 0.5) * Bins.Width) : Bins.Low;

    /// <summary>Most bars across the axis: narrower bins are merged (runs of a few values of CR2 would be slivers).</summary>
    public const int MostBarsAcross = 120;

    /// <summary>
    /// The plot of <paramref name="bins"/> (fractions 0–1) against <paramref name="observed"/> (a fraction): the runs span at least one
    /// percentage point; the observed value is on the scale when it lies within four such spans of them.
    /// </summary>
    public static NullModelPlot Of(RunHistogram bins, double observed)
    {
        ArgumentNullException.ThrowIfNull(bins);
        var o = 100 * observed;
        var b = new RunHistogram(100 * bins.Low, 100 * bins.Width, bins.Counts);
        var span = Math.Max(b.High - b.Low, 1.0);
        var pad = span * 0.15;
        var near = o >= b.Low - (4 * span) && o <= b.High + (4 * span);
        var (xMin, xMax) = near
            ? (Math.Min(b.Low, o) - pad, Math.Max(b.High, o) + pad)
            // Room on the observed's side for the arrow that points to it.
            : (b.Low - pad - (o < b.Low ? span : 0), b.High + pad + (o > b.High ? span : 0));
        return new NullModelPlot(Merge(b, (xMax - xMin) / MostBarsAcross), o, xMin, xMax);
    }

    // Adjacent bins summed until each is at least minWidth wide (the runs' count is kept).
    private static RunHistogram Merge(RunHistogram b, double minWidth)
    {
        if (b.Width <= 0 || b.Width >= minWidth)
        {
            return b;
        }

        var k = (int)Math.Ceiling(minWidth / b.Width);
        var counts = new int[(b.Counts.Count + k - 1) / k];
        for (var i = 0; i < b.Counts.Count; i++)
        {
            counts[i / k] += b.Counts[i];
        }

        return new RunHistogram(b.Low, b.Width * k, counts);
    }
}
