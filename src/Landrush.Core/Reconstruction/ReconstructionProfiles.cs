namespace Landrush.Core.Reconstruction;

/// <summary>The reconstructions Landrush can build, by profile name.</summary>
public static class ReconstructionProfiles
{
    public static IReadOnlyList<string> Names { get; } = [Nl2008Reconstruction.ProfileName];

    /// <summary>The canonical name of <paramref name="profile"/>.</summary>
    /// <exception cref="UserInputException">For an unknown profile.</exception>
    public static string Resolve(string profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var name = profile.Trim().ToLowerInvariant();
        return Names.Contains(name)
            ? name
            : throw new UserInputException($"unknown reconstruction profile '{profile}': known profiles are {string.Join(", ", Names)}");
    }

    /// <exception cref="UserInputException">For an unknown profile.</exception>
    public static ReconstructedLandrush Build(string profile, long seed) => Resolve(profile) switch
    {
        Nl2008Reconstruction.ProfileName => Nl2008Reconstruction.Build(seed),
        var other => throw new InvalidOperationException($"profile {other} is listed but has no builder"),
    };
}
