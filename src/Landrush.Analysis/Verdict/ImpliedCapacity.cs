using Landrush.Analysis.Verdict.Spans;

namespace Landrush.Analysis.Verdict;

/// <summary>
/// The capacity, relative to a typical participant (1), with which a range party's race through its spans
/// (<see cref="Race.SpanRace"/>) best explains which of their names it lost and where in its list they lay, with its
/// 95% profile-likelihood interval and the test of "at most k×". A party without a span has no race: nothing is read.
/// </summary>
/// <param name="Party">Index of the party in the observed allocation.</param>
/// <param name="Label">Its label.</param>
/// <param name="Holdings">Names it holds.</param>
/// <param name="RaceNames">Names of its spans (its race's send positions), other parties' spans inside them aside; 0 for a party without a span.</param>
/// <param name="RaceLosses">Of those, the ones others hold: the evidence (but <paramref name="RaceNotRead"/>).</param>
/// <param name="ExpectedWanted">How many of the names its race reads others are expected to have wanted at all (Σ 1 − e^(−λ)).</param>
/// <param name="Multiple">Maximum-likelihood multiple; null when the likelihood peaks at an edge of the multiples searched (the data
/// bound it only from below, <see cref="Above"/>, or only from above, <see cref="Below"/>), when the data bound it on neither
/// side, or when the party has no race.</param>
/// <param name="Low">Lower end of the 95% interval (with <see cref="Above"/>: the multiple is above it); 0 when the data do not
/// bound it from below.</param>
/// <param name="High">Upper end; null when the data do not bound it from above.</param>
/// <param name="SendOrder">The send order of its spans the data chose, in words; null without a race.</param>
/// <param name="Spans">Its spans.</param>
/// <param name="PValue">One-sided Monte Carlo p-value of "at most k×"; null when not tested.</param>
/// <param name="Power">Chance that its race would have been flagged at 3×, 5× and 10×; empty when not tested.</param>
/// <param name="ModelCheck">Share of races simulated at its own best fit whose test statistic reaches the observed one (the
/// race model's check, <see cref="Race.RaceTestResult.FitCheck"/>); null when not tested.</param>
/// <param name="RaceNotRead">Of its losses, the names another range party holds or that lie in another range party's
/// span: both sent them and the race between the two decided them, so its race does not read them as others' demand.</param>
/// <param name="RaceRead">Names of its spans its race reads (those others' demand is weighed on); 0 when not told.</param>
public sealed record ImpliedCapacity(int Party, string Label, int Holdings, int RaceNames, int RaceLosses, double ExpectedWanted,
    double? Multiple, double Low, double? High, string? SendOrder, IReadOnlyList<SendSpan> Spans, double? PValue,
    IReadOnlyList<PowerAt> Power, double? ModelCheck = null, int RaceNotRead = 0, int RaceRead = 0)
{
    /// <summary>Whether a race was read for it.</summary>
    public bool Tested => PValue is not null;

    /// <summary>Its spans are all stretches of one class of numbers (years, area-code-like): a collection, never raced.</summary>
    public bool OnlyStretchClasses => SendSpan.OnlyStretchClasses(Spans);

    /// <summary>Its multiple and interval as one value.</summary>
    public MultipleRange Range => new(Multiple, Low, High);

    /// <summary>
    /// The data bound the multiple only from above: its likelihood peaks at the slowest multiple searched, so no estimate is
    /// read there; read "below <see cref="High"/>×".
    /// </summary>
    public bool Below => Range.Below;

    /// <summary>The data bound the multiple only from below: read "above <see cref="Low"/>×".</summary>
    public bool Above => Range.Above;

    /// <summary>Whether the data say anything of its multiple (an estimate, or a bound on either side).</summary>
    public bool Identified => Range.Identified;
}
