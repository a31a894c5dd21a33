using Landrush.Core.Model.Demand;
using Landrush.Profiles.Nl2008;

namespace Landrush.Profiles.Tests.Nl2008;

public class DutchAreaCodesTests
{
    [Fact]
    public void The_area_code_list_is_well_formed()
    {
        Assert.Equal(DutchAreaCodes.All.Count, DutchAreaCodes.All.Distinct().Count());
        Assert.All(DutchAreaCodes.All, c => Assert.Matches("^0[1-9][0-9]{1,2}$", c));
        Assert.Contains("020", DutchAreaCodes.All);
        Assert.Contains("0111", DutchAreaCodes.All);
    }

    [Fact]
    public void The_profiles_area_codes_are_the_reconstructions()
    {
        // One list: what the reconstruction's parties wanted is what the profile makes attractive in an analysis.
        Assert.Same(DutchAreaCodes.All, Nl2008Profile.Profile.AreaCodes);
        Assert.True(Nl2008Reconstruction.Attractiveness.Features("0111").HasFlag(NameFeatures.AreaCode));
    }
}
