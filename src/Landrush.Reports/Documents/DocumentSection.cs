namespace Landrush.Reports.Documents;

/// <summary>A section of a report document: its heading and its blocks.</summary>
internal sealed record DocumentSection(string Title, IReadOnlyList<DocumentBlock> Blocks, string? HtmlClass = null);
