namespace Landrush.Reports.Model;

/// <summary>
/// A whole report, ready to render: plain values only, so that it can be built from any analysis and
/// rendered to Markdown, HTML and CSV without knowing where the numbers came from.
/// </summary>
/// <param name="Title">The report's heading.</param>
/// <param name="DataLabel">What the data is, said first: e.g. "SYNTHETIC: a seeded reconstruction …" or "harvest of the local registry simulator".</param>
/// <param name="IsSynthetic">True when the data is synthetic (a reconstruction, or a harvest of the simulator): the documents then say so at the top.</param>
/// <param name="CommandLine">The exact command that made the report.</param>
/// <param name="Seed">The seed of every random draw behind it, or null when nothing random was drawn.</param>
/// <param name="Headline">The verdict in one sentence, the report's opening line (the terminal's headline).</param>
/// <param name="Verdict">The reasoning behind it in plain words, paragraph by paragraph (one per party).</param>
/// <param name="Reproduced">The seed blog's figures as computed from the data (a table), or null.</param>
/// <param name="Figures">The figures, rendered or absent with the reason.</param>
/// <param name="Tables">Every table (also written as CSV).</param>
/// <param name="Indicators">The fraud indicators with their fair-model references and marks.</param>
/// <param name="Assumptions">The assumptions the verdict rests on, one sentence each.</param>
/// <param name="Provenance">Where the data came from: file, declaration, counts, one line each.</param>
public sealed record Report(
    string Title,
    string DataLabel,
    bool IsSynthetic,
    string CommandLine,
    long? Seed,
    string Headline,
    IReadOnlyList<string> Verdict,
    ReportTable? Reproduced,
    IReadOnlyList<ReportFigure> Figures,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<ReportIndicator> Indicators,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string> Provenance)
{
    /// <summary>Why the data is synthetic (its provenance) for the label on every figure and CSV; null gives a generic label.</summary>
    public string? SyntheticBecause { get; init; }

    /// <summary>What a synthetic report's figures and CSV tables are labelled with: <see cref="SyntheticBecause"/>, or null when the data is not synthetic.</summary>
    public string? SyntheticLabel => IsSynthetic ? SyntheticBecause ?? "synthetic data" : null;
}
