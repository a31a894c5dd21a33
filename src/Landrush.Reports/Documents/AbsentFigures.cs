using System.Globalization;
using Landrush.Reports.Model;

namespace Landrush.Reports.Documents;

/// <summary>The sentence that opens the figures of a report with some absent, so that a reader sees at once what is missing.</summary>
internal static class AbsentFigures
{
    /// <summary>E.g. <c>2 of 8 figures are absent for this data (…): each says why below.</c>; null when all are drawn.</summary>
    public static string? Note(Report report)
    {
        var absent = report.Figures.Where(f => !f.IsRendered).Select(f => f.Title).ToList();
        return absent.Count == 0 ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"{absent.Count} of {report.Figures.Count} figures are absent for this data ({string.Join("; ", absent)}): each says why below.");
    }
}
