namespace Landrush.Analysis.Concentration;

/// <summary>
/// Concentration inside one group of names (a name length, a numeric block): how many of the space's names
/// fall in it, how many are registered, and who holds them.
/// </summary>
/// <param name="Group">The group's label, e.g. <c>length 4</c> or <c>0-999</c>.</param>
/// <param name="SpaceNames">Names of the space in the group; null when the space was too large to count.</param>
/// <param name="Registered">Registered names in the group.</param>
/// <param name="Holdings">Names of the group held by each party, indexed as the allocation's parties.</param>
public sealed record GroupShare(string Group, long? SpaceNames, int Registered, IReadOnlyList<int> Holdings)
{
    /// <summary>The party holding most of the group (lowest index on a tie); null when nothing is registered.</summary>
    public int? TopParty => Registered == 0 ? null : Holdings.Select((h, i) => (h, i)).MaxBy(x => (x.h, -x.i)).i;

    /// <summary>Share of the group's registered names held by <see cref="TopParty"/>; NaN when nothing is registered.</summary>
    public double TopShare => ConcentrationRatio.Of([.. Holdings], 1);

    /// <summary>CR2 inside the group; NaN when nothing is registered.</summary>
    public double Cr2 => ConcentrationRatio.Of([.. Holdings], 2);

    /// <summary>HHI (0–10,000) inside the group; NaN when nothing is registered.</summary>
    public double Hhi => HerfindahlIndex.Of([.. Holdings]);
}
