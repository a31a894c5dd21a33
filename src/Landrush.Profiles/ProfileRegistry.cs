using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Profiles.Nl2008;

namespace Landrush.Profiles;

/// <summary>
/// The profiles Landrush knows, and which one a dataset gets: the one its provenance names
/// (<c>…:profile=nl-2008:…</c>), else the one registered for its TLD, else none.
/// </summary>
public static class ProfileRegistry
{
    /// <summary>The choice that picks the profile from the dataset (provenance, then TLD).</summary>
    public const string Auto = "auto";

    /// <summary>The choice of no profile: the generic analysis only.</summary>
    public const string None = "none";

    private const string ProvenanceKey = "profile=";

    /// <summary>Every profile, at most one per TLD.</summary>
    public static IReadOnlyList<LandrushProfile> All { get; } = [Nl2008Profile.Profile];

    /// <summary>The names of the profiles that can build a reconstruction.</summary>
    public static IReadOnlyList<string> Reconstructions { get; } = [.. All.Where(p => p.Reconstruct is not null).Select(p => p.Name)];

    /// <summary>The profile named <paramref name="name"/> (case and surrounding spaces ignored), or null.</summary>
    public static LandrushProfile? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().ToLowerInvariant();
        return All.FirstOrDefault(p => p.Name == key);
    }

    /// <summary>The profile registered for <paramref name="tld"/>, or null.</summary>
    public static LandrushProfile? ForTld(string tld) => All.FirstOrDefault(p => string.Equals(p.Tld, tld, StringComparison.Ordinal));

    /// <summary>The known profile a dataset's provenance names (<c>profile=NAME</c> among its <c>:</c>-separated parts), or null.</summary>
    public static LandrushProfile? FromProvenance(string? provenance) =>
        provenance?.Split(':').Where(part => part.StartsWith(ProvenanceKey, StringComparison.Ordinal))
            .Select(part => Find(part[ProvenanceKey.Length..])).FirstOrDefault(p => p is not null);

    /// <summary>The profile a dataset with <paramref name="header"/> gets by default: named by its provenance, else its TLD's, else none.</summary>
    public static LandrushProfile? For(RegistryDatasetHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return FromProvenance(header.Provenance) ?? ForTld(header.Tld);
    }

    /// <summary>
    /// The profile <paramref name="choice"/> selects for a dataset with <paramref name="header"/>: <see cref="Auto"/> as
    /// <see cref="For"/>, <see cref="None"/> none, else the profile of that name.
    /// </summary>
    /// <exception cref="UserInputException">For a name no profile has.</exception>
    public static LandrushProfile? Choose(string choice, RegistryDatasetHeader header)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Trim().ToLowerInvariant() switch
        {
            Auto => For(header),
            None => null,
            _ => Find(choice) ?? throw new UserInputException(
                $"unknown profile '{choice}': known profiles are {string.Join(", ", All.Select(p => p.Name))} (or {Auto}, {None})"),
        };
    }

    /// <summary>The profile named <paramref name="name"/>, which can build a reconstruction (<see cref="LandrushProfile.Reconstruct"/> is set).</summary>
    /// <exception cref="UserInputException">For a name no profile with a reconstruction has.</exception>
    public static LandrushProfile Reconstruction(string name) =>
        Find(name) is { Reconstruct: not null } profile ? profile
            : throw new UserInputException($"unknown reconstruction profile '{name}': known profiles are {string.Join(", ", Reconstructions)}");
}
