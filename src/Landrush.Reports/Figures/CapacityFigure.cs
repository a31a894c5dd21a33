using System.Globalization;
using Landrush.Reports.Model;
using ScottPlot;

namespace Landrush.Reports.Figures;

/// <summary>
/// The implied capacity multiples with their intervals on a log scale (they run from a fraction of a typical participant's to
/// hundreds of times it): how much faster than others each party must have been. An interval the data do not bound from above
/// ends in an arrow, one they do not bound from below starts in a downward arrow; a party whose capacity the data bound on neither side is said so in its column, not drawn as a bar.
/// </summary>
public static class CapacityFigure
{
    public const string Id = "capacity-multiples";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="multiples">One estimate per party.</param>
    /// <param name="reference">What 1× means, e.g. <c>the median participant</c>.</param>
    /// <param name="interval">What the interval is, e.g. <c>95% interval</c>.</param>
    /// <param name="source">Source and seed for the caption.</param>
    public static ReportFigure Render(IReadOnlyList<CapacityMultiple> multiples, string reference, string interval, FigureSource source)
    {
        ArgumentNullException.ThrowIfNull(multiples);
        ArgumentNullException.ThrowIfNull(source);
        const string title = "Implied capacity multiples";
        var what = $"The request capacity each party must have had to win what it holds, as a multiple of {reference}'s (log scale); lines are the {interval}, dots the estimates; the dashed line is equal capacity (1×).";
        if (multiples.Count == 0)
        {
            return ReportFigure.Absent(Id, title, source.Caption(what),
                "no capacity was estimated (no party holds names the fair models could compare, or the data bound no party's capacity)");
        }

        var bounded = multiples.Select(IsBounded).ToArray();
        var unidentified = multiples.Where((m, i) => !bounded[i]).Select(m => m.Party).ToList();
        if (unidentified.Count == multiples.Count)
        {
            // Nothing to draw but the axis: the note says what the data do not tell, in place of bars that would look like a result.
            return ReportFigure.Absent(Id, title, source.Caption(what),
                $"the data bound no party's capacity on either side (their races do not tell a party's speed from chance): {string.Join(", ", unidentified)}");
        }

        var unbounded = multiples.Where((m, i) => bounded[i] && !double.IsFinite(m.High)).Select(m => m.Party).ToList();
        var noFloor = multiples.Where((m, i) => bounded[i] && !(m.Low > 0)).Select(m => m.Party).ToList();
        var noEstimate = multiples.Where((m, i) => bounded[i] && !double.IsFinite(m.Multiple)).Select(m => m.Party).ToList();
        var caption = source.Caption(what
            + (unbounded.Count == 0 ? "" : $" Not bounded from above by the data (arrow): {string.Join(", ", unbounded)}.")
            + (noFloor.Count == 0 ? "" : $" Not bounded from below by the data (downward arrow): {string.Join(", ", noFloor)}.")
            + (noEstimate.Count == 0 ? "" : $" Bounded on one side only, no estimate (no dot): {string.Join(", ", noEstimate)}.")
            + (unidentified.Count == 0 ? "" : $" Not bounded by the data on either side (no line): {string.Join(", ", unidentified)}."));
        var plot = FigureCanvas.Create(title, "Party", $"Capacity (× {reference}, log scale)", caption);
        var drawn = multiples.Where((m, i) => bounded[i]).ToList();
        var lowest = drawn.Select(m => new[] { m.Low, m.Multiple, m.High }.Where(v => double.IsFinite(v) && v > 0).Min()).Append(1.0).Min();
        var bottom = Math.Log10(lowest / (noFloor.Count > 0 ? 6 : 2));
        var highest = drawn.Select(m => new[] { m.Low, m.Multiple, m.High }.Where(double.IsFinite).Max()).Append(1.0).Max();
        var top = Math.Log10(highest * (unbounded.Count > 0 ? 6 : 2));
        for (var i = 0; i < multiples.Count; i++)
        {
            Draw(plot, i, multiples[i], bounded[i], bottom, top);
        }

        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        // Every item by hand: the drawing is made of many plottables that each stand for one thing.
        if (drawn.Any(m => double.IsFinite(m.Multiple)))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "estimate", MarkerShape = MarkerShape.FilledCircle, MarkerFillColor = Colors.DarkOrange, MarkerLineColor = Colors.DarkOrange, MarkerSize = 10 });
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = interval, LineColor = Colors.Black, LineWidth = 2 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "equal capacity (1×)", LineColor = Colors.Gray, LineWidth = 1, LinePattern = LinePattern.Dashed });
        if (unbounded.Count > 0 || noFloor.Count > 0)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "arrow: no bound on that side", LineColor = Colors.Black, LineWidth = 2, LinePattern = LinePattern.Dotted });
        }

        FigureCanvas.CategoryTicks(plot.Axes.Bottom, [.. multiples.Select(m => m.Party)]);
        plot.Axes.Left.TickGenerator = LogTicks(bottom, top);
        plot.Axes.SetLimits(-0.6, multiples.Count - 0.4, bottom, top);
        plot.ShowLegend(Alignment.UpperRight);
        return FigureCanvas.Render(plot, Id, title, caption, source);
    }

    // Drawn only when the data say something of it: a bound on either side, not the search's floor and ceiling.
    private static bool IsBounded(CapacityMultiple m) => m.Identified && ((double.IsFinite(m.Low) && m.Low > 0) || double.IsFinite(m.High));

    private static void Draw(Plot plot, int x, CapacityMultiple m, bool bounded, double bottom, double top)
    {
        if (!bounded)
        {
            var note = plot.Add.Text("not bounded\nby the data", x, (bottom + top) / 2);
            note.LabelFontSize = 13;
            note.LabelFontColor = Colors.DimGray;
            note.LabelAlignment = Alignment.MiddleCenter;
            return;
        }

        if (!(m.Low > 0))
        {
            // Bounded from above only: from its upper end down, past the axis's floor.
            var high = Math.Log10(m.High);
            var cap = plot.Add.Line(x - 0.06, high, x + 0.06, high);
            cap.LineWidth = 2;
            cap.LineColor = Colors.Black;
            Arrow(plot, x, high, bottom + ((top - bottom) * 0.02));
            var words = double.IsFinite(m.Multiple) ? "no lower bound" : string.Create(Inv, $"below {m.High:0.##}×,\nno lower bound");
            var label = plot.Add.Text(words, x + 0.05, (high + bottom) / 2);
            label.LabelFontSize = 12;
            label.LabelAlignment = Alignment.MiddleLeft;
        }
        else if (double.IsFinite(m.High))
        {
            var low = Math.Log10(m.Low);
            var line = plot.Add.Line(x, low, x, Math.Log10(m.High));
            line.LineWidth = 2;
            line.LineColor = Colors.Black;
            foreach (var end in new[] { low, Math.Log10(m.High) })
            {
                var cap = plot.Add.Line(x - 0.06, end, x + 0.06, end);
                cap.LineWidth = 2;
                cap.LineColor = Colors.Black;
            }
        }
        else
        {
            var low = Math.Log10(m.Low);
            var cap = plot.Add.Line(x - 0.06, low, x + 0.06, low);
            cap.LineWidth = 2;
            cap.LineColor = Colors.Black;
            Arrow(plot, x, low, top - ((top - bottom) * 0.02));
            var label = plot.Add.Text(string.Create(Inv, $"above {m.Low:0.##}×,\nno upper bound"), x + 0.05, (low + top) / 2);
            label.LabelFontSize = 12;
            label.LabelAlignment = Alignment.MiddleLeft;
        }

        if (double.IsFinite(m.Multiple))
        {
            plot.Add.Marker(x, Math.Log10(m.Multiple), MarkerShape.FilledCircle, 11, Colors.DarkOrange);
            var value = plot.Add.Text(string.Create(Inv, $"{m.Multiple:0.##}×"), x - 0.08, Math.Log10(m.Multiple));
            value.LabelFontSize = 12;
            value.LabelAlignment = Alignment.MiddleRight;
        }
    }

    private static void Arrow(Plot plot, int x, double from, double to) =>
        FigureCanvas.Arrow(plot, new Coordinates(x, from), new Coordinates(x, to), Colors.Black, 2, 14);

    // Ticks at 1, 2 and 5 times each power of ten in the range, labelled with the multiple.
    private static ScottPlot.TickGenerators.NumericManual LogTicks(double bottom, double top)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var d = (int)Math.Floor(bottom); d <= (int)Math.Ceiling(top); d++)
        {
            foreach (var f in new[] { 1.0, 2.0, 5.0 })
            {
                var v = f * Math.Pow(10, d);
                if (Math.Log10(v) >= bottom && Math.Log10(v) <= top)
                {
                    ticks.AddMajor(Math.Log10(v), v.ToString(v >= 1 ? "#,0" : "0.###", Inv) + "×");
                }
            }
        }

        return ticks;
    }
}
