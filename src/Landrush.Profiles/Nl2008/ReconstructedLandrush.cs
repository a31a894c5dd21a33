using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;

namespace Landrush.Profiles.Nl2008;

/// <summary>
/// A seeded synthetic registry dataset and its ground truth. Synthetic: built by the landrush model to
/// match published aggregates, not registry data.
/// </summary>
public sealed class ReconstructedLandrush
{
    internal ReconstructedLandrush(
        string profile, long seed, NameSpace space, string tld, IReadOnlyList<RegistryRecord> records,
        IReadOnlyList<PartyTruth> parties, IReadOnlyList<HandleTruth> handles, CalibrationReport calibration,
        IReadOnlyList<IReadOnlyList<int>> wishLists)
    {
        Profile = profile;
        Seed = seed;
        Space = space;
        Tld = tld;
        Records = records;
        Parties = parties;
        Handles = handles;
        Calibration = calibration;
        WishLists = wishLists;
    }

    public string Profile { get; }

    public long Seed { get; }

    public NameSpace Space { get; }

    public string Tld { get; }

    /// <summary>One row per name of the space, in index order; free names with status free.</summary>
    public IReadOnlyList<RegistryRecord> Records { get; }

    public IReadOnlyList<PartyTruth> Parties { get; }

    /// <summary>Every registrant handle in <see cref="Records"/> and its party, ordered by handle.</summary>
    public IReadOnlyList<HandleTruth> Handles { get; }

    public CalibrationReport Calibration { get; }

    /// <summary>
    /// The wish list each party sent (name indices into <see cref="Space"/>), by party position: party
    /// number − 1. Kept so tests can check that every name went to a party that asked for it.
    /// </summary>
    internal IReadOnlyList<IReadOnlyList<int>> WishLists { get; }
}
