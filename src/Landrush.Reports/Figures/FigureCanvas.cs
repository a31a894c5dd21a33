using ScottPlot;

namespace Landrush.Reports.Figures;

/// <summary>
/// The frame every figure shares: title, axis labels, the caption drawn under the plot, and rendering to
/// PNG and SVG of the same plot at one size.
/// </summary>
internal static class FigureCanvas
{
    /// <summary>Pixel size of every figure: wide enough for the caption line, small enough to inline.</summary>
    public const int Width = 960;

    public const int Height = 600;

    public static Plot Create(string title, string xLabel, string yLabel, string caption)
    {
        var plot = new Plot();
        plot.Title(title, 18);
        plot.XLabel(xLabel, 14);
        plot.YLabel(yLabel, 14);
        // The caption is the label of a second, tickless bottom axis: ScottPlot 5 stacks it under the x axis.
        TextAxis(plot, Wrap(caption, 130), 11, bold: false, "#444444", lineHeight: 16f, padding: 10);
        return plot;
    }

    /// <summary>Renders the plot, with <paramref name="source"/>'s SYNTHETIC label under the caption when its data is synthetic.</summary>
    public static Model.ReportFigure Render(Plot plot, string id, string title, string caption, FigureSource source)
    {
        using (plot)
        {
            var label = source.SyntheticLabel;
            if (label is not null)
            {
                AddLabel(plot, label);
            }

            var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
            var svg = plot.GetSvgXml(Width, Height);
            return Model.ReportFigure.Rendered(id, title, caption, png, svg) with { Label = label };
        }
    }

    // Outside the data area, where no figure draws: the label of a third, tickless bottom axis, stacked under the caption
    // (a top axis would be drawn over the title).
    private static void AddLabel(Plot plot, string label) =>
        TextAxis(plot, WrapAnywhere(label, 110), 12, bold: true, "#B00020", lineHeight: 17f, padding: 6);

    // A tickless, frameless bottom axis whose label is the text. The axis measures its label as one line: room is made
    // for every wrapped line so that the stacked texts do not overlap.
    private static void TextAxis(Plot plot, string text, float fontSize, bool bold, string color, float lineHeight, float padding)
    {
        var axis = plot.Axes.AddBottomAxis();
        axis.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        axis.FrameLineStyle.Width = 0;
        axis.LabelText = text;
        axis.LabelFontSize = fontSize;
        axis.LabelBold = bold;
        axis.LabelFontColor = Color.FromHex(color);
        axis.MinimumSize = (lineHeight * (text.Count(c => c == '\n') + 1)) + padding;
    }

    /// <summary>Axis tick labels at given positions (categories: parties, scenarios, name classes).</summary>
    /// <summary>A filled arrow from <paramref name="from"/> to <paramref name="to"/>, its line <paramref name="width"/> wide, its head <paramref name="head"/>.</summary>
    public static void Arrow(Plot plot, Coordinates from, Coordinates to, Color color, float width, float head)
    {
        var arrow = plot.Add.Arrow(from, to);
        arrow.ArrowLineColor = color;
        arrow.ArrowFillColor = color;
        arrow.ArrowWidth = width;
        arrow.ArrowheadWidth = head;
        arrow.ArrowheadLength = head;
    }

    public static void CategoryTicks(IAxis axis, IReadOnlyList<string> labels)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < labels.Count; i++)
        {
            ticks.AddMajor(i, labels[i]);
        }

        axis.TickGenerator = ticks;
    }

    /// <summary>
    /// Breaks <paramref name="text"/> into lines of at most <paramref name="width"/> characters after spaces and colons (a
    /// provenance such as <c>synthetic-harvest:source=whois:server=…</c> has no space), or anywhere in a longer run.
    /// </summary>
    internal static string WrapAnywhere(string text, int width)
    {
        var lines = new List<string>();
        var rest = text.Trim();
        while (rest.Length > width)
        {
            var cut = rest.LastIndexOfAny([' ', ':'], width - 1);
            cut = cut <= 0 ? width : cut + 1;
            lines.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        lines.Add(rest);
        return string.Join('\n', lines);
    }

    /// <summary>Breaks a caption into lines of at most <paramref name="width"/> characters at spaces.</summary>
    internal static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return string.Join('\n', lines);
    }
}
