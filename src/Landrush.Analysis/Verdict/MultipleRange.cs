namespace Landrush.Analysis.Verdict;

/// <summary>
/// What a race's profile likelihood says of a party's capacity multiple: the estimate and its 95% interval, or only a
/// bound where the likelihood peaks at an edge of the multiples searched (nothing is read at an edge).
/// </summary>
/// <param name="Multiple">Maximum-likelihood multiple; null when it lies at an edge of the grid or the data bound it on neither side.</param>
/// <param name="Low">Lower end of the 95% interval; 0 when it reaches the slowest multiple searched (no lower bound).</param>
/// <param name="High">Upper end; null when it reaches the fastest multiple searched (no upper bound).</param>
public readonly record struct MultipleRange(double? Multiple, double Low, double? High)
{
    /// <summary>Bounded only from below: read "above <see cref="Low"/>×".</summary>
    public bool Above => Multiple is null && High is null && Low > 0;

    /// <summary>Bounded only from above: read "below <see cref="High"/>×".</summary>
    public bool Below => Multiple is null && High is not null;

    /// <summary>Whether the data say anything of the multiple (an estimate, or a bound on either side).</summary>
    public bool Identified => Multiple is not null || Above || Below;
}
