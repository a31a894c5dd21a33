namespace Landrush.Analysis.Parties;

/// <summary>The field through which two registrant handles were found to belong to one party.</summary>
public enum PartyLinkKind
{
    /// <summary>Both handles' names carry the same administrative contact handle.</summary>
    AdminHandle = 0,

    /// <summary>Both registrants' names are equal once normalised (<see cref="RegistrantNames.Normalize"/>).</summary>
    RegistrantName,

    /// <summary>Both use the same name-server set, and that set is not a shared-hosting set.</summary>
    NameServerSet,
}
