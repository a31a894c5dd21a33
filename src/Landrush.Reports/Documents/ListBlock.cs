namespace Landrush.Reports.Documents;

/// <summary>A bulleted list; <paramref name="None"/> is said when it is empty.</summary>
internal sealed record ListBlock(IReadOnlyList<string> Items, string None) : DocumentBlock;
