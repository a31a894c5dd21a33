namespace Landrush.Core.Dataset;

/// <summary>What the registry says of a name. Written lower-case in the dataset.</summary>
public enum DomainStatus
{
    /// <summary>Not known yet (no answer, or an answer that could not be read).</summary>
    Unknown = 0,

    /// <summary>Not registered: anyone may register it.</summary>
    Free,

    /// <summary>Registered and delegated.</summary>
    Active,

    /// <summary>Registered but not delegated (no working name servers).</summary>
    Inactive,

    /// <summary>Cancelled and held by the registry for a grace period before it becomes free.</summary>
    Quarantine,
}
