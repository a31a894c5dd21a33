namespace Landrush.Reports.Documents;

/// <summary>Text shown as it is (the command that made the report).</summary>
internal sealed record CodeBlock(string Text) : DocumentBlock;
