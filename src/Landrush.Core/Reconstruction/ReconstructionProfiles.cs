namespace Landrush.Core.Reconstruction;

/// <summary>The reconstructions Landrush can build, by profile name.</summary>
public static class ReconstructionProfiles
{
    public static IReadOnlyList<string> Names { get; } = [Nl2008Reconstruction.ProfileName];

    /// <exception cref="UserInputException">For an unknown profile.</exception>
    public static Reconstruction Build(string profile, long seed)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Trim().ToLowerInvariant() switch
        {
            Nl2008Reconstruction.ProfileName => Nl2008Reconstruction.Build(seed),
            _ => throw new UserInputException($"unknown reconstruction profile '{profile}': known profiles are {string.Join(", ", Names)}"),
        };
    }
}
