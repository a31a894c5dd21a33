using Landrush.Core.Whois.Eras;

namespace Landrush.Core.Whois;

/// <summary>
/// Names a reply's format era by its most telling marks. An era is a mix of blocks, not a fixed template
/// (the reseller and abuse blocks came years before the current format), so blocks alone never decide it:
/// indentation of the labels → 2008; <c>Record maintained by: SIDN BV</c> or <c>Creation Date:</c> /
/// <c>Updated Date:</c> → current; any other flat record → the 2010s.
/// </summary>
internal static class WhoisEras
{
    public static FormatEra OfRecord(int domainLabelIndent, string? maintainedBy, IEnumerable<LabelledBlock> fields)
    {
        if (domainLabelIndent > 0)
        {
            return FormatEra.Indented2008;
        }

        var current = (maintainedBy?.Contains(EraCurrentLabels.MaintainedByValue, StringComparison.OrdinalIgnoreCase) ?? false)
            || fields.Any(f => WhoisLabels.IsCurrentEraLabel(f.Label));
        return current ? FormatEra.Current : FormatEra.Flat2010s;
    }

    /// <summary>A free reply has no labels; its copyright notice shows the era's indentation.</summary>
    public static FormatEra OfFreeReply(List<WhoisLine> lines)
    {
        foreach (var line in lines)
        {
            if (line.Content.Equals(Era2008Labels.CopyrightNotice, StringComparison.OrdinalIgnoreCase))
            {
                return line.Indent > 0 ? FormatEra.Indented2008 : FormatEra.Unknown;
            }
        }

        return FormatEra.Unknown;
    }
}
