using Landrush.Analysis.Indicators;

namespace Landrush.Profiles.Nl2008;

/// <summary>The .nl landrush of 28–29 February 2008 (all-numeric names), as a profile.</summary>
public static class Nl2008Profile
{
    /// <summary>
    /// Dutch area codes are attractive names; the block 0–2100 is the one the trade association counted on 13 March
    /// 2008; the March 2008 blog's four figures are the published ones; the reconstruction is seeded and synthetic.
    /// </summary>
    public static LandrushProfile Profile { get; } = new(Nl2008Reconstruction.ProfileName, Nl2008Reconstruction.Tld)
    {
        AreaCodes = DutchAreaCodes.All,
        Block = new NumericBlock(0, 2100),
        PublishedFigures = SeedBlogFigures.Compute,
        Reconstruct = Nl2008Reconstruction.Build,
    };
}
