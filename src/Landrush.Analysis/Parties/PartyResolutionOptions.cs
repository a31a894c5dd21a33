namespace Landrush.Analysis.Parties;

/// <summary>How registered names are grouped into parties.</summary>
public sealed record PartyResolutionOptions
{
    private readonly int _sharedHostingThreshold = 8;
    private readonly double _frontShare = 0.5;
    private readonly int? _participants;

    /// <summary>What makes a party. Default <see cref="PartyKey.Resolved"/>.</summary>
    public PartyKey Key { get; init; } = PartyKey.Resolved;

    /// <summary>
    /// K: a name-server set seen with more than K unrelated identities (groups not already joined by admin handle
    /// or registrant name) is a shared-hosting set and links nothing. Default 8; at least 1.
    /// </summary>
    public int SharedHostingThreshold
    {
        get => _sharedHostingThreshold;
        init => _sharedHostingThreshold = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(SharedHostingThreshold), value, "at least 1");
    }

    /// <summary>
    /// A registrar fronts for a party when the party holds more than this share of the registrar's names (and
    /// uses at least one other such registrar). Default 0.5; in (0, 1].
    /// </summary>
    public double FrontShare
    {
        get => _frontShare;
        init => _frontShare = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(FrontShare), value, "in (0, 1]");
    }

    /// <summary>Participants known from elsewhere, those who won nothing included; null (default) when unknown. At least 1.</summary>
    public int? Participants
    {
        get => _participants;
        init => _participants = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Participants), value, "at least 1");
    }
}
