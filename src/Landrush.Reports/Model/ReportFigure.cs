namespace Landrush.Reports.Model;

/// <summary>
/// One figure of a report: rendered (PNG and SVG of the same plot) or absent with the reason, so that a
/// report on degenerate data still says what is missing and why instead of leaving a hole.
/// </summary>
/// <param name="Id">File stem, lower-case letters, digits and hyphens (<c>lorenz</c> → <c>figures/lorenz.png</c>).</param>
/// <param name="Title">The title drawn on the plot and used as the image's alternative text.</param>
/// <param name="Caption">What the figure shows, its source and seed.</param>
/// <param name="Png">The PNG bytes, or null when absent.</param>
/// <param name="Svg">The SVG document, or null when absent.</param>
/// <param name="AbsentReason">Why the figure could not be drawn, or null when it was.</param>
public sealed record ReportFigure(string Id, string Title, string Caption, byte[]? Png, string? Svg, string? AbsentReason)
{
    public bool IsRendered => Png is not null;

    /// <summary>The label drawn on the image beside its title (e.g. <c>SYNTHETIC — …</c>), or null when none was.</summary>
    public string? Label { get; init; }

    public static ReportFigure Rendered(string id, string title, string caption, byte[] png, string svg) =>
        new(id, title, caption, png, svg, null);

    public static ReportFigure Absent(string id, string title, string caption, string reason) =>
        new(id, title, caption, null, null, reason);
}
