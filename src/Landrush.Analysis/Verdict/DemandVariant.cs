namespace Landrush.Analysis.Verdict;

/// <summary>
/// One reading of the unseen demand. Demand is inferred, never known: the verdict is computed under
/// <see cref="Base"/> and repeated under the others in the sensitivity table.
/// </summary>
/// <param name="Name">Short name (a column of the table).</param>
/// <param name="RangeWholeBlock">A range party's block runs to the first free name around its dense run (true) or
/// only from its first to its last name in the run.</param>
/// <param name="ListFactor">An ordinary party's list is this many times its holdings (≥ 1): the rest are names it lost.</param>
/// <param name="PatternFeatures">Attractiveness fitted on length and digit patterns (true) or on length only.</param>
public sealed record DemandVariant(string Name, bool RangeWholeBlock, double ListFactor, bool PatternFeatures)
{
    /// <summary>Blocks to the first free name, ordinary lists twice their holdings, length and pattern features.</summary>
    public static DemandVariant Base { get; } = new("base", true, 2.0, true);

    /// <summary>The variants of the sensitivity table, <see cref="Base"/> first.</summary>
    public static IReadOnlyList<DemandVariant> All { get; } =
    [
        Base,
        new("range-not-widened", false, 2.0, true),
        new("lists-half", true, 1.0, true),
        new("lists-twice", true, 4.0, true),
        new("length-only", true, 2.0, false),
    ];

    /// <summary>The variant in plain words.</summary>
    public string Describe() =>
        (RangeWholeBlock ? "range blocks run to the first free name" : "range blocks run only from the first to the last name held")
        + (ListFactor <= 1 ? "; ordinary lists as long as their holdings" : $"; ordinary lists {ListFactor:0.#}× their holdings")
        + (PatternFeatures ? "; attractiveness by length and digit patterns" : "; attractiveness by length only");
}
