using Landrush.Reports.Model;

namespace Landrush.Reports.Documents;

/// <summary>A table under its title (a third-level heading), with where its CSV is when <paramref name="LinkCsv"/>.</summary>
internal sealed record TableBlock(ReportTable Table, bool LinkCsv) : DocumentBlock;
