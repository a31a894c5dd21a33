namespace Landrush.Reports.Model;

/// <summary>One file of a rendered report: a path relative to the output folder (forward slashes) and its bytes.</summary>
public sealed record ReportFile(string RelativePath, byte[] Content);
