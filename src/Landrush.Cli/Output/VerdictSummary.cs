using Landrush.Analysis.Verdict;

namespace Landrush.Cli.Output;

/// <summary>The verdict for a terminal, as <see cref="Reports.Text.VerdictSummary"/> writes it (the report opens with the same headline).</summary>
internal static class VerdictSummary
{
    /// <summary>The lines: headline, parties, and <paramref name="reasoning"/> (where the full text is).</summary>
    public static IReadOnlyList<string> Lines(VerdictResult result, long holderUnknown, string reasoning) =>
        Reports.Text.VerdictSummary.Lines(result, holderUnknown, reasoning);
}
