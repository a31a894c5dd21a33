namespace Landrush.Reports.Figures;

/// <summary>The capacity a party must have had, as a multiple of a reference participant's, with an interval.</summary>
/// <param name="Party">The party's label.</param>
/// <param name="Multiple">Point estimate (× the reference capacity); NaN when the data give none (the interval alone is drawn).</param>
/// <param name="Low">Lower end of the interval; 0 when the data do not bound it from below.</param>
/// <param name="High">Upper end of the interval; NaN when the data do not bound it from above.</param>
public sealed record CapacityMultiple(string Party, double Multiple, double Low, double High)
{
    /// <summary>
    /// Whether the data say anything of the multiple (an estimate, or a bound on either side). Default true; false when they bound it
    /// on neither side (the party's race does not separate its speed from chance): <see cref="Low"/> and <see cref="High"/> are then no bounds.
    /// </summary>
    public bool Identified { get; init; } = true;
}
