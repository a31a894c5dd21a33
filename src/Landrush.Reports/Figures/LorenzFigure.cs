using System.Globalization;
using Landrush.Analysis.Concentration;
using Landrush.Reports.Model;
using ScottPlot;

namespace Landrush.Reports.Figures;

/// <summary>The Lorenz curve of holdings with the Gini coefficient.</summary>
public static class LorenzFigure
{
    public const string Id = "lorenz";

    /// <param name="holdings">Names held by each party; zeros are participants who won nothing and count as parties.</param>
    /// <param name="source">Source and seed for the caption.</param>
    public static ReportFigure Render(IReadOnlyList<int> holdings, FigureSource source)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        ArgumentNullException.ThrowIfNull(source);
        const string title = "Lorenz curve of holdings";
        var sorted = holdings.ToArray();
        Array.Sort(sorted);
        long total = sorted.Sum(h => (long)h);
        var what = "Cumulative share of names held against cumulative share of parties, smallest first; the diagonal is equal holdings.";
        if (total == 0)
        {
            return ReportFigure.Absent(Id, title, source.Caption(what), "no name with a known holder: there is nothing to distribute");
        }

        if (sorted.Length < 2)
        {
            return ReportFigure.Absent(Id, title, source.Caption(what), "only one party: a Lorenz curve needs at least two parties to show any inequality");
        }

        var gini = GiniCoefficient.OfSortedAscending(sorted);
        var n = sorted.Length;
        var xs = new double[n + 1];
        var ys = new double[n + 1];
        long cumulative = 0;
        for (var i = 0; i < n; i++)
        {
            cumulative += sorted[i];
            xs[i + 1] = 100.0 * (i + 1) / n;
            ys[i + 1] = 100.0 * cumulative / total;
        }

        var fullTitle = string.Create(CultureInfo.InvariantCulture, $"{title} (Gini {gini:0.000})");
        var caption = source.Caption(string.Create(CultureInfo.InvariantCulture, $"{what} {n:N0} parties, {total:N0} names; Gini {gini:0.000}."));
        var plot = FigureCanvas.Create(fullTitle, "Cumulative share of parties, smallest first (%)", "Cumulative share of names held (%)", caption);
        var equality = plot.Add.ScatterLine(new double[] { 0, 100 }, new double[] { 0, 100 }, Colors.Gray);
        equality.LinePattern = LinePattern.Dashed;
        equality.LegendText = "equal holdings";
        var curve = plot.Add.ScatterLine(xs, ys, Colors.DarkRed);
        curve.LineWidth = 2;
        curve.LegendText = string.Create(CultureInfo.InvariantCulture, $"observed (Gini {gini:0.000})");
        plot.Axes.SetLimits(0, 100, 0, 100);
        plot.ShowLegend(Alignment.UpperLeft);
        return FigureCanvas.Render(plot, Id, fullTitle, caption, source);
    }
}
