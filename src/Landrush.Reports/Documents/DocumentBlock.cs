namespace Landrush.Reports.Documents;

/// <summary>One block of a report document: Markdown and HTML each render every kind, in the order <see cref="ReportDocument"/> gives.</summary>
internal abstract record DocumentBlock;
