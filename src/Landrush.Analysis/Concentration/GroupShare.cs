namespace Landrush.Analysis.Concentration;

/// <summary>
/// Concentration inside one group of names (a name length, a numeric block): how many of the space's names
/// fall in it, how many are registered, and who holds them.
/// </summary>
/// <param name="Group">The group's label, e.g. <c>length 4</c> or <c>0-999</c>.</param>
/// <param name="SpaceNames">Names of the space in the group; null when the space was too large to count.</param>
/// <param name="Registered">Registered names in the group, those whose holder does not show included.</param>
/// <param name="Holdings">Names of the group held by each party, indexed as the allocation's parties.</param>
/// <param name="HolderUnknown">Of <paramref name="Registered"/>, the names whose holder does not show (in no party's holdings).</param>
public sealed record GroupShare(string Group, long? SpaceNames, int Registered, IReadOnlyList<int> Holdings, int HolderUnknown = 0)
{
    /// <summary>The party holding most of the group (lowest index on a tie); null when no name of it shows its holder.</summary>
    public int? TopParty => Registered - HolderUnknown == 0 ? null : Holdings.Select((h, i) => (h, i)).MaxBy(x => (x.h, -x.i)).i;

    /// <summary>Share of the group's names whose holder shows held by <see cref="TopParty"/>; NaN when none shows.</summary>
    public double TopShare => ConcentrationRatio.Of([.. Holdings], 1);

    /// <summary>CR2 inside the group (of the names whose holder shows); NaN when none shows.</summary>
    public double Cr2 => ConcentrationRatio.Of([.. Holdings], 2);

    /// <summary>HHI (0–10,000) inside the group (of the names whose holder shows); NaN when none shows.</summary>
    public double Hhi => HerfindahlIndex.Of([.. Holdings]);
}
