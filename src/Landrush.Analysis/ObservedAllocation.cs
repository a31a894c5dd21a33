using Landrush.Core.Enumeration;

namespace Landrush.Analysis;

/// <summary>
/// What a dataset shows of a landrush's outcome once parties are resolved: which names of the space are
/// registered and which party holds each. The one input of every measure, null model and indicator,
/// so that none of them reads a dataset (or a truth file) directly.
/// </summary>
public sealed class ObservedAllocation
{
    private readonly int[] _nameIndex;
    private readonly int[] _partyOf;
    private readonly string[] _partyLabels;

    /// <param name="space">The name space the dataset declares.</param>
    /// <param name="tld">The TLD the space is under.</param>
    /// <param name="nameIndex">Index into <paramref name="space"/> of each registered name, strictly ascending.</param>
    /// <param name="partyOf">Party (0 … labels−1) of each registered name, aligned with <paramref name="nameIndex"/>.</param>
    /// <param name="partyLabels">A label per party (e.g. its largest registrant handle or registrar).</param>
    /// <param name="participants">Participants known from elsewhere, those who won nothing included; null when unknown.</param>
    public ObservedAllocation(NameSpace space, string tld, IReadOnlyList<int> nameIndex, IReadOnlyList<int> partyOf,
        IReadOnlyList<string> partyLabels, int? participants = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(tld);
        ArgumentNullException.ThrowIfNull(nameIndex);
        ArgumentNullException.ThrowIfNull(partyOf);
        ArgumentNullException.ThrowIfNull(partyLabels);
        if (nameIndex.Count != partyOf.Count)
        {
            throw new ArgumentException("one party per registered name", nameof(partyOf));
        }

        _nameIndex = [.. nameIndex];
        _partyOf = [.. partyOf];
        _partyLabels = [.. partyLabels];
        for (var i = 0; i < _nameIndex.Length; i++)
        {
            if (_nameIndex[i] < 0 || _nameIndex[i] >= space.Count || (i > 0 && _nameIndex[i] <= _nameIndex[i - 1]))
            {
                throw new ArgumentException($"name index {_nameIndex[i]} at {i} is outside the space or not ascending", nameof(nameIndex));
            }

            if (_partyOf[i] < 0 || _partyOf[i] >= _partyLabels.Length)
            {
                throw new ArgumentException($"party {_partyOf[i]} at {i} has no label", nameof(partyOf));
            }
        }

        if (participants is { } p && p < PartiesHolding())
        {
            throw new ArgumentOutOfRangeException(nameof(participants), p, "fewer participants than parties holding a name");
        }

        Space = space;
        Tld = tld;
        Participants = participants;
    }

    public NameSpace Space { get; }

    public string Tld { get; }

    /// <summary>Index into <see cref="Space"/> of each registered name, ascending.</summary>
    public IReadOnlyList<int> NameIndex => _nameIndex;

    /// <summary>Party of each registered name, aligned with <see cref="NameIndex"/>.</summary>
    public IReadOnlyList<int> PartyOf => _partyOf;

    public IReadOnlyList<string> PartyLabels => _partyLabels;

    public int PartyCount => _partyLabels.Length;

    /// <summary>Registered names (H).</summary>
    public int Registered => _nameIndex.Length;

    /// <summary>Participants known from elsewhere (winners and losers), or null.</summary>
    public int? Participants { get; }

    /// <summary>Names held by each party, indexed by party.</summary>
    public int[] Holdings()
    {
        var h = new int[_partyLabels.Length];
        foreach (var p in _partyOf)
        {
            h[p]++;
        }

        return h;
    }

    /// <summary>Parties holding at least one name.</summary>
    public int PartiesHolding() => Holdings().Count(h => h > 0);
}
