namespace Landrush.Analysis.Parties;

/// <summary>What makes two registered names belong to the same party (<c>--party-key</c>).</summary>
public enum PartyKey
{
    /// <summary>Registrant handles joined by shared admin handle, normalised registrant name or own name-server set (default).</summary>
    Resolved = 0,

    /// <summary>Each registrant handle is a party.</summary>
    Registrant,

    /// <summary>Each registrar is a party.</summary>
    Registrar,
}
