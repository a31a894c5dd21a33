using System.Globalization;
using Landrush.Reports.Model;
using ScottPlot;

namespace Landrush.Reports.Figures;

/// <summary>Rank–size plot of holdings on log–log axes: a straight line is a power law; a cliff after rank 2 is not.</summary>
public static class RankSizeFigure
{
    public const string Id = "rank-size";

    /// <param name="holdings">Names held by each party (zeros are left out: log 0 has no place on the plot).</param>
    /// <param name="source">Source and seed for the caption.</param>
    public static ReportFigure Render(IReadOnlyList<int> holdings, FigureSource source)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        ArgumentNullException.ThrowIfNull(source);
        const string title = "Rank–size of holdings (log–log)";
        var sizes = holdings.Where(h => h > 0).OrderByDescending(h => h).ToArray();
        const string what = "Names held by each party against its rank, both on logarithmic axes.";
        if (sizes.Length == 0)
        {
            return ReportFigure.Absent(Id, title, source.Caption(what), "no name with a known holder: no party holds anything");
        }

        if (sizes.Length < 2)
        {
            return ReportFigure.Absent(Id, title, source.Caption(what), "only one party holds names: a rank–size plot of a single point shows nothing");
        }

        var xs = Enumerable.Range(1, sizes.Length).Select(r => Math.Log10(r)).ToArray();
        var ys = sizes.Select(s => Math.Log10(s)).ToArray();
        var caption = source.Caption(string.Create(CultureInfo.InvariantCulture,
            $"{what} {sizes.Length:N0} parties hold names; the largest holds {sizes[0]:N0}, the smallest {sizes[^1]:N0}."));
        var plot = FigureCanvas.Create(title, "Rank of party (1 = largest, log scale)", "Names held (log scale)", caption);
        var points = plot.Add.Scatter(xs, ys, Colors.DarkBlue);
        points.LineWidth = 1;
        points.MarkerSize = 6;
        LogAxis(plot.Axes.Bottom);
        LogAxis(plot.Axes.Left);
        return FigureCanvas.Render(plot, Id, title, caption, source);
    }

    // ScottPlot 5 draws log scales as log-transformed data with decade ticks labelled in the original units.
    private static void LogAxis(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = v => Math.Pow(10, v).ToString("N0", CultureInfo.InvariantCulture),
        };
}
