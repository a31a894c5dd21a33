using Landrush.Reports.Model;

namespace Landrush.Reports.Documents;

/// <summary>A figure under its title: the image with its caption, or why it is absent.</summary>
internal sealed record FigureBlock(ReportFigure Figure) : DocumentBlock;
