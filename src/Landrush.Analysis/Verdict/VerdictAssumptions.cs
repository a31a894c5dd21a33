namespace Landrush.Analysis.Verdict;

/// <summary>
/// The numbers every assumption behind a verdict rests on (Reports words them): the spans, others' demand, the grid of
/// multiples, the test's settings and each race read.
/// </summary>
/// <param name="Spans">Numeric spans found.</param>
/// <param name="RangeParties">Parties holding a span.</param>
/// <param name="MinRangeLength">Fewest names a party must hold in a span.</param>
/// <param name="ListFactor">Others' lists together over the names they hold outside the spans (Σλ / held).</param>
/// <param name="Lists">Others' lists.</param>
/// <param name="EmptyHanded">Of those, the lists of participants who won nothing.</param>
/// <param name="Betas">The weights λ^β a list's send order may take, β among these.</param>
/// <param name="CapacitySpread">σ of honest capacities (log-normal around 1).</param>
/// <param name="LowestMultiple">Lowest capacity multiple of the fit's grid.</param>
/// <param name="HighestMultiple">Highest capacity multiple of the fit's grid.</param>
/// <param name="Tested">Range parties tested.</param>
/// <param name="TestedParties">Largest holders among which range parties are tested.</param>
/// <param name="ExcessThreshold">k.</param>
/// <param name="TestSims">Races simulated per test.</param>
/// <param name="Alpha">Familywise α.</param>
/// <param name="PowerSims">Races simulated per party and multiple for the power.</param>
/// <param name="Races">Each tested party's race, largest holder first.</param>
/// <param name="Lumpiness">σ of others' demand over <see cref="LumpinessWindow"/> neighbouring names outside the spans, each
/// kind calibrated (<see cref="Demand.OthersDemand.BandSigma(int, IReadOnlyList{int})"/>): how lumpy the races take demand to be.</param>
/// <param name="ListScales">The lengths others' lists are read at, as multiples of each list's share of Σλ
/// (<see cref="Demand.OthersDemand.ListScales"/>; none: only those).</param>
public sealed record VerdictAssumptions(int Spans, int RangeParties, int MinRangeLength, double ListFactor, int Lists, int EmptyHanded,
    IReadOnlyList<double> Betas, double CapacitySpread, double LowestMultiple, double HighestMultiple, int Tested, int TestedParties,
    double ExcessThreshold, int TestSims, double Alpha, int PowerSims, IReadOnlyList<RaceAssumption> Races, double Lumpiness = 0,
    IReadOnlyList<double>? ListScales = null)
{
    /// <summary>Neighbouring names <see cref="Lumpiness"/> is given over.</summary>
    public const int LumpinessWindow = 100;
}
