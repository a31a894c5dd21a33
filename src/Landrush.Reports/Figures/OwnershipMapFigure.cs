using System.Globalization;
using Landrush.Reports.Model;
using ScottPlot;

namespace Landrush.Reports.Figures;

/// <summary>A 100×100 map of the names 0000–9999 coloured by the party holding each, free names pale.</summary>
public static class OwnershipMapFigure
{
    public const string Id = "ownership-map";

    private static readonly Color Free = Color.FromHex("#F0F0F0");
    private static readonly Color HolderUnknown = Color.FromHex("#9E9E9E");

    /// <param name="grid">The grid, or null when the space has no four-digit names.</param>
    /// <param name="source">Source and seed for the caption.</param>
    public static ReportFigure Render(OwnershipGrid? grid, FigureSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        const string title = "Ownership map of 0000–9999";
        const string what = "Each cell is a four-digit name: row = its first two digits, column = its last two; coloured by the party holding it, pale = free.";
        if (grid is null)
        {
            return ReportFigure.Absent(Id, title, source.Caption(what), "the data's name space does not hold all four-digit names 0000–9999");
        }

        if (grid.Cells.Count != OwnershipGrid.Side * OwnershipGrid.Side)
        {
            throw new ArgumentException("an ownership grid has 10,000 cells", nameof(grid));
        }

        var held = grid.Cells.Count(c => c >= 0);
        if (held == 0)
        {
            return ReportFigure.Absent(Id, title, source.Caption(what), "no four-digit name with a known holder: the map would be blank");
        }

        var palette = new ScottPlot.Palettes.Category10();
        // Category 0: registered with a holder that does not show; 1: free; 2 on: the groups.
        var colors = new List<Color> { HolderUnknown, Free };
        colors.AddRange(grid.Groups.Select((_, g) => LengthFigure.GroupColor(palette, g, grid.Groups.Count)));
        var intensities = new double[OwnershipGrid.Side, OwnershipGrid.Side];
        for (var n = 0; n < grid.Cells.Count; n++)
        {
            // Row 0 (names 00xx) is drawn at the top, as one reads a table.
            intensities[n / OwnershipGrid.Side, n % OwnershipGrid.Side] = grid.Cells[n] - OwnershipGrid.HolderUnknown;
        }

        var unknown = grid.Cells.Count(c => c == OwnershipGrid.HolderUnknown);
        var caption = source.Caption(unknown == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{what} {held:N0} of 10,000 four-digit names are held.")
            : string.Create(CultureInfo.InvariantCulture, $"{what} {held:N0} of 10,000 four-digit names are held by a party that shows; {unknown:N0} more are registered with a holder that does not show (grey)."));
        var plot = FigureCanvas.Create(title, "Last two digits (00–99)", "First two digits (00–99)", caption);
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new CategoryColormap(colors);
        heatmap.ManualRange = new ScottPlot.Range(0, colors.Count - 1);
        heatmap.Extent = new CoordinateRect(-0.5, OwnershipGrid.Side - 0.5, OwnershipGrid.Side - 0.5, -0.5);
        plot.Axes.SetLimits(-0.5, OwnershipGrid.Side - 0.5, OwnershipGrid.Side - 0.5, -0.5);
        var legend = grid.Groups.Select((g, i) => new LegendItem { LabelText = g, FillColor = colors[i + 2] })
            .Concat(unknown > 0 ? [new LegendItem { LabelText = "registered, holder unknown", FillColor = HolderUnknown }] : [])
            .Append(new LegendItem { LabelText = "free", FillColor = Free });
        plot.Legend.ManualItems.AddRange(legend);
        plot.ShowLegend(Edge.Right);
        return FigureCanvas.Render(plot, Id, title, caption, source);
    }

    /// <summary>Maps the heatmap's normalised value back to a category colour (no blending between categories).</summary>
    private sealed class CategoryColormap(IReadOnlyList<Color> colors) : IColormap
    {
        public string Name => "categories";

        public Color GetColor(double position)
        {
            if (double.IsNaN(position))
            {
                return colors[1]; // free
            }

            var i = (int)Math.Round(Math.Clamp(position, 0, 1) * (colors.Count - 1));
            return colors[i];
        }
    }
}
