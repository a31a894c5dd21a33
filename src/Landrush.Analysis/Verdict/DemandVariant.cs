namespace Landrush.Analysis.Verdict;

/// <summary>
/// One reading of the unseen demand. Demand is inferred, never known: the verdict is computed under
/// <see cref="Base"/> and repeated under the others in the sensitivity table. Only readings the data cannot
/// tell apart are variants: the level of others' demand and the ordinary lists' lengths are calibrated from
/// the data (outside the blocks), so "lists half / twice as long" would contradict what the data show.
/// </summary>
/// <param name="Name">Short name (a column of the table).</param>
/// <param name="RangeWholeBlock">A range party's block runs to the first free name around its dense run (true) or
/// only from its first to its last name in the run.</param>
/// <param name="PatternFeatures">Attractiveness fitted on length and digit patterns (true) or on length only.</param>
/// <param name="RandomOrder">Ordinary participants send their lists in uniformly random order (true) or most
/// attractive first (a weighted random order).</param>
/// <param name="RangeAnyOrder">Every range party sent its list in an unknown order (true: only how many of the names
/// others wanted it lost speaks to its speed) or, per party, in index order where the positions of its losses support
/// it (false: <see cref="SendOrderCheck"/>). Not among <see cref="All"/>: the base reading makes this choice per party from the data.</param>
public sealed record DemandVariant(string Name, bool RangeWholeBlock, bool PatternFeatures, bool RandomOrder, bool RangeAnyOrder = false)
{
    /// <summary>Blocks to the first free name, length and pattern features, ordinary lists most attractive first, ranges in index order where their losses support it.</summary>
    public static DemandVariant Base { get; } = new("base", true, true, false);

    /// <summary>The variants of the sensitivity table, <see cref="Base"/> first.</summary>
    public static IReadOnlyList<DemandVariant> All { get; } =
    [
        Base,
        new("range-not-widened", false, true, false),
        new("length-only", true, false, false),
        new("random-order", true, true, true),
    ];

    /// <summary>The variant in plain words.</summary>
    public string Describe() =>
        (RangeWholeBlock ? "range blocks run to the first free name" : "range blocks run only from the first to the last name held")
        + (PatternFeatures ? "; attractiveness by length and digit patterns" : "; attractiveness by length only")
        + (RandomOrder ? "; ordinary lists sent in uniformly random order" : "; ordinary lists sent most attractive first")
        + (RangeAnyOrder ? "; range lists sent in an unknown order" : "; range lists sent in index order where the positions of their losses support it, else in an unknown order");
}
